import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
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
    store.save({ id: "run-1", joinCode: "ABC123" }, log(10), "h1");
    store.save({ id: "run-1", joinCode: "ABC123" }, log(25), "h2");
    const run = store.get("run-1")!;
    expect(run).toMatchObject({ id: "run-1", joinCode: "ABC123", scenario: "level-1", seed: 1, simVersion: 1, endTick: 25, stateHash: "h2" });
    expect(run.log).toEqual(log(25));
    expect(store.get("NOPE")).toBeUndefined();
    store.close();
  });

  it("keeps every run of a join code that comes back, newest first", () => {
    const store = new RunStore(":memory:");
    store.save({ id: "run-1", joinCode: "ABC123" }, log(10), "h1");
    store.save({ id: "run-2", joinCode: "ABC123" }, log(30), "h2");
    expect(store.byJoinCode("ABC123").map((r) => [r.id, r.endTick])).toEqual([
      ["run-2", 30],
      ["run-1", 10],
    ]);
    expect(store.get("run-1")?.endTick).toBe(10);
    store.close();
  });

  it("opens a store written when runs were keyed by join code", () => {
    const path = join(mkdtempSync(join(tmpdir(), "runs-")), "runs.db");
    const old = new DatabaseSync(path);
    old.exec(`CREATE TABLE runs (id TEXT PRIMARY KEY, scenario TEXT NOT NULL, seed INTEGER NOT NULL, sim_version INTEGER NOT NULL,
      end_tick INTEGER NOT NULL, state_hash TEXT NOT NULL, log TEXT NOT NULL, updated_at TEXT NOT NULL DEFAULT (datetime('now')))`);
    old.prepare("INSERT INTO runs (id, scenario, seed, sim_version, end_tick, state_hash, log) VALUES (?, ?, ?, ?, ?, ?, ?)").run("OLD123", "level-1", 1, 1, 10, "h", JSON.stringify(log(10)));
    old.close();
    const store = new RunStore(path);
    expect(store.get("OLD123")?.joinCode).toBe("OLD123");
    expect(store.byJoinCode("OLD123")).toHaveLength(1);
    store.close();
  });
});
