import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ManualClock } from "../support/clock.ts";
import { newImage } from "../support/fixtures.ts";
import { requireService } from "../support/services.ts";

const CHROMIUM = requireService("chromium", "test/browser/console-csp.test.ts (the console under its CSP)");
const WAIT = 15_000;

let app: TestApp;
let browser: Browser;
let page: Page;
/** What the page reported: CSP violations (the DOM event) and the browser's errors and warnings. */
const violations: string[] = [];
const messages: string[] = [];
const sockets: string[] = [];

beforeAll(async () => {
  if (!CHROMIUM) return;
  // The clock stands still: the image stays in flight, so the console subscribes to it.
  app = await startTestApp({ clock: new ManualClock(), config: { progressIntervalMs: 3_600_000 } });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportViolation(text: string): void }).reportViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") messages.push(message.text());
  });
  page.on("pageerror", (error) => messages.push(String(error)));
  page.on("websocket", (socket) => sockets.push(socket.url()));
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe.skipIf(!CHROMIUM)("the console under its Content-Security-Policy", () => {
  it("signs in, lists, and streams live progress over graphql-ws without a CSP violation", async () => {
    await newImage(
      app.origin,
      { name: "csp-image" },
      { regionId: "cn-hangzhou", name: "csp-vm", dataDisks: [{ sizeGiB: 40 }] },
    );
    const response = await page.goto(`${app.origin}/console`);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response?.headers()["x-frame-options"]).toBe("DENY");
    await page.getByRole("textbox", { name: "API key" }).waitFor({ state: "visible", timeout: WAIT });
    await page.getByRole("button", { name: "Use the demo key", exact: true }).click();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "Instances" }).waitFor({ state: "visible", timeout: WAIT });
    await page.getByRole("link", { name: "Images", exact: true }).click();
    await page
      .getByRole("row")
      .filter({ hasText: "csp-image" })
      .first()
      .waitFor({ state: "visible", timeout: WAIT });
    await expect.poll(() => sockets, { timeout: WAIT }).toContainEqual(expect.stringContaining("/graphql"));
    // The styles applied (the stylesheet loaded under style-src 'self').
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).not.toBe("");
    expect(violations).toEqual([]);
    expect(messages.filter((text) => /content security policy/i.test(text))).toEqual([]);
  });

  it("refuses to be framed by another page", async () => {
    const framing = await browser.newPage();
    const refused: string[] = [];
    framing.on("console", (message) => refused.push(message.text()));
    // An opaque origin (about:blank) framing the console: the browser must refuse to show it.
    await framing.setContent(`<iframe src="${app.origin}/console" width="400" height="300"></iframe>`);
    await expect
      .poll(() => refused.some((text) => /frame-ancestors|X-Frame-Options/i.test(text)), { timeout: WAIT })
      .toBe(true);
    const frame = framing.frames().find((f) => f.url().includes("/console"));
    expect(
      await frame
        ?.locator("#root")
        .count()
        .catch(() => 0),
    ).not.toBe(1);
    await framing.close();
  });
});
