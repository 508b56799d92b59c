// The server's rooms by join code: creating one (POST /api/rooms), looking one
// up (GET /api/rooms/CODE), and bringing every live room back from the store
// after a restart, under the same code, at the same tick and state hash.

import { matchMaker } from "@colyseus/core";
import { nanoid } from "nanoid";
import { ROOM_NAME } from "../../shared/protocol/messages.ts";
import type { CreateRoomRequest, RoomInfo } from "../../shared/protocol/rooms.ts";
import { SIM_VERSION } from "../../shared/sim/cluster.ts";
import type { LiveRun, RunStore } from "../persistence/run-store.ts";
import type { ClusterRoom, CreateOptions } from "./cluster-room.ts";
import { hashToken, newJoinCode, newToken } from "./host/tokens.ts";

export class RoomDirectory {
  readonly createKey = newToken();
  readonly rooms = new Map<string, ClusterRoom>();
  readonly #runs: RunStore | undefined;
  readonly #log: (line: string) => void;

  constructor(runs: RunStore | undefined, log: (line: string) => void) {
    this.#runs = runs;
    this.#log = log;
  }

  /** A new room; the host token is returned once and only its hash is kept. */
  async create(request: CreateRoomRequest): Promise<{ code: string; hostToken: string }> {
    const hostToken = newToken();
    const code = this.#freeCode();
    const options: CreateOptions = { key: this.createKey, code, runId: nanoid(), scenario: request.scenario, ...(request.seed !== undefined ? { seed: request.seed } : {}), hostTokenHash: hashToken(hostToken) };
    await matchMaker.createRoom(ROOM_NAME, options);
    return { code, hostToken };
  }

  info(code: string): RoomInfo | undefined {
    const room = this.rooms.get(code);
    return room?.host?.info(room.state.level.mode);
  }

  /** Every room that was live when the server stopped; returns how many came back. */
  async restoreAll(): Promise<number> {
    let restored = 0;
    for (const run of this.#runs?.live() ?? []) {
      if (await this.#restore(run)) restored++;
    }
    return restored;
  }

  async #restore(run: LiveRun): Promise<boolean> {
    if (run.simVersion !== SIM_VERSION) {
      this.#log(`room ${run.joinCode} (run ${run.id}) not restored: recorded by simulation version ${run.simVersion}, this build is ${SIM_VERSION}`);
      this.#runs?.end(run.id, { endTick: run.endTick, stateHash: run.stateHash });
      return false;
    }
    if (this.rooms.has(run.joinCode)) {
      this.#log(`room ${run.joinCode} (run ${run.id}) not restored: its code is in use`);
      return false;
    }
    const options: CreateOptions = { key: this.createKey, code: run.joinCode, runId: run.id, scenario: run.scenario, seed: run.seed, hostTokenHash: run.hostTokenHash, restore: run };
    try {
      await matchMaker.createRoom(ROOM_NAME, options);
      return true;
    } catch (error) {
      this.#log(`room ${run.joinCode} (run ${run.id}) not restored: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  #freeCode(): string {
    for (;;) {
      const code = newJoinCode();
      if (!this.rooms.has(code)) return code;
    }
  }
}
