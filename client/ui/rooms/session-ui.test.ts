import { describe, expect, it } from "vitest";
import { consoleLine } from "./session-ui.ts";

describe("consoleLine", () => {
  it("says what happened to the connection, once per change", () => {
    expect(consoleLine("connected", { kind: "reconnecting" })).toEqual({ text: "connection lost; reconnecting…", kind: "err" });
    expect(consoleLine("reconnecting", { kind: "connected" })).toEqual({ text: "reconnected", kind: "info" });
    expect(consoleLine("reconnecting", { kind: "rejoining", attempt: 1 })).toEqual({ text: "the server forgot this connection; rejoining the room with your seat…", kind: "err" });
    expect(consoleLine("rejoining", { kind: "rejoining", attempt: 2 })).toBeUndefined();
    expect(consoleLine("rejoining", { kind: "lost", message: "no server" })).toEqual({ text: "could not get back into the room: no server", kind: "err" });
    expect(consoleLine("connected", { kind: "connected" })).toBeUndefined();
  });
});
