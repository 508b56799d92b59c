// Runs on disk: each room's action log in the embedded store (node:sqlite), so
// a run can be replayed, scored and checked long after its room is gone, and a
// live room comes back after a crash. A run is known by a unique id; its room's
// join code is only how players got in (codes are short and come back).
//
// The log is a journal: each action is one row, written (WAL, synchronous=FULL)
// before the room acknowledges it, so `kill -9` loses nothing acknowledged.

import { DatabaseSync } from "node:sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { ActionLog, LoggedAction } from "../../shared/game/actions/action.ts";
import type { Role, Speed } from "../../shared/protocol/messages.ts";

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

/** What a room needs to come back after a crash, besides its log. */
export interface LiveRun extends RunRecord {
  readonly speed: Speed;
  /** SHA-256 of the host token, hex: the token itself is never stored. */
  readonly hostTokenHash: string;
  readonly seats: readonly SeatRecord[];
}

export interface SeatRecord {
  readonly name: string;
  readonly role: Role;
  /** SHA-256 of the seat token, hex. */
  readonly seatHash: string;
}

export interface NewRun {
  readonly id: string;
  readonly joinCode: string;
  readonly scenario: string;
  readonly seed: number;
  readonly simVersion: number;
  readonly hostTokenHash: string;
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
  status: string;
  speed: number;
  host_token_hash: string;
}

export class RunStore {
  readonly #db: DatabaseSync;

  /** `path` ":memory:" keeps everything in memory (tests). */
  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.#db = new DatabaseSync(path);
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
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
      CREATE TABLE IF NOT EXISTS run_actions (
        run_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        entry TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
      CREATE TABLE IF NOT EXISTS run_seats (
        run_id TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        seat_hash TEXT NOT NULL,
        PRIMARY KEY (run_id, name)
      );
    `);
    this.#migrate();
  }

  /** Columns added since the first stores; old rows keep their meaning. */
  #migrate(): void {
    const columns = new Set((this.#db.prepare("PRAGMA table_info(runs)").all() as { name: string }[]).map((c) => c.name));
    // Runs written before they had their own ids were keyed by join code: that is their code too.
    if (!columns.has("join_code")) this.#db.exec("ALTER TABLE runs ADD COLUMN join_code TEXT NOT NULL DEFAULT ''; UPDATE runs SET join_code = id;");
    // Runs written before rooms came back after a crash are over.
    if (!columns.has("status")) this.#db.exec("ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'ended'");
    if (!columns.has("speed")) this.#db.exec("ALTER TABLE runs ADD COLUMN speed INTEGER NOT NULL DEFAULT 1");
    if (!columns.has("host_token_hash")) this.#db.exec("ALTER TABLE runs ADD COLUMN host_token_hash TEXT NOT NULL DEFAULT ''");
    this.#db.exec("CREATE INDEX IF NOT EXISTS runs_join_code ON runs (join_code, updated_at)");
    this.#db.exec("CREATE INDEX IF NOT EXISTS runs_status ON runs (status)");
  }

  /** Records a new live run (its room just opened). */
  open(run: NewRun): void {
    this.#db
      .prepare(
        `INSERT INTO runs (id, join_code, scenario, seed, sim_version, end_tick, state_hash, log, status, speed, host_token_hash)
         VALUES (?, ?, ?, ?, ?, 0, '', '', 'live', 1, ?)`,
      )
      .run(run.id, run.joinCode, run.scenario, run.seed, run.simVersion, run.hostTokenHash);
  }

  /** Journals one action; it is on disk when this returns. */
  append(runId: string, seq: number, entry: LoggedAction): void {
    this.#db.prepare("INSERT INTO run_actions (run_id, seq, entry) VALUES (?, ?, ?)").run(runId, seq, JSON.stringify(entry));
  }

  /** Where a live run is: a paused room comes back paused at this tick. */
  progress(runId: string, p: { readonly endTick: number; readonly speed: Speed; readonly stateHash?: string }): void {
    if (p.stateHash === undefined) {
      this.#db.prepare("UPDATE runs SET end_tick = ?, speed = ?, updated_at = datetime('now') WHERE id = ?").run(p.endTick, p.speed, runId);
    } else {
      this.#db.prepare("UPDATE runs SET end_tick = ?, speed = ?, state_hash = ?, updated_at = datetime('now') WHERE id = ?").run(p.endTick, p.speed, p.stateHash, runId);
    }
  }

  /** The room is gone for good: its run stays for replays, but will not come back. */
  end(runId: string, p: { readonly endTick: number; readonly stateHash: string }): void {
    this.#db.prepare("UPDATE runs SET end_tick = ?, state_hash = ?, status = 'ended', updated_at = datetime('now') WHERE id = ?").run(p.endTick, p.stateHash, runId);
  }

  seat(runId: string, seat: SeatRecord): void {
    this.#db
      .prepare("INSERT INTO run_seats (run_id, name, role, seat_hash) VALUES (?, ?, ?, ?) ON CONFLICT(run_id, name) DO UPDATE SET role = excluded.role, seat_hash = excluded.seat_hash")
      .run(runId, seat.name, seat.role, seat.seatHash);
  }

  unseat(runId: string, name: string): void {
    this.#db.prepare("DELETE FROM run_seats WHERE run_id = ? AND name = ?").run(runId, name);
  }

  get(id: string): RunRecord | undefined {
    return this.#record(this.#db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as RunRow | undefined);
  }

  /** The runs played in rooms with this join code, newest first. */
  byJoinCode(joinCode: string): RunRecord[] {
    const rows = this.#db.prepare("SELECT * FROM runs WHERE join_code = ? ORDER BY updated_at DESC, rowid DESC").all(joinCode) as unknown as RunRow[];
    return rows.map((r) => this.#record(r)).filter((r): r is RunRecord => r !== undefined);
  }

  /** Every run whose room was open when the server stopped, oldest first. */
  live(): LiveRun[] {
    const rows = this.#db.prepare("SELECT * FROM runs WHERE status = 'live' ORDER BY rowid").all() as unknown as RunRow[];
    const runs: LiveRun[] = [];
    for (const row of rows) {
      const record = this.#record(row);
      if (!record) continue;
      const seats = this.#db.prepare("SELECT name, role, seat_hash FROM run_seats WHERE run_id = ? ORDER BY rowid").all(row.id) as unknown as { name: string; role: Role; seat_hash: string }[];
      runs.push({ ...record, speed: row.speed as Speed, hostTokenHash: row.host_token_hash, seats: seats.map((s) => ({ name: s.name, role: s.role, seatHash: s.seat_hash })) });
    }
    return runs;
  }

  #record(row: RunRow | undefined): RunRecord | undefined {
    if (!row) return undefined;
    const log = row.log === "" ? this.#journal(row) : ActionLog.safeParse(JSON.parse(row.log)).data;
    if (!log) return undefined;
    return { id: row.id, joinCode: row.join_code, scenario: row.scenario, seed: row.seed, simVersion: row.sim_version, endTick: log.endTick, stateHash: row.state_hash, log };
  }

  /** A journaled run's log, from its action rows. */
  #journal(row: RunRow): ActionLog | undefined {
    const rows = this.#db.prepare("SELECT entry FROM run_actions WHERE run_id = ? ORDER BY seq").all(row.id) as unknown as { entry: string }[];
    const actions: LoggedAction[] = [];
    for (const r of rows) {
      const parsed = LoggedAction.safeParse(JSON.parse(r.entry));
      if (!parsed.success) return undefined;
      actions.push(parsed.data);
    }
    // The journal may hold actions later than the last progress save: the run reached them.
    const endTick = Math.max(row.end_tick, actions.at(-1)?.tick ?? 0);
    return { simVersion: row.sim_version, scenario: row.scenario, seed: row.seed, endTick, actions };
  }

  close(): void {
    this.#db.close();
  }
}
