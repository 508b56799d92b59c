// node tools/fuzz-room.ts [--count N] [--seed S] [--port P] [--batch B]
// Boots the server in-process on a port in 3300-3399, makes two rooms by
// POST /api/rooms, seats hosts and players with the SDK, and sends generated
// inputs (tools/fuzz-room-inputs.ts): every message type, near-valid and
// arbitrary, unknown types, raw and oversized frames, joins, and HTTP to every
// route. After each input and each batch the invariants of
// tools/fuzz-room-target.ts are checked; at the end each room's journal is
// replayed to its state hash. Prints every failure and one summary line.

import fc from "fast-check";
import { parseArgs } from "node:util";
import { roomInput } from "./fuzz-room-inputs.ts";
import { RoomTarget } from "./fuzz-room-target.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "2000" },
    seed: { type: "string", default: "1" },
    port: { type: "string", default: "3321" },
    batch: { type: "string", default: "100" },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
const port = Number(values.port);
const batch = Number(values.batch);
if (![count, seed, port, batch].every(Number.isInteger) || port < 3300 || port > 3399 || batch < 1) {
  process.stderr.write("usage: node tools/fuzz-room.ts [--count N] [--seed S] [--port 3300-3399] [--batch B]\n");
  process.exit(2);
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const started = performance.now();
const target = new RoomTarget({ port });
await target.start().catch((e: unknown) => {
  process.stderr.write(`fuzz-room: the server or its rooms did not start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});
const kinds = new Map<string, number>();
let done = 0;
for (let from = 0; from < count; from += batch) {
  // fc.sample with a fixed seed per batch: the same --seed gives the same inputs.
  for (const input of fc.sample(roomInput, { numRuns: Math.min(batch, count - from), seed: seed * 1_000_003 + from })) {
    await target.run(input);
    kinds.set(input.kind, (kinds.get(input.kind) ?? 0) + 1);
    done++;
  }
  await target.check(`input ${done}`);
  process.stderr.write(`${done}/${count} inputs, ${target.failures.length} failures, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}
await target.checkReplay();
await target.close();

const secs = (performance.now() - started) / 1000;
const distinct = new Map<string, string>();
for (const f of target.failures) if (!distinct.has(f.problem.slice(0, 120))) distinct.set(f.problem.slice(0, 120), f.input);
for (const [problem, input] of distinct) out(`FAIL ${problem}\n  input: ${input}`);
for (const sample of target.log.samples) out(`MULTI-LINE LOG ${sample}`);
const mix = [...kinds].map(([k, n]) => `${k} ${n}`).join(", ");
out(
  `fuzz-room: ${done} inputs (${mix}; ${target.unsendable} not encodable, not sent), seed ${seed}: ${target.failures.length} failures (${distinct.size} distinct); ` +
    `server log ${target.log.lines} lines, ${target.log.bytes} bytes, ${target.log.multiline} multi-line; ${secs.toFixed(1)} s (${Math.round(done / secs)} inputs/s)`,
);
process.exit(target.failures.length > 0 || target.log.multiline > 0 ? 1 : 0);
