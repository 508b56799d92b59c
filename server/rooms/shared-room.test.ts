// Shared rooms for real: made by POST /api/rooms, entered only by code, each
// player their own user with their own seat, the host's controls checked on
// the server, every write in the activity feed, and nothing a client sends
// taking the room down.

import { describe, expect, it } from "vitest";
import { streamText, type KubectlResponse, type WelcomeMessage } from "../../shared/protocol/messages.ts";
import type { CreateRoomResponse, RoomInfo } from "../../shared/protocol/rooms.ts";
import { useTestServer } from "./test-server.ts";

const ts = useTestServer(2680);
const api = (path: string, init?: RequestInit) => fetch(`http://localhost:${ts.port}${path}`, init);
/** What a rejected room.request was told. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    return ((error as { reason?: { message?: string } }).reason?.message ?? String(error));
  }
  throw new Error("the request was not refused");
}
const post = (body: unknown) => api("/api/rooms", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("rooms HTTP API", () => {
  it("creates a room and answers its code, link and host token; GET tells anyone what is public", async () => {
    const res = await post({ scenario: "sandbox", seed: 7 });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreateRoomResponse;
    expect(created.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(created.url).toBe(`http://localhost:${ts.port}/?join=${created.code}`);
    expect(created.hostToken).toMatch(/^[A-Za-z0-9_-]{21}$/);
    const client = await ts.colyseus.sdk.joinById(created.code, { name: "alice", hostToken: created.hostToken });
    const info = (await (await api(`/api/rooms/${created.code.toLowerCase()}`)).json()) as RoomInfo;
    expect(info).toMatchObject({ code: created.code, mode: "sandbox", scenario: "sandbox", speed: 1, players: [{ name: "alice", role: "host", connected: true }] });
    expect(info.stateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(info)).not.toContain(created.hostToken);
    await client.leave();
  });

  it("answers bad requests and unknown codes with one clear line", async () => {
    expect(await (await post({ scenario: "nope" })).json()).toEqual({ error: 'unknown scenario "nope"; known: level-1, level-2, sandbox, workshop' });
    const bad = await post({ scenario: "sandbox", seed: -1, extra: 1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^invalid room request: /);
    const garbage = await api("/api/rooms", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{" });
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as { error: string }).error).toMatch(/^invalid JSON: /);
    const missing = await api("/api/rooms/ZZZZZZ");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "no room with code ZZZZZZ: it may have ended, or the code is mistyped" });
    expect((await api("/api/rooms/0O1IL!")).status).toBe(400);
  });

  it("never echoes a stranger's Origin in CORS headers", async () => {
    const res = await api("/api/runs/whatever", { headers: { Origin: "https://evil.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("shared room", () => {
  it("only a code gets anyone in: no matchmaking into, or making of, rooms from a client", async () => {
    await ts.createRoom("sandbox");
    await expect(ts.colyseus.sdk.join("cluster", {})).rejects.toThrow();
    await expect(ts.colyseus.sdk.joinOrCreate("cluster", {})).rejects.toThrow();
    await expect(ts.colyseus.sdk.create("cluster", { scenario: "sandbox" })).rejects.toThrow();
  });

  it("seats players by unique display name, refuses reserved ones, and makes only the token holder host", async () => {
    const { room, hostToken } = await ts.createRoom("sandbox");
    const alice = await ts.colyseus.sdk.joinById(room.roomId, { name: "alice", hostToken });
    const welcome = (await alice.waitForMessage("welcome")) as WelcomeMessage;
    expect(welcome).toMatchObject({ name: "alice", role: "host", code: room.roomId });
    const bob = await ts.colyseus.sdk.joinById(room.roomId, { name: "bob", hostToken: "wrong" });
    expect(((await bob.waitForMessage("welcome")) as WelcomeMessage).role).toBe("player");
    await expect(ts.colyseus.sdk.joinById(room.roomId, { name: "Alice" })).rejects.toThrow('the name "alice" is taken in this room; pick another');
    await expect(ts.colyseus.sdk.joinById(room.roomId, { name: "kubernetes-admin" })).rejects.toThrow('the name "kubernetes-admin" is reserved; pick another');
    await expect(ts.colyseus.sdk.joinById(room.roomId, { name: "system:kube-scheduler" })).rejects.toThrow(/names starting with "system:" belong to Kubernetes components/);
    await expect(ts.colyseus.sdk.joinById(room.roomId, { name: "a b" })).rejects.toThrow(/a display name is 1 to 32 letters/);
    const anon = await ts.colyseus.sdk.joinById(room.roomId, {});
    expect(((await anon.waitForMessage("welcome")) as WelcomeMessage).name).toBe("player-1");

    // Each is their own user to the API server.
    const whoami = async (c: typeof bob) => JSON.parse(streamText((await c.request("kubectl", { line: "kubectl auth whoami -o json" })) as KubectlResponse, "stdout")).status.userInfo;
    expect(await whoami(bob)).toEqual({ username: "bob", groups: ["pod-pilot:players", "system:authenticated"] });
    expect(await whoami(alice)).toEqual({ username: "alice", groups: ["pod-pilot:players", "pod-pilot:hosts", "system:authenticated"] });

    // Host-only controls are checked on the server.
    expect(await refusal(bob.request("speed", { speed: 0 }))).toBe("only the host can pause or change the speed");
    expect(await refusal(bob.request("node-action", { node: "node-1", action: "crash" }))).toBe("only the host can crash or restart nodes");
    expect(await refusal(bob.request("kick", { name: "alice" }))).toBe("only the host can remove players");
    await room.waitForNextPatch();
    expect([...room.state.players.values()].map((p) => [p.name, p.role, p.connected])).toEqual([
      ["alice", "host", true],
      ["bob", "player", true],
      ["player-1", "player", true],
    ]);
    for (const c of [alice, bob, anon]) await c.leave();
  });

  it("feeds every write, refusals included, in words with its actor, and shows whose hand is on a pod", async () => {
    const { room, hostToken } = await ts.createRoom("sandbox");
    const alice = await ts.colyseus.sdk.joinById(room.roomId, { name: "alice", hostToken });
    const bob = await ts.colyseus.sdk.joinById(room.roomId, { name: "bob" });
    await alice.request("speed", { speed: 0 });
    await bob.request("kubectl", { line: "kubectl scale deployment web --replicas=8" });
    await alice.request("kubectl", { line: "kubectl cordon node-2" });
    await bob.request("kubectl", { line: "kubectl get pods" });
    await bob.request("kubectl", { line: "kubectl delete deployment nope" });
    await bob.request("kubectl", { line: "kubectl scale deployment web --replicas=3 --dry-run=server" });
    // The host takes players' rights away; bob's next write is refused by RBAC.
    await alice.request("kubectl", { line: "kubectl delete clusterrolebinding pod-pilot:players" });
    await bob.request("kubectl", { line: "kubectl scale deployment web --replicas=2" });
    const pod = [...room.state.pods.keys()][0]!;
    await bob.request("drag", { namespace: pod.split("/")[0], pod: pod.split("/")[1] });
    await room.waitForNextPatch();
    const feed = [...room.state.activity].map((a) => `${a.actor}${a.refused ? " ✗" : ""} ${a.text}`).reverse();
    expect(feed).toEqual([
      "bob scaled deployment/web to 8",
      "alice cordoned node/node-2",
      'bob ✗ tried "kubectl delete deployment nope": deployments.apps "nope" not found',
      "alice deleted clusterrolebinding/pod-pilot:players",
      // kubectl scale's own words when its GET is refused: it has nothing to scale.
      'bob ✗ tried "kubectl scale deployment web --replicas=2": no objects passed to scale',
    ]);
    expect(room.state.players.get("bob")!.holding).toBe(pod);
    await bob.request("drag", { pod: null });
    await room.waitForNextPatch();
    expect(room.state.players.get("bob")!.holding).toBe("");
    await alice.leave();
    await bob.leave();
  });

  it("lets the host remove a player, freeing the name", async () => {
    const { room, hostToken } = await ts.createRoom("sandbox");
    const alice = await ts.colyseus.sdk.joinById(room.roomId, { name: "alice", hostToken });
    const bob = await ts.colyseus.sdk.joinById(room.roomId, { name: "bob" });
    const left = new Promise<number>((resolve) => bob.onLeave((code) => resolve(code)));
    expect(await alice.request("kick", { name: "bob" })).toEqual({ ok: true });
    expect(await left).toBe(4101);
    expect(await alice.request("kick", { name: "bob" })).toEqual({ ok: false, message: 'no player named "bob" in this room' });
    const bob2 = await ts.colyseus.sdk.joinById(room.roomId, { name: "bob" });
    await bob2.leave();
    await alice.leave();
  });

  it("gives a dropped seat back to its seat token and to nobody else", async () => {
    const { room } = await ts.createRoom("sandbox");
    const bob = await ts.colyseus.sdk.joinById(room.roomId, { name: "bob" });
    const { seat } = (await bob.waitForMessage("welcome")) as WelcomeMessage;
    // A drop that never reconnects: the seat stays bob's.
    bob.reconnection.enabled = false;
    bob.connection.close(4999 as never);
    while (room.state.players.get("bob")?.connected) await room.waitForNextPatch();
    await expect(ts.colyseus.sdk.joinById(room.roomId, { name: "bob" })).rejects.toThrow('the name "bob" is taken in this room; pick another');
    const back = await ts.colyseus.sdk.joinById(room.roomId, { name: "bob", seat });
    expect(((await back.waitForMessage("welcome")) as WelcomeMessage).name).toBe("bob");
    await room.waitForNextPatch();
    expect(room.state.players.get("bob")!.connected).toBe(true);
    await back.leave();
  });

  it("survives anything a client sends: unknown types of any length, bad payloads, bursts", async () => {
    const { room, hostToken } = await ts.createRoom("sandbox");
    const alice = await ts.colyseus.sdk.joinById(room.roomId, { name: "alice", hostToken });
    const errors: unknown[] = [];
    alice.onMessage("error", (m) => errors.push(m));
    alice.send("x".repeat(100), {});
    alice.send("kubectl", { line: 42 });
    expect(await refusal(alice.request("kubectl", { line: "k".repeat(5000) }))).toBe('invalid "kubectl" message: a console line is limited to 4096 characters');
    await expect(alice.request("nope", {})).rejects.toThrow();
    const burst = await Promise.allSettled(Array.from({ length: 60 }, () => alice.request("kubectl", { line: "kubectl get nodes -o name" })));
    const slowed = burst.filter((r) => r.status === "rejected");
    expect(slowed.length).toBeGreaterThan(0);
    expect(await refusal(Promise.reject((slowed[0] as PromiseRejectedResult).reason))).toMatch(/^slow down: /);
    while (errors.length < 2) await room.waitForNextPatch();
    expect(errors).toEqual([{ message: `unknown message type "${"x".repeat(64)}"` }, { message: 'invalid "kubectl" message: line: Invalid input: expected string, received number' }]);
    await new Promise((r) => setTimeout(r, 1500));
    const res = (await alice.request("kubectl", { line: "kubectl get deploy -o name" })) as KubectlResponse;
    expect(streamText(res, "stdout")).toBe("deployment.apps/web\n");
    expect(alice.connection.isOpen).toBe(true);
    await alice.leave();
  });
});

describe("matchmaker inputs", () => {
  it("answers a non-JSON matchmaking body with a 4xx, not a 500", async () => {
    const form = new FormData();
    form.append("x", "y");
    const res = await api("/matchmake/joinById/ABCDEF", { method: "POST", body: "--not-a-form\r\n", headers: { "Content-Type": "multipart/form-data; boundary=zzz" } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const form2 = await api("/matchmake/joinById/ABCDEF", { method: "POST", body: form });
    expect(form2.status).toBeLessThan(500);
  });
});
