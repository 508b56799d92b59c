// The room wired for real: a server booted from app.config, SDK clients joining
// over WebSocket, messages validated, the simulation stepping on the room clock.

import { describe, expect, it } from "vitest";
import { streamText, type BindResponse, type KubectlResponse, type NodeActionResponse } from "../../shared/protocol/messages.ts";
import { useTestServer } from "./test-server.ts";

const ts = useTestServer(2610);

describe("cluster room", () => {
  it("projects the sandbox's nodes and pods into the synced state", async () => {
    const { room, hostToken } = await ts.createRoom("sandbox");
    const client = await ts.colyseus.connectTo(room, { name: "alice", hostToken });
    expect(room.roomId).toMatch(/^[A-Z2-9]{6}$/);
    expect([...client.state.nodes.keys()].sort()).toEqual(["node-1", "node-2", "node-3"]);
    const node = client.state.nodes.get("node-1")!;
    expect(node.zone).toBe("zone-a");
    expect(node.cpuMilli).toBe(4000);
    // Allocatable = 8Gi capacity − the 100Mi hard eviction threshold.
    expect(node.memoryMi).toBe(8192 - 100);
    expect(client.state.pods.size).toBe(6);
    expect(client.state.workloads.get("default/web")?.replicas).toBe(6);
    await client.leave();
  });

  it("shows the newest events as kubectl get events names them", async () => {
    const { room, hostToken } = await ts.createRoom("sandbox");
    const client = await ts.colyseus.connectTo(room, { hostToken });
    const events = [...client.state.events];
    expect(events).toHaveLength(12);
    // Newest first.
    for (let i = 1; i < events.length; i++) expect(events[i]!.lastMs).toBeLessThanOrEqual(events[i - 1]!.lastMs);
    const scheduled = events.find((e) => e.reason === "Scheduled")!;
    const pod = scheduled.object.slice("pod/".length);
    expect(scheduled).toMatchObject({ type: "Normal", count: 1, lastMs: 0 });
    expect(scheduled.object).toMatch(/^pod\/web-[a-z0-9]+-[a-z0-9]{5}$/);
    expect(scheduled.message).toBe(`Successfully assigned default/${pod} to ${client.state.pods.get(`default/${pod}`)!.node}`);

    // A scale from the console: the Deployment controller's event comes in, then what it caused.
    // Paused, so no step (and no kubelet event) can slip in before the patch, however slow the machine.
    await client.request("speed", { speed: 0 });
    await client.request("kubectl", { line: "kubectl scale deployment web --replicas=8" });
    await room.waitForNextPatch();
    const reasonsAfterScale = [...client.state.events].map((e) => e.reason);
    expect(reasonsAfterScale.slice(0, 5).sort()).toEqual(["ScalingReplicaSet", "Scheduled", "Scheduled", "SuccessfulCreate", "SuccessfulCreate"]);
    const scaled = [...client.state.events].find((e) => e.reason === "ScalingReplicaSet")!;
    expect({ type: scaled.type, reason: scaled.reason, object: scaled.object, count: scaled.count }).toEqual({ type: "Normal", reason: "ScalingReplicaSet", object: "deployment/web", count: 1 });
    expect(scaled.message).toMatch(/^Scaled up replica set web-[a-z0-9]+ from 6 to 8$/);

    // Time moves: the kubelets' Pulled/Created/Started events push the old ones down.
    await client.request("speed", { speed: 20 });
    while (client.state.timeMs < 10_000) await room.waitForNextPatch();
    const reasons = [...client.state.events].map((e) => e.reason);
    expect(reasons).toHaveLength(12);
    expect(reasons).toContain("Started");
    expect(reasons).not.toContain("ScalingReplicaSet");
    expect(client.state.events[0]!.lastMs).toBeGreaterThan(0);
    await client.leave();
  });

  it("answers a console line with kubectl's output", async () => {
    const { room, hostToken } = await ts.createRoom("sandbox");
    const client = await ts.colyseus.connectTo(room, { hostToken });
    const res = (await client.request("kubectl", { line: "kubectl get nodes" })) as KubectlResponse;
    expect(res.exitCode).toBe(0);
    expect(streamText(res, "stdout").split("\n")[0]).toMatch(/^NAME\s{3,}STATUS\s{3,}ROLES\s{3,}AGE\s{3,}VERSION$/);
    expect(streamText(res, "stdout")).toContain("node-1");
    const missing = (await client.request("kubectl", { line: "kubectl get pod nope" })) as KubectlResponse;
    expect(streamText(missing, "stderr")).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(missing.exitCode).toBe(1);
    await client.leave();
  });

  it("refuses a drop with the scheduler's own reasons and accepts one that fits", async () => {
    const { room, hostToken } = await ts.createRoom("level-1");
    const client = await ts.colyseus.connectTo(room, { hostToken });
    expect(client.state.level.mode).toBe("level");
    expect(client.state.pods.get("default/batch")?.node).toBe("");

    const cordoned = (await client.request("bind", { pod: "web-1", node: "node-4" })) as BindResponse;
    expect(cordoned).toEqual({ ok: false, reasons: ["node(s) were unschedulable"], message: "node(s) were unschedulable" });
    const tainted = (await client.request("bind", { pod: "web-1", node: "node-3" })) as BindResponse;
    expect(tainted.ok).toBe(false);
    if (!tainted.ok) expect(tainted.reasons).toContain("node(s) had untolerated taint {dedicated: gpu}");

    const placed = (await client.request("bind", { pod: "batch", node: "node-1" })) as BindResponse;
    expect(placed).toEqual({ ok: true });
    const tooBig = (await client.request("bind", { pod: "api", node: "node-1" })) as BindResponse;
    expect(tooBig).toEqual({ ok: false, reasons: ["Insufficient cpu"], message: "Insufficient cpu (needs 1, 750m free)" });

    await room.waitForNextPatch();
    expect(client.state.pods.get("default/batch")?.node).toBe("node-1");
    expect(client.state.level.refusedDrops).toBe(3);
    await client.leave();
  });

  it("ticks an access level's can-i checklist as the player's YAML lands, and wins it", async () => {
    const { room, hostToken } = await ts.createRoom("level-2");
    const client = await ts.colyseus.connectTo(room, { name: "alice", hostToken });
    const level = client.state.level;
    expect({ win: level.win, subject: level.subject, status: level.status, timeLimitMs: level.timeLimitMs }).toEqual({ win: "accessReview", subject: "dana (team-a-devs)", status: "playing", timeLimitMs: 0 });
    const rows = () => [...client.state.level.rows].map((r) => `${r.kind} ${r.passed ? "✔" : "✗"} ${r.label}`);
    expect(rows().slice(0, 4)).toEqual([
      "check ✗ can create, update, patch, delete, get, list, watch deployments in team-a",
      "check ✗ can get, list, watch pods in team-a",
      "check ✗ can get pods/log in team-a",
      "check ✔ cannot get, list secrets in team-a",
    ]);
    const stdin = [
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: deployer, namespace: team-a}\nrules:\n- {apiGroups: [apps], resources: [deployments], verbs: [get, list, watch, create, update, patch, delete]}\n- {apiGroups: [\"\"], resources: [pods, pods/log], verbs: [get, list, watch]}\n",
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: team-a-devs, namespace: team-a}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}\nsubjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: team-a-devs}]\n",
    ].join("---\n");
    const res = (await client.request("kubectl", { line: "kubectl apply -f -", stdin })) as KubectlResponse;
    expect(streamText(res, "stdout")).toBe("role.rbac.authorization.k8s.io/deployer created\nrolebinding.rbac.authorization.k8s.io/team-a-devs created\n");
    await room.waitForNextPatch();
    expect(client.state.level.status).toBe("won");
    expect(client.state.level.stars).toBe(3);
    expect(rows().filter((r) => r.includes("✗"))).toEqual([]);
    expect(rows().filter((r) => r.startsWith("star"))).toEqual(['star ✔ No "*" and no ClusterRoleBinding for dana or team-a-devs', "star ✔ Nothing more for dana"]);
    await client.leave();
  });

  it("answers malformed messages with an error and keeps the room running", async () => {
    const { room, hostToken } = await ts.createRoom("sandbox");
    const client = await ts.colyseus.connectTo(room, { hostToken });
    await expect(client.request("bind", { pod: 42 })).rejects.toThrow();
    await expect(client.request("kubectl", { line: "x".repeat(5000) })).rejects.toThrow();
    await expect(client.request("speed", { speed: 3 })).rejects.toThrow();
    await expect(client.request("node-action", { node: "node-1", action: "explode" })).rejects.toThrow();
    const unknownNode = (await client.request("node-action", { node: "node-9", action: "crash" })) as NodeActionResponse;
    expect(unknownNode).toEqual({ ok: false, message: 'node "node-9" not found' });
    // Still connected, still answering.
    const res = (await client.request("kubectl", { line: "kubectl get deploy" })) as KubectlResponse;
    expect(streamText(res, "stdout")).toContain("web");
    expect(client.connection.isOpen).toBe(true);
    await client.leave();
  });

  it("crashes a node from its failure button and pauses at speed 0", async () => {
    const { room, hostToken } = await ts.createRoom("sandbox");
    const client = await ts.colyseus.connectTo(room, { hostToken });
    expect(await client.request("node-action", { node: "node-2", action: "crash" })).toEqual({ ok: true });
    expect(await client.request("node-action", { node: "node-2", action: "crash" })).toEqual({ ok: false, message: 'node "node-2" is already down' });
    await room.waitForNextPatch();
    expect(client.state.nodes.get("node-2")?.crashed).toBe(true);

    await client.request("speed", { speed: 0 });
    await room.waitForNextPatch();
    const t0 = client.state.timeMs;
    await room.waitForNextTimestep();
    await room.waitForNextTimestep();
    expect(room.state.timeMs).toBe(t0);
    await client.request("speed", { speed: 20 });
    await room.waitForNextTimestep();
    await room.waitForNextTimestep();
    expect(room.state.timeMs).toBeGreaterThanOrEqual(t0 + 2000);
    await client.leave();
  });

  it("refuses to create a room for an unknown scenario", async () => {
    await expect(ts.createRoom("no-such-level")).rejects.toThrow(/unknown scenario "no-such-level"/);
  });
});
