/**
 * `tsx bench/profile-summary.ts FILE.cpuprofile`: where a V8 CPU profile's busy time goes, by
 * package (or project file) and by function, self time only.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const profile = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

function owner(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return url;
  const src = url.indexOf("/src/");
  return src >= 0 ? url.slice(src + 1) : url;
}

const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
let idle = 0;
for (const [id, time] of self) {
  const { callFrame } = byId.get(id)!;
  if (callFrame.functionName === "(idle)") {
    idle += time;
    continue;
  }
  total += time;
  const who = owner(callFrame.url, callFrame.functionName);
  byOwner.set(who, (byOwner.get(who) ?? 0) + time);
  const fn = `${callFrame.functionName || "(anonymous)"} ${who}:${callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + time);
}

const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`busy ${(total / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s\n`);
console.log("| by package / file | self % |\n|---|---|");
for (const [name, time] of top(byOwner, 25))
  console.log(`| ${name} | ${((time / total) * 100).toFixed(1)} |`);
console.log("\n| by function | self % |\n|---|---|");
for (const [name, time] of top(byFunction, 30))
  console.log(`| ${name} | ${((time / total) * 100).toFixed(1)} |`);
