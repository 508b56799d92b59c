// A player's seat in a room, kept through anything short of leaving. While the
// SDK reconnects a dropped socket the status is "reconnecting"; when the SDK
// gives up (a server restart makes its token worthless, or the drop came in
// the room's first seconds) the session joins again with its seat token, with
// back-off, and hands the new room to whoever draws it. Only when that fails
// for a while too is the seat "lost", and a Rejoin button starts over. Who we
// are comes from the tab's seat (connection.ts saves each welcome there).

import { CLOSE_CODES } from "../../shared/protocol/messages.ts";
import type { SeatStore } from "./seat-store.ts";

/** The parts of a Colyseus Room the session uses (the SDK's Room has them all). */
export interface SessionRoom {
  reconnectionToken: string;
  reconnection: { maxDelay: number; maxRetries: number };
  onDrop(callback: (code: number, reason?: string) => void): unknown;
  onReconnect(callback: () => void): unknown;
  onLeave(callback: (code: number, reason?: string) => void): unknown;
  leave(consented?: boolean): Promise<number>;
}

export type SessionStatus =
  | { readonly kind: "connected" }
  /** The SDK is re-opening the socket with its reconnection token. */
  | { readonly kind: "reconnecting" }
  /** Joining again with the seat token (try `attempt`). */
  | { readonly kind: "rejoining"; readonly attempt: number }
  /** Every way back failed; `message` says why. */
  | { readonly kind: "lost"; readonly message: string }
  /** The host removed this player, or another tab took the seat: no way back on our own. */
  | { readonly kind: "removed"; readonly message: string };

export const REMOVED_MESSAGE = "The host removed you from this room.";
export const REPLACED_MESSAGE = "This seat is now open in another tab or window.";

export interface SessionDeps<R extends SessionRoom> {
  readonly store: SeatStore;
  /** joinById with the seat token (connection.ts rejoinRoom). */
  rejoin(code: string): Promise<R>;
  sleep(ms: number): Promise<void>;
}

/**
 * Waits between fallback rejoins, in ms: quick at first (a restarted server
 * is back in a second or two), then every 3 s; about 30 s in all.
 */
export const REJOIN_DELAYS_MS = [0, 500, 1000, 1500, 2000, 3000, 3000, 3000, 3000, 3000, 3000, 3000, 3000] as const;

/**
 * The SDK retries a dropped socket with exponential back-off up to 5 s apart;
 * capped at 2 s so a player is back within a few seconds of the server.
 */
const SDK_MAX_DELAY_MS = 2_000;
const SDK_MAX_RETRIES = 20;

export class RoomSession<R extends SessionRoom> {
  readonly code: string;
  private current: R;
  private state: SessionStatus = { kind: "connected" };
  private leaving = false;
  private rejoinRun = 0;
  private readonly deps: SessionDeps<R>;
  private readonly roomListeners = new Set<(room: R) => void>();
  private readonly statusListeners = new Set<(status: SessionStatus) => void>();

  constructor(code: string, room: R, deps: SessionDeps<R>) {
    this.code = code;
    this.deps = deps;
    this.current = room;
    this.watch(room);
  }

  get room(): R {
    return this.current;
  }

  /** The display name the server seated us under (known once the welcome came). */
  get name(): string | undefined {
    return this.deps.store.seat(this.code)?.name;
  }

  get status(): SessionStatus {
    return this.state;
  }

  /** Called with each room that replaces the current one after a fallback rejoin. */
  onRoom(listener: (room: R) => void): () => void {
    this.roomListeners.add(listener);
    return () => this.roomListeners.delete(listener);
  }

  onStatus(listener: (status: SessionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The Rejoin button: try again from the start. */
  rejoinNow(): void {
    if (this.leaving || this.state.kind === "connected") return;
    void this.rejoin();
  }

  /** Leaves on purpose: the seat is given up, nothing reconnects. */
  async leave(): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    this.rejoinRun++;
    this.deps.store.forgetSeat(this.code);
    this.roomListeners.clear();
    this.statusListeners.clear();
    try {
      await this.current.leave(true);
    } catch {
      // Already gone.
    }
  }

  private watch(room: R): void {
    room.reconnection.maxDelay = SDK_MAX_DELAY_MS;
    room.reconnection.maxRetries = SDK_MAX_RETRIES;
    room.onDrop(() => {
      if (room === this.current && !this.leaving) this.setStatus({ kind: "reconnecting" });
    });
    room.onReconnect(() => {
      if (room !== this.current || this.leaving) return;
      this.saveSeat(room);
      this.setStatus({ kind: "connected" });
    });
    room.onLeave((code) => {
      if (room !== this.current || this.leaving) return;
      if (code === CLOSE_CODES.removed) {
        this.deps.store.forgetSeat(this.code);
        this.setStatus({ kind: "removed", message: REMOVED_MESSAGE });
        return;
      }
      // Rejoining would take the seat back from the other tab, which would take it back again.
      if (code === CLOSE_CODES.replaced) return this.setStatus({ kind: "removed", message: REPLACED_MESSAGE });
      void this.rejoin();
    });
  }

  /** The SDK's reconnection token changes on every reconnection: keep the newest. */
  private saveSeat(room: R): void {
    const saved = this.deps.store.seat(this.code);
    if (saved) this.deps.store.saveSeat(this.code, { ...saved, reconnectionToken: room.reconnectionToken });
  }

  private async rejoin(): Promise<void> {
    const run = ++this.rejoinRun;
    let lastError = "the server did not answer";
    for (const [i, delay] of REJOIN_DELAYS_MS.entries()) {
      this.setStatus({ kind: "rejoining", attempt: i + 1 });
      await this.deps.sleep(delay);
      if (run !== this.rejoinRun || this.leaving) return;
      try {
        const room = await this.deps.rejoin(this.code);
        if (run !== this.rejoinRun || this.leaving) {
          void room.leave(true);
          return;
        }
        this.current = room;
        this.watch(room);
        this.roomListeners.forEach((l) => l(room));
        this.setStatus({ kind: "connected" });
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    if (run === this.rejoinRun && !this.leaving) this.setStatus({ kind: "lost", message: lastError });
  }

  private setStatus(status: SessionStatus): void {
    // The SDK reports a drop for every failed retry: one change, one report.
    if (JSON.stringify(status) === JSON.stringify(this.state)) return;
    this.state = status;
    this.statusListeners.forEach((l) => l(status));
  }
}
