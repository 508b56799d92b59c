import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { RunStore, type NewRun } from "./run-store.ts";
import type { ActionLog, LoggedAction } from "../../shared/game/actions/action.ts";

const bind = (tick: number, pod: string): LoggedAction => ({ tick, user: { name: "alice", groups: ["pod-pilot:players"] }, action: { type: "bind", namespace: "default", pod, node: "node-1" } });
const run = (id: string, joinCode = "ABC234"): NewRun => ({ id, joinCode, scenario: "level-1", seed: 1, simVersion: 6, hostTokenHash: "hh" });

describe("run store", () => {
  it("journals each action and assembles the run's log from it", () => {
    const store = new RunStore(":memory:");
    store.open(run("run-1"));
    store.append("run-1", 0, bind(3, "api"));
    store.append("run-1", 1, bind(7, "web"));
    store.progress("run-1", { endTick: 25, speed: 5, stateHash: "h2" });
    const got = store.get("run-1")!;
    expect(got).toMatchObject({ id: "run-1", joinCode: "ABC234", scenario: "level-1", seed: 1, simVersion: 6, endTick: 25, stateHash: "h2" });
    expect(got.log).toEqual({ simVersion: 6, scenario: "level-1", seed: 1, endTick: 25, actions: [bind(3, "api"), bind(7, "web")] });
    expect(store.get("NOPE")).toBeUndefined();
    store.close();
  });

  it("a journal past the last progress save still ends at its last action", () => {
    const store = new RunStore(":memory:");
    store.open(run("run-1"));
    store.progress("run-1", { endTick: 10, speed: 1 });
    store.append("run-1", 0, bind(14, "api"));
    expect(store.get("run-1")!.log.endTick).toBe(14);
    store.close();
  });

  it("lists live runs with their speed, host token hash and seats until they end", () => {
    const store = new RunStore(":memory:");
    store.open(run("run-1"));
    store.open(run("run-2", "XYZ789"));
    store.seat("run-1", { name: "alice", role: "host", seatHash: "s1" });
    store.seat("run-1", { name: "bob", role: "player", seatHash: "s2" });
    store.unseat("run-1", "bob");
    store.progress("run-1", { endTick: 40, speed: 0 });
    store.end("run-2", { endTick: 5, stateHash: "h" });
    expect(store.live().map((r) => ({ id: r.id, code: r.joinCode, speed: r.speed, endTick: r.endTick, host: r.hostTokenHash, seats: r.seats }))).toEqual([
      { id: "run-1", code: "ABC234", speed: 0, endTick: 40, host: "hh", seats: [{ name: "alice", role: "host", seatHash: "s1" }] },
    ]);
    store.close();
  });

  it("keeps every run of a join code that comes back, newest first", () => {
    const store = new RunStore(":memory:");
    store.open(run("run-1"));
    store.progress("run-1", { endTick: 10, speed: 1 });
    store.open(run("run-2"));
    store.progress("run-2", { endTick: 30, speed: 1 });
    expect(store.byJoinCode("ABC234").map((r) => [r.id, r.endTick])).toEqual([
      ["run-2", 30],
      ["run-1", 10],
    ]);
    store.close();
  });

  it("opens a store written when runs were keyed by join code, and keeps their logs", () => {
    const path = join(mkdtempSync(join(tmpdir(), "runs-")), "runs.db");
    const old = new DatabaseSync(path);
    const log: ActionLog = { simVersion: 1, scenario: "level-1", seed: 1, endTick: 10, actions: [{ tick: 3, user: { name: "alice" }, action: { type: "bind", namespace: "default", pod: "api", node: "node-1" } }] };
    old.exec(`CREATE TABLE runs (id TEXT PRIMARY KEY, scenario TEXT NOT NULL, seed INTEGER NOT NULL, sim_version INTEGER NOT NULL,
      end_tick INTEGER NOT NULL, state_hash TEXT NOT NULL, log TEXT NOT NULL, updated_at TEXT NOT NULL DEFAULT (datetime('now')))`);
    old.prepare("INSERT INTO runs (id, scenario, seed, sim_version, end_tick, state_hash, log) VALUES (?, ?, ?, ?, ?, ?, ?)").run("OLD123", "level-1", 1, 1, 10, "h", JSON.stringify(log));
    old.close();
    const store = new RunStore(path);
    expect(store.get("OLD123")).toMatchObject({ joinCode: "OLD123", log });
    expect(store.byJoinCode("OLD123")).toHaveLength(1);
    // An old run is over: it never comes back as a live room.
    expect(store.live()).toEqual([]);
    store.close();
  });
});
