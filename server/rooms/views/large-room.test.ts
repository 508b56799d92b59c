// A cluster past the views' full-detail limit, hosted in a real room: a client
// joins with the first nodes' pods and the rest as node aggregates, then says
// what its screen shows. (The 30,000-pod join is measured by `npm run bench`:
// building that cluster takes minutes, too long for the unit suite.)

import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { ScenarioCatalog } from "../../../shared/game/scenarios/catalog.ts";
import { useTestServer } from "../test-server.ts";
import { DEFAULT_VIEW_NODES, FULL_DETAIL_MAX_PODS } from "./client-views.ts";

const NODES = 100;
// Just past the full-detail limit: the ReplicaSet controllers create pods at client-go's 20 QPS.
const PODS = 2_100;
const REPLICAS = 50;

/** A sandbox of NODES nodes running PODS pods, as a scenario file would say it. */
function largeScenario(): string {
  return stringify({
    apiVersion: "podpilot.dev/v1",
    kind: "Scenario",
    metadata: { name: "large", title: "Large" },
    spec: {
      mode: "sandbox",
      cluster: { nodes: Array.from({ length: NODES }, (_, i) => ({ name: `node-${String(i + 1).padStart(3, "0")}`, zone: `zone-${"abc"[i % 3]}`, cpu: "16", memory: "64Gi" })) },
      objects: Array.from({ length: PODS / REPLICAS }, (_, i) => ({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: `app-${i + 1}`, namespace: "default" },
        spec: {
          replicas: REPLICAS,
          selector: { matchLabels: { app: `app-${i + 1}` } },
          template: {
            metadata: { labels: { app: `app-${i + 1}` } },
            spec: { containers: [{ name: "app", image: "nginx:1.27", resources: { requests: { cpu: "100m", memory: "128Mi" } } }] },
          },
        },
      })),
    },
  });
}

const catalog = new ScenarioCatalog({ list: () => ["large.yaml"], read: () => largeScenario() });
const ts = useTestServer(3300, { catalog });

describe("a room past the full-detail limit", () => {
  it("joins with node aggregates and the shown nodes' pods, and follows the screen", async () => {
    expect(PODS).toBeGreaterThan(FULL_DETAIL_MAX_PODS);
    const { room, hostToken } = await ts.createRoom("large");
    const host = await ts.colyseus.connectTo(room, { name: "hannah", hostToken });
    await host.request("speed", { speed: 20 });
    const bound = () => [...room.state.pods.values()].filter((p) => p.node !== "").length;
    while (bound() < PODS) await room.waitForNextPatch();
    await host.request("speed", { speed: 0 });

    const alice = await ts.colyseus.connectTo(room, { name: "alice" });
    const joined = room.clients.find((c) => c.sessionId === alice.sessionId)!;
    const joinBytes = (room as unknown as { _serializer: { getFullState(c: unknown): Uint8Array } })._serializer.getFullState(joined).byteLength;
    expect(joinBytes).toBeLessThan(300 * 1024);
    // Every node, with its aggregates; pods in detail only on the first nodes.
    expect(alice.state.nodes.size).toBe(NODES);
    expect([...alice.state.nodes.values()].reduce((n, node) => n + node.podCount, 0)).toBe(PODS);
    const firstNodes = new Set([...room.state.nodes.keys()].slice(0, DEFAULT_VIEW_NODES));
    const onFirst = [...room.state.pods.entries()].filter(([, p]) => firstNodes.has(p.node)).map(([key]) => key);
    expect([...alice.state.pods.keys()].sort()).toEqual(onFirst.sort());
    expect(alice.state.workloads.size).toBe(PODS / REPLICAS);

    // Her screen moves to twelve other nodes.
    const shown = [...room.state.nodes.keys()].slice(50, 62);
    await alice.request("view", { nodes: shown });
    const onShown = [...room.state.pods.entries()].filter(([, p]) => shown.includes(p.node)).map(([key]) => key).sort();
    while ([...alice.state.pods.keys()].sort().join() !== onShown.join()) await room.waitForNextPatch();
    expect(new Set([...alice.state.pods.values()].map((p) => p.node))).toEqual(new Set(shown));
    // The host's screen did not move.
    expect([...host.state.pods.keys()].sort()).toEqual(onFirst.sort());
    await alice.leave();
    await host.leave();
  }, 60_000);
});
