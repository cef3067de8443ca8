/** `instances(first: 100)` with disks and region, every request a cache miss. */
import { check } from "../lib/http.ts";
import { type Comparison, compare } from "../lib/load.ts";
import type { Child } from "../lib/processes.ts";

export const INSTANCE_LIST = `query ConsoleInstances {
  instances(first: 100) {
    totalCount
    edges { node { id name status region { id name } disks { id type device sizeGiB status } } }
  }
}`;

export function checkInstancesBody(expectedTotal: number) {
  return (text: string) => {
    const body = JSON.parse(text) as {
      errors?: unknown;
      data: { instances: { totalCount: number; edges: { node: { disks: unknown[]; region: unknown } }[] } };
    };
    check(!body.errors, `instances errors: ${text.slice(0, 300)}`);
    check(body.data.instances.totalCount === expectedTotal, "instances: totalCount");
    check(body.data.instances.edges.length === 100, "instances: a page of 100");
    check(
      body.data.instances.edges.every((e) => e.node.disks.length === 3 && e.node.region),
      "instances: disks and region",
    );
  };
}

export function instanceList(gateway: Child, raw: Child, instanceCount: number): Promise<Comparison> {
  return compare(
    "instances",
    "instances(first: 100)",
    gateway,
    raw,
    INSTANCE_LIST,
    undefined,
    true,
    checkInstancesBody(instanceCount),
  );
}
