// What a browser remembers about the rooms it is in. The host token lives in
// localStorage, keyed by join code: only the creator's browser has it, and it
// must survive closing the tab. The seat (name, seat token, reconnection
// token) lives in sessionStorage, per tab, so two tabs are two players and a
// refresh finds its own seat. Storage can be missing or full (private mode):
// then the room simply is not remembered.

export interface Seat {
  readonly name: string;
  /** The seat token from the server's welcome: reclaims the name after a server restart. */
  readonly seat: string;
  /** The SDK's room.reconnectionToken: resumes the same session while the server lives. */
  readonly reconnectionToken: string;
}

const HOST_PREFIX = "podpilot.host.";
const SEAT_PREFIX = "podpilot.seat.";
const NAME_KEY = "podpilot.name";

export class SeatStore {
  private readonly local: Storage | undefined;
  private readonly session: Storage | undefined;

  constructor(local: Storage | undefined, session: Storage | undefined) {
    this.local = local;
    this.session = session;
  }

  hostToken(code: string): string | undefined {
    return read(this.local, HOST_PREFIX + code);
  }

  saveHostToken(code: string, token: string): void {
    write(this.local, HOST_PREFIX + code, token);
  }

  seat(code: string): Seat | undefined {
    const raw = read(this.session, SEAT_PREFIX + code);
    if (raw === undefined) return undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isSeat(parsed)) return parsed;
    } catch {
      // A damaged entry is as good as none.
    }
    return undefined;
  }

  saveSeat(code: string, seat: Seat): void {
    write(this.session, SEAT_PREFIX + code, JSON.stringify(seat));
    write(this.local, NAME_KEY, seat.name);
  }

  /** Leaving on purpose gives the seat up; the host token stays (the room may be rejoined as host). */
  forgetSeat(code: string): void {
    try {
      this.session?.removeItem(SEAT_PREFIX + code);
    } catch {
      // Nothing to forget.
    }
  }

  /** The name this browser last played under, to fill in the join form. */
  lastName(): string {
    return read(this.local, NAME_KEY) ?? "";
  }
}

/** The page's own storage, or none where the browser refuses it. */
export function browserSeatStore(): SeatStore {
  const get = (which: "localStorage" | "sessionStorage"): Storage | undefined => {
    try {
      return window[which];
    } catch {
      return undefined;
    }
  };
  return new SeatStore(get("localStorage"), get("sessionStorage"));
}

function isSeat(value: unknown): value is Seat {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === "string" && typeof v.seat === "string" && typeof v.reconnectionToken === "string";
}

function read(storage: Storage | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function write(storage: Storage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Private mode or a full quota: remembered for this page only.
  }
}
