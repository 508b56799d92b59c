// The server never trusts a client's figures: a run played in a real room is
// stored as its action log, and replaying that log from scratch reproduces the
// room's final state hash and the level's stars.

import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scenarios.ts";
import { replay } from "../../shared/game/replay.ts";
import { useTestServer } from "./test-server.ts";

const ts = useTestServer(2640);

describe("runs", () => {
  it("a level played in a room replays from its stored log to the same hash and stars", async () => {
    const { room, hostToken } = await ts.createRoom("level-1");
    const client = await ts.colyseus.connectTo(room, { name: "alice", hostToken });
    const drop = (pod: string, node: string) => client.request("bind", { pod, node });
    await drop("api", "node-4"); // refused: cordoned
    for (const [pod, node] of [["batch", "node-1"], ["cache", "node-1"], ["api", "node-2"], ["web-1", "node-2"], ["web-2", "node-2"], ["trainer", "node-3"]] as const) {
      expect(await drop(pod, node)).toEqual({ ok: true });
    }
    await client.request("kubectl", { line: "kubectl label node node-1 tier=gold" });
    await client.request("speed", { speed: 20 });
    while (room.state.level.status !== "won") await room.waitForNextTimestep();
    const stars = room.state.level.stars;
    expect(stars).toBe(2);
    await client.leave();
    await room.disconnect();

    const run = ts.runs.byJoinCode(room.roomId)[0]!;
    expect(run.id).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(ts.runs.get(run.id)?.joinCode).toBe(room.roomId);
    expect(run.log.actions.map((a) => a.action.type)).toEqual(["bind", "bind", "bind", "bind", "bind", "bind", "bind", "request"]);
    expect(run.log.actions.every((a) => a.user.name === "alice")).toBe(true);
    const replayed = replay(run.log, loadCatalog());
    expect(replayed.cluster.stateHash()).toBe(run.stateHash);
    expect(replayed.level()).toMatchObject({ status: "won", stars, refusedDrops: 1 });
  });
});
