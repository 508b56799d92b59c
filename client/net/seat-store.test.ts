import { describe, expect, it } from "vitest";
import { SeatStore } from "./seat-store.ts";
import { memoryStorage } from "./testing/memory-storage.ts";

describe("SeatStore", () => {
  it("keeps the host token across tabs and the seat per tab", () => {
    const local = memoryStorage();
    const tab1 = new SeatStore(local, memoryStorage());
    const tab2 = new SeatStore(local, memoryStorage());
    tab1.saveHostToken("ABC234", "host-secret");
    tab1.saveSeat("ABC234", { name: "alice", seat: "s1", reconnectionToken: "r1" });
    expect(tab2.hostToken("ABC234")).toBe("host-secret");
    expect(tab2.seat("ABC234")).toBeUndefined();
    expect(tab1.seat("ABC234")).toEqual({ name: "alice", seat: "s1", reconnectionToken: "r1" });
    expect(tab2.lastName()).toBe("alice");
  });

  it("forgets a seat left on purpose, and ignores damaged entries", () => {
    const session = memoryStorage();
    const store = new SeatStore(memoryStorage(), session);
    store.saveSeat("ABC234", { name: "bob", seat: "s", reconnectionToken: "r" });
    store.forgetSeat("ABC234");
    expect(store.seat("ABC234")).toBeUndefined();
    session.setItem("podpilot.seat.XYZ789", "{not json");
    expect(store.seat("XYZ789")).toBeUndefined();
  });

  it("works without storage at all", () => {
    const store = new SeatStore(undefined, undefined);
    store.saveHostToken("ABC234", "t");
    expect(store.hostToken("ABC234")).toBeUndefined();
    expect(store.lastName()).toBe("");
  });
});
