// Session.kubectl never throws: generated console lines and manifests
// (tools/fuzz-inputs.ts) always come back as a result (stdout, stderr, exit
// code). tools/fuzz.ts runs the same inputs by the million.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Session } from "../shared/game/session.ts";
import { loadCatalog } from "../server/scenarios.ts";
import { consoleInput } from "./fuzz-inputs.ts";

const user = { name: "fuzzer", groups: ["system:masters"] };

describe("Session.kubectl", () => {
  it("answers every generated input without throwing", () => {
    const session = new Session(loadCatalog().get("sandbox")!, 1);
    fc.assert(
      fc.property(consoleInput, ({ line, stdin }) => {
        const r = session.kubectl(user, line, stdin);
        expect(typeof r.stdout).toBe("string");
        expect(typeof r.stderr).toBe("string");
        expect(Number.isInteger(r.exitCode)).toBe(true);
      }),
      { numRuns: 1500, seed: 42 },
    );
  });
});
