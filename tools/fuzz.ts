// node tools/fuzz.ts [--count N] [--seed S] [--scenario NAME] [--fresh-every N]
// Sends generated console lines and manifests (tools/fuzz-inputs.ts) through
// Session.kubectl and reports every input that threw, or that returned no
// result. A session is replaced every --fresh-every inputs so state stays
// varied without growing without bound. Prints one summary line at the end.

import { parseArgs } from "node:util";
import fc from "fast-check";
import { Session } from "../shared/game/session.ts";
import { loadCatalog } from "../server/scenarios.ts";
import { consoleInput } from "./fuzz-inputs.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    scenario: { type: "string", default: "sandbox" },
    "fresh-every": { type: "string", default: "2000" },
  },
});

const count = Number(values.count);
const seed = Number(values.seed);
const freshEvery = Number(values["fresh-every"]);
const scenario = loadCatalog().get(values.scenario);
if (!scenario || !Number.isInteger(count) || !Number.isInteger(seed) || !Number.isInteger(freshEvery)) {
  process.stderr.write("usage: node tools/fuzz.ts [--count N] [--seed S] [--scenario NAME] [--fresh-every N]\n");
  process.exit(2);
}

const user = { name: "fuzzer", groups: ["system:masters"] };
const started = performance.now();
let session = new Session(scenario, seed);
const failures = new Map<string, { line: string; stdin?: string }>();
let thrown = 0;
let i = 0;
// fc.sample with a fixed seed: the same --seed gives the same inputs.
const batch = 10_000;
for (let done = 0; done < count; done += batch) {
  for (const input of fc.sample(consoleInput, { numRuns: Math.min(batch, count - done), seed: seed * 1_000_003 + done })) {
    if (i > 0 && i % freshEvery === 0) session = new Session(scenario, seed + i);
    i++;
    try {
      const r = session.kubectl(user, input.line, input.stdin);
      if (typeof r?.stdout !== "string" || typeof r.stderr !== "string" || typeof r.exitCode !== "number") throw new Error("no result");
    } catch (e) {
      thrown++;
      const key = e instanceof Error ? `${e.name}: ${e.message}`.split("\n")[0]!.slice(0, 160) : String(e);
      if (!failures.has(key)) failures.set(key, input);
    }
  }
}
const secs = (performance.now() - started) / 1000;
for (const [key, input] of failures) {
  process.stdout.write(`THREW ${key}\n  line: ${JSON.stringify(input.line)}\n${input.stdin !== undefined ? `  stdin: ${JSON.stringify(input.stdin.slice(0, 300))}\n` : ""}`);
}
process.stdout.write(`fuzz: ${i} inputs, seed ${seed}, scenario ${values.scenario}: ${thrown} threw (${failures.size} distinct), ${secs.toFixed(1)} s (${Math.round(i / secs)} inputs/s)\n`);
process.exitCode = thrown > 0 ? 1 : 0;
