import { describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../../shared/protocol/messages.ts";
import { RoomSession, REJOIN_DELAYS_MS, type SessionRoom, type SessionStatus } from "./room-session.ts";
import { SeatStore } from "./seat-store.ts";
import { memoryStorage } from "./testing/memory-storage.ts";

/** A room whose SDK events the test fires by hand. */
class FakeRoom implements SessionRoom {
  reconnectionToken: string;
  reconnection = { maxDelay: 5000, maxRetries: 15 };
  left: boolean | undefined;
  private readonly handlers = { drop: [] as Array<(c: number, r?: string) => void>, reconnect: [] as Array<() => void>, leave: [] as Array<(c: number, r?: string) => void> };

  constructor(token: string) {
    this.reconnectionToken = token;
  }
  onDrop(cb: (code: number, reason?: string) => void) {
    this.handlers.drop.push(cb);
  }
  onReconnect(cb: () => void) {
    this.handlers.reconnect.push(cb);
  }
  onLeave(cb: (code: number, reason?: string) => void) {
    this.handlers.leave.push(cb);
  }
  async leave(consented?: boolean) {
    this.left = consented;
    return 4000;
  }
  drop() {
    this.handlers.drop.forEach((cb) => cb(1006));
  }
  reconnect(token: string) {
    this.reconnectionToken = token;
    this.handlers.reconnect.forEach((cb) => cb());
  }
  close(code: number, reason?: string) {
    this.handlers.leave.forEach((cb) => cb(code, reason));
  }
}

function setup(rejoin: (code: string) => Promise<FakeRoom>) {
  const store = new SeatStore(memoryStorage(), memoryStorage());
  const first = new FakeRoom("ABC234:t1");
  const slept: number[] = [];
  const session = new RoomSession("ABC234", first, { store, rejoin, sleep: async (ms) => void slept.push(ms) });
  const statuses: SessionStatus[] = [];
  const rooms: FakeRoom[] = [];
  session.onStatus((s) => statuses.push(s));
  session.onRoom((r) => rooms.push(r));
  return { store, first, session, statuses, rooms, slept };
}

/** What connection.ts does with the server's welcome. */
function welcome(store: SeatStore, name: string): void {
  store.saveSeat("ABC234", { name, seat: `seat-${name}`, reconnectionToken: "ABC234:t1" });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("RoomSession", () => {
  it("knows its name from the tab's seat, and shortens the SDK's back-off", () => {
    const { first, store, session } = setup(async () => new FakeRoom("x"));
    expect(session.name).toBeUndefined();
    welcome(store, "alice");
    expect(session.name).toBe("alice");
    expect(first.reconnection.maxDelay).toBe(2000);
  });

  it("says reconnecting while the SDK retries, connected after, and keeps the new token", () => {
    const { first, store, statuses } = setup(async () => new FakeRoom("x"));
    welcome(store, "alice");
    first.drop();
    first.drop();
    first.reconnect("ABC234:t2");
    expect(statuses.map((s) => s.kind)).toEqual(["reconnecting", "connected"]);
    expect(store.seat("ABC234")?.reconnectionToken).toBe("ABC234:t2");
  });

  it("rejoins by seat when the SDK gives up (a server restart), and hands over the new room", async () => {
    const second = new FakeRoom("ABC234:t9");
    const { first, store, statuses, rooms, session } = setup(async () => second);
    welcome(store, "alice");
    first.drop();
    first.close(4002, "reconnection token invalid or expired");
    await settle();
    expect(statuses.map((s) => s.kind)).toEqual(["reconnecting", "rejoining", "connected"]);
    expect(rooms).toEqual([second]);
    expect(session.room).toBe(second);
    // Events of the old room no longer count.
    first.drop();
    expect(statuses.at(-1)).toEqual({ kind: "connected" });
  });

  it("keeps trying with back-off, then says it lost the seat and why", async () => {
    let tries = 0;
    const { first, statuses, slept } = setup(async () => {
      tries++;
      throw new Error("room \"ABC234\" not found");
    });
    first.close(1006);
    await settle();
    expect(tries).toBe(REJOIN_DELAYS_MS.length);
    expect(slept).toEqual([...REJOIN_DELAYS_MS]);
    expect(statuses.at(-1)).toEqual({ kind: "lost", message: "room \"ABC234\" not found" });
  });

  it("the Rejoin button starts over after a loss", async () => {
    let fail = true;
    const next = new FakeRoom("n");
    const { first, statuses, session } = setup(async () => {
      if (fail) throw new Error("no server");
      return next;
    });
    first.close(1006);
    await settle();
    fail = false;
    session.rejoinNow();
    await settle();
    expect(statuses.at(-1)).toEqual({ kind: "connected" });
    expect(session.room).toBe(next);
  });

  it("does not come back after the host removed the player", async () => {
    let tries = 0;
    const { first, store, statuses } = setup(async () => {
      tries++;
      return new FakeRoom("x");
    });
    welcome(store, "bob");
    first.close(CLOSE_CODES.removed, "removed from the room by the host");
    await settle();
    expect(tries).toBe(0);
    expect(statuses).toEqual([{ kind: "removed", message: "The host removed you from this room." }]);
    expect(store.seat("ABC234")).toBeUndefined();
  });

  it("does not fight another tab for the seat", async () => {
    let tries = 0;
    const { first, store, statuses } = setup(async () => {
      tries++;
      return new FakeRoom("x");
    });
    welcome(store, "bob");
    first.close(CLOSE_CODES.replaced, "this seat was taken by a newer connection");
    await settle();
    expect(tries).toBe(0);
    expect(statuses).toEqual([{ kind: "removed", message: "This seat is now open in another tab or window." }]);
  });

  it("leaving on purpose gives the seat up and reconnects nothing", async () => {
    let tries = 0;
    const { first, store, session, statuses } = setup(async () => {
      tries++;
      return new FakeRoom("x");
    });
    welcome(store, "bob");
    await session.leave();
    first.close(4000);
    await settle();
    expect(first.left).toBe(true);
    expect(tries).toBe(0);
    expect(statuses).toEqual([]);
    expect(store.seat("ABC234")).toBeUndefined();
  });
});
