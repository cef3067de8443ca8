/** The console's image list: repeated reads (cache hits), every request a miss, one at a time. */
import { check } from "../lib/http.ts";
import { type Comparison, compare, sequential } from "../lib/load.ts";
import type { Child } from "../lib/processes.ts";

export const CONSOLE_LIST = `query ConsoleImages($regionId: ID!) {
  images(first: 20, filter: { regionId: $regionId, ownerAlias: [SELF] }) {
    totalCount
    edges { node { id name status progress createdAt region { id }
      diskMappings { device type sizeGiB snapshot { id status progress } } } }
  }
}`;

export interface ConsoleBody {
  data: {
    images: {
      totalCount: number;
      edges: {
        node: {
          status: string;
          progress: number;
          region: { id: string };
          diskMappings: { snapshot: { status: string; progress: number } | null }[];
        };
      }[];
    };
  };
}

export function checkConsoleBody(text: string) {
  const body = JSON.parse(text) as ConsoleBody & { errors?: unknown };
  check(!body.errors, `console list errors: ${text.slice(0, 300)}`);
  const { images } = body.data;
  check(images.totalCount === 20 && images.edges.length === 20, "console list: 20 images");
  for (const { node } of images.edges) {
    check(node.status === "AVAILABLE" && node.progress === 100, "console list: AVAILABLE at 100");
    check(node.region.id === "cn-hangzhou", "console list: region");
    check(node.diskMappings.length === 3, "console list: 3 disks");
    check(
      node.diskMappings.every((m) => m.snapshot?.status === "ACCOMPLISHED" && m.snapshot.progress === 100),
      "console list: snapshots ACCOMPLISHED",
    );
  }
}

export async function consoleList(gateway: Child, raw: Child, log: (line: string) => void) {
  const variables = { regionId: "cn-hangzhou" };
  log("console list: repeated reads");
  const hits: Comparison = await compare(
    "list-hits",
    "console list",
    gateway,
    raw,
    CONSOLE_LIST,
    variables,
    false,
    checkConsoleBody,
  );
  log("console list: every request a miss");
  const misses: Comparison = await compare(
    "list-misses",
    "console list, every request a cache miss",
    gateway,
    raw,
    CONSOLE_LIST,
    variables,
    true,
    checkConsoleBody,
  );
  const alone = await sequential(gateway.origin, CONSOLE_LIST, variables, 50);
  return { hits, misses, alone };
}
