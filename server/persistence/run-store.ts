// Runs on disk: each room's action log in the embedded store (node:sqlite), so a
// run can be replayed, scored and checked long after its room is gone.

import { DatabaseSync } from "node:sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { ActionLog } from "../../shared/game/actions/action.ts";

export interface RunRecord {
  readonly id: string;
  readonly scenario: string;
  readonly seed: number;
  readonly simVersion: number;
  readonly endTick: number;
  readonly stateHash: string;
  readonly log: ActionLog;
}

export class RunStore {
  readonly #db: DatabaseSync;

  /** `path` ":memory:" keeps everything in memory (tests). */
  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.#db = new DatabaseSync(path);
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      CREATE TABLE IF NOT EXISTS runs (
        id TEXT PRIMARY KEY,
        scenario TEXT NOT NULL,
        seed INTEGER NOT NULL,
        sim_version INTEGER NOT NULL,
        end_tick INTEGER NOT NULL,
        state_hash TEXT NOT NULL,
        log TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (datetime('now'))
      );
    `);
  }

  /** Inserts or replaces the run's latest checkpoint. */
  save(id: string, log: ActionLog, stateHash: string): void {
    this.#db
      .prepare(
        `INSERT INTO runs (id, scenario, seed, sim_version, end_tick, state_hash, log, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, datetime('now'))
         ON CONFLICT(id) DO UPDATE SET end_tick = excluded.end_tick, state_hash = excluded.state_hash,
           log = excluded.log, updated_at = excluded.updated_at`,
      )
      .run(id, log.scenario, log.seed, log.simVersion, log.endTick, stateHash, JSON.stringify(log));
  }

  get(id: string): RunRecord | undefined {
    const row = this.#db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as
      | { id: string; scenario: string; seed: number; sim_version: number; end_tick: number; state_hash: string; log: string }
      | undefined;
    if (!row) return undefined;
    const parsed = ActionLog.safeParse(JSON.parse(row.log));
    if (!parsed.success) return undefined;
    return { id: row.id, scenario: row.scenario, seed: row.seed, simVersion: row.sim_version, endTick: row.end_tick, stateHash: row.state_hash, log: parsed.data };
  }

  close(): void {
    this.#db.close();
  }
}
