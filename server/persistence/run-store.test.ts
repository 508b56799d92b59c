import { describe, expect, it } from "vitest";
import { RunStore } from "./run-store.ts";
import type { ActionLog } from "../../shared/game/actions/action.ts";

const log = (endTick: number): ActionLog => ({
  simVersion: 1,
  scenario: "level-1",
  seed: 1,
  endTick,
  actions: [{ tick: 3, user: { name: "alice" }, action: { type: "bind", namespace: "default", pod: "api", node: "node-1" } }],
});

describe("run store", () => {
  it("keeps the latest checkpoint of a run", () => {
    const store = new RunStore(":memory:");
    store.save("ABC123", log(10), "h1");
    store.save("ABC123", log(25), "h2");
    const run = store.get("ABC123")!;
    expect(run).toMatchObject({ id: "ABC123", scenario: "level-1", seed: 1, simVersion: 1, endTick: 25, stateHash: "h2" });
    expect(run.log).toEqual(log(25));
    expect(store.get("NOPE")).toBeUndefined();
    store.close();
  });
});
