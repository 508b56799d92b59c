// What the room fuzzer (tools/fuzz-room.ts) found at the server's edges, each
// answered now in one clear line: unknown API paths, matchmaking methods a
// client may not call, and a frame over the protocol's limit.

import { describe, expect, it } from "vitest";
import { streamText, MAX_MESSAGE_BYTES, type KubectlResponse } from "../../shared/protocol/messages.ts";
import { useTestServer } from "../rooms/test-server.ts";

const ts = useTestServer(3340);
const api = (path: string, init?: RequestInit) => fetch(`http://localhost:${ts.port}${path}`, init);

describe("the server's edges", () => {
  it.each([
    ["POST /api/rooms/ABCDEF", "POST", "/api/rooms/ABCDEF", "no API route POST /api/rooms/ABCDEF"],
    ["DELETE /api/runs/x", "DELETE", "/api/runs/x", "no API route DELETE /api/runs/x"],
    ["GET /api/nope", "GET", "/api/nope", "no API route GET /api/nope"],
  ])("answers %s with a one-line JSON 404, not an HTML page", async (_name, method, path, error) => {
    const res = await api(path, { method });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error });
  });

  it("refuses matchmaking methods a client may not call with 404, not a 5xx", async () => {
    for (const method of ["create", "join", "joinOrCreate"]) {
      const res = await api(`/matchmake/${method}/cluster`, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"scenario":"sandbox"}' });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toBe(`no matchmaking method "${method}": join a room by its code`);
    }
  });

  it("closes only the socket of a frame over the limit, logs one line, and the room answers others", async () => {
    const { room } = await ts.createRoom("sandbox");
    const bob = await ts.colyseus.sdk.joinById(room.roomId, { name: "bob" });
    const carol = await ts.colyseus.sdk.joinById(room.roomId, { name: "carol" });
    bob.reconnection.enabled = false;
    const closed = new Promise<number>((resolve) => bob.onLeave((code) => resolve(code)));
    const before = ts.logged.length;
    bob.send("kubectl", { line: "kubectl apply -f -", stdin: "x".repeat(MAX_MESSAGE_BYTES) });
    expect(await closed).toBe(1009);
    const res = (await carol.request("kubectl", { line: "kubectl get deploy -o name" })) as KubectlResponse;
    expect(streamText(res, "stdout")).toBe("deployment.apps/web\n");
    const lines = ts.logged.slice(before);
    expect(lines).toEqual(["[colyseus] Max payload size exceeded"]);
    await carol.leave();
  });
});
