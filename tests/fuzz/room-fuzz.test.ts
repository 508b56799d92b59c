// The room fuzzer in the unit suite: a few hundred generated inputs (every
// message type, near-valid and arbitrary, unknown types, raw and oversized
// frames, joins, HTTP to every route) against a real server and two rooms.
// The process keeps running, both rooms answer a fresh client, every
// valid-framed message is answered, the journal loses nothing and replays to
// the room's state hash, and caught input is logged one line each.
// `node tools/fuzz-room.ts --count N --seed S` runs as many as you like.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roomInput } from "../../tools/fuzz-room-inputs.ts";
import { RoomTarget } from "../../tools/fuzz-room-target.ts";

const INPUTS = 400;
const target = new RoomTarget({ port: 3350 + Number(process.env.VITEST_POOL_ID ?? 1) });

beforeAll(() => target.start());
afterAll(() => target.close());

describe("room fuzz", () => {
  it(`survives and answers ${INPUTS} generated inputs`, async () => {
    const inputs = fc.sample(roomInput, { numRuns: INPUTS, seed: 20261209 });
    for (let i = 0; i < inputs.length; i++) {
      await target.run(inputs[i]!);
      if ((i + 1) % 200 === 0) await target.check(`input ${i + 1}`);
    }
    await target.checkReplay();
    expect(target.failures).toEqual([]);
    expect(target.log.multiline).toBe(0);
    // One line per caught input at most, plus the rooms' own lines.
    expect(target.log.lines).toBeLessThanOrEqual(INPUTS);
  }, 60_000);
});
