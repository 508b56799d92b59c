// Runs on disk: each room's action log in the embedded store (node:sqlite), so a
// run can be replayed, scored and checked long after its room is gone. A run is
// known by a unique id; its room's join code is only how players got in (codes
// are short and come back), so many runs may share one.

import { DatabaseSync } from "node:sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { ActionLog } from "../../shared/game/actions/action.ts";

export interface RunRecord {
  readonly id: string;
  readonly joinCode: string;
  readonly scenario: string;
  readonly seed: number;
  readonly simVersion: number;
  readonly endTick: number;
  readonly stateHash: string;
  readonly log: ActionLog;
}

interface RunRow {
  id: string;
  join_code: string;
  scenario: string;
  seed: number;
  sim_version: number;
  end_tick: number;
  state_hash: string;
  log: string;
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
    // Stores written before runs had their own ids keyed them by join code: that is their code too.
    const columns = this.#db.prepare("PRAGMA table_info(runs)").all() as { name: string }[];
    if (!columns.some((c) => c.name === "join_code")) {
      this.#db.exec("ALTER TABLE runs ADD COLUMN join_code TEXT NOT NULL DEFAULT ''; UPDATE runs SET join_code = id;");
    }
    this.#db.exec("CREATE INDEX IF NOT EXISTS runs_join_code ON runs (join_code, updated_at)");
  }

  /** Inserts or replaces the run's latest checkpoint. */
  save(run: { readonly id: string; readonly joinCode: string }, log: ActionLog, stateHash: string): void {
    this.#db
      .prepare(
        `INSERT INTO runs (id, join_code, scenario, seed, sim_version, end_tick, state_hash, log, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))
         ON CONFLICT(id) DO UPDATE SET end_tick = excluded.end_tick, state_hash = excluded.state_hash,
           log = excluded.log, updated_at = excluded.updated_at`,
      )
      .run(run.id, run.joinCode, log.scenario, log.seed, log.simVersion, log.endTick, stateHash, JSON.stringify(log));
  }

  get(id: string): RunRecord | undefined {
    return this.#record(this.#db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as RunRow | undefined);
  }

  /** The runs played in rooms with this join code, newest first. */
  byJoinCode(joinCode: string): RunRecord[] {
    const rows = this.#db.prepare("SELECT * FROM runs WHERE join_code = ? ORDER BY updated_at DESC, rowid DESC").all(joinCode) as unknown as RunRow[];
    return rows.map((r) => this.#record(r)).filter((r): r is RunRecord => r !== undefined);
  }

  #record(row: RunRow | undefined): RunRecord | undefined {
    if (!row) return undefined;
    const parsed = ActionLog.safeParse(JSON.parse(row.log));
    if (!parsed.success) return undefined;
    return { id: row.id, joinCode: row.join_code, scenario: row.scenario, seed: row.seed, simVersion: row.sim_version, endTick: row.end_tick, stateHash: row.state_hash, log: parsed.data };
  }

  close(): void {
    this.#db.close();
  }
}
