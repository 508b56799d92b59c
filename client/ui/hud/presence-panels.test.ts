import { describe, expect, it } from "vitest";
import { activityRow } from "./activity-panel.ts";
import { playerRows } from "./players-panel.ts";

describe("playerRows", () => {
  it("puts the host first, then names in order, with what each holds", () => {
    const rows = playerRows([
      { name: "carol", role: "player", connected: false, holding: "" },
      { name: "bob", role: "player", connected: true, holding: "default/web-7d4b9c6f5-x2x4q" },
      { name: "alice", role: "host", connected: true, holding: "" },
    ], "bob");
    expect(rows).toEqual([
      { name: "alice", host: true, self: false, connected: true, holding: "" },
      { name: "bob", host: false, self: true, connected: true, holding: "web-7d4b9c6f5-x2x4q" },
      { name: "carol", host: false, self: false, connected: false, holding: "" },
    ]);
  });
});

it("reads a player whose hand the server never set as empty-handed", () => {
  expect(playerRows([{ name: "alice", role: "host", connected: true } as never], "alice")[0]).toMatchObject({ holding: "" });
});

describe("activityRow", () => {
  it("names the actor and ages the line", () => {
    expect(activityRow({ actor: "alice", text: "scaled deployment/web to 8", refused: false, atMs: 10_000 }, 55_000)).toEqual({ actor: "alice", text: "scaled deployment/web to 8", refused: false, age: "45s" });
  });
  it("marks a refusal", () => {
    expect(activityRow({ actor: "bob", text: "crash node-1: only the host can crash nodes", refused: true, atMs: 0 }, 0)).toMatchObject({ refused: true, age: "0s" });
  });
});
