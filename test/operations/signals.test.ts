import { type GatewayProcess, startGatewayProcess } from "../support/process.ts";
import { afterAll, describe, expect, it } from "../support/test.ts";

let gateway: GatewayProcess | undefined;

afterAll(() => {
  if (gateway && gateway.child.exitCode === null) gateway.child.kill("SIGKILL");
});

const messages = (output: string) =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => (JSON.parse(line) as { message: string }).message);

describe("signals", () => {
  // `npm start` in a terminal or under a process manager: the signal reaches the whole process
  // group, and npm forwards it to the gateway as well, so the gateway gets it twice at once.
  it("shuts down gracefully when SIGTERM arrives twice, as under npm start", async ({ database }) => {
    gateway = await startGatewayProcess({ DATABASE_URL: database.url });
    const { child, output } = gateway;
    child.kill("SIGTERM");
    // The second one while the first one's shutdown is under way (two signals at once would be one).
    while (!output().includes('"shutting down"')) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill("SIGTERM");
    expect(await gateway.exited).toBe(0);
    expect(messages(gateway.output()).slice(-2)).toEqual(["shutting down", "shut down"]);
  });
});
