// npm run bench [-- --only small|large] [--join-only]
// Prints, for a 50-node/1,500-pod and a 1,000-node/30,000-pod cluster:
// simulated seconds per wall second, scheduler pods per second from a cold
// queue, the bytes per second a client receives, and what a joining client is
// sent and decodes: the whole state, and its per-client view (every node's
// aggregates, the pods of the ~12 nodes its screen shows). Figures, not assertions:
// record them in docs/PERFORMANCE.md with the machine they came from.
// One room under 40 clients at 20× (server CPU, request-to-reply latency,
// bytes per client) is `npm run bench:room` (bench/room-load.ts): it runs
// for a minute with the server in its own process, so it is kept apart.

import type { Client as ColyseusClient } from "@colyseus/core";
import { Decoder, Encoder, StateView } from "@colyseus/schema";
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import type { Deployment } from "../shared/sim/api/apps-v1.ts";
import { hostsBinding, playerUser, playersBinding } from "../shared/game/players.ts";
import type { KubeObject } from "../shared/sim/api/meta.ts";
import { Cluster, OBSERVER, type ClusterNodeConfig } from "../shared/sim/cluster.ts";
import { Projector } from "../server/rooms/projector.ts";
import { ClusterState } from "../server/rooms/schema/cluster-state.ts";
import { ClientViews } from "../server/rooms/views/client-views.ts";

interface Shape {
  readonly label: string;
  readonly nodes: number;
  readonly pods: number;
  /** Simulated seconds to time in steady state. */
  readonly steadySeconds: number;
}

const SHAPES: Record<string, Shape> = {
  small: { label: "50 nodes / 1,500 pods", nodes: 50, pods: 1_500, steadySeconds: 600 },
  large: { label: "1,000 nodes / 30,000 pods", nodes: 1_000, pods: 30_000, steadySeconds: 60 },
};

const REPLICAS_PER_DEPLOYMENT = 50;
/** Nodes a player's screen shows in the per-client view figures. */
const VIEWPORT_NODES = 12;
const ZONES = ["zone-a", "zone-b", "zone-c"];

function nodes(n: number): ClusterNodeConfig[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `node-${i + 1}`,
    zone: ZONES[i % ZONES.length]!,
    cpu: "16",
    memory: "64Gi",
    index: i,
  }));
}

function deployments(pods: number): Deployment[] {
  return Array.from({ length: Math.ceil(pods / REPLICAS_PER_DEPLOYMENT) }, (_, i) => {
    const name = `app-${i + 1}`;
    return {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name, namespace: "default" },
      spec: {
        replicas: Math.min(REPLICAS_PER_DEPLOYMENT, pods - i * REPLICAS_PER_DEPLOYMENT),
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { containers: [{ name: "app", image: "nginx:1.27", resources: { requests: { cpu: "100m", memory: "128Mi" } } }] },
        },
      },
    };
  });
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** joinOnly: stop after the join figures (skips steady state and churn). */
function runShape(shape: Shape, joinOnly: boolean): void {
  console.log(`\n## ${shape.label}`);

  // 1. Cold scheduling: every pod exists and is Pending before the scheduler runs.
  // Without client rate limits, to time the simulation's own work: with upstream's,
  // the ReplicaSet controller would create 20 pods and the scheduler bind 50 per simulated second.
  let t = process.hrtime.bigint();
  // Players are cluster-admins, as in a sandbox room.
  const objects: KubeObject[] = [hostsBinding(), playersBinding("cluster-admin"), ...deployments(shape.pods)];
  const cluster = new Cluster({ seed: 1, nodes: nodes(shape.nodes), schedulerActive: false, objects, clientRateLimits: false });
  cluster.step();
  const pending = cluster.podCounts().Pending;
  console.log(`setup: ${fmt(pending)} pending pods on ${fmt(shape.nodes)} nodes in ${fmt(ms(t) / 1000, 1)} s wall`);

  cluster.scheduler.active = true;
  let schedulerMs = 0;
  let dispatchMs = 0;
  let cycles = 0;
  t = process.hrtime.bigint();
  while (cluster.scheduler.hasWork()) {
    const s = process.hrtime.bigint();
    cycles += cluster.scheduler.runOnce(1_000);
    schedulerMs += ms(s);
    const d = process.hrtime.bigint();
    cluster.api.dispatchWatches();
    dispatchMs += ms(d);
  }
  const totalMs = ms(t);
  const listed = cluster.clientFor(OBSERVER).list("pods");
  const bound = listed.ok ? listed.object.items.filter((p) => p.spec.nodeName).length : 0;
  console.log(
    `scheduler, cold queue: ${fmt(bound)} pods bound in ${fmt(cycles)} cycles; ` +
      `${fmt(bound / (schedulerMs / 1000))} pods/s in the scheduler (filter, score, bind request), ` +
      `${fmt(bound / (totalMs / 1000))} pods/s including watch fan-out to ${fmt(shape.nodes)} kubelets; ` +
      `at kube-scheduler's client limit (50 qps, burst 100) binding them takes ${fmt(Math.max(0, bound - 100) / 50)} simulated s`,
  );

  // 2. Bring everything up, then time steady-state simulation with a client attached.
  t = process.hrtime.bigint();
  cluster.runFor(60_000);
  const counts = cluster.podCounts();
  console.log(`start-up: 60 simulated s in ${fmt(ms(t) / 1000, 1)} s wall; pods Running ${fmt(counts.Running)}, Pending ${fmt(counts.Pending)}`);

  Encoder.BUFFER_SIZE = 16 * 1024 * 1024;
  const state = new ClusterState();
  const views = new ClientViews(cluster, state);
  const projector = new Projector(cluster, state, views);
  const encoder = new Encoder(state);
  // The whole state, as every client was sent it before per-client views.
  const whole = new StateView();
  whole.subscribe(state.pods);
  whole.subscribe(state.workloads);
  // A player whose screen shows VIEWPORT_NODES nodes.
  const player = { sessionId: "bench", view: undefined as StateView | undefined };
  views.attach(player as unknown as ColyseusClient, playerUser("alice"));
  views.setViewport(player.sessionId, [...state.nodes.keys()].slice(0, VIEWPORT_NODES));

  const join = (view: StateView): { bytes: Uint8Array; encodeMs: number; decodeMs: number } => {
    const start = process.hrtime.bigint();
    const it = { offset: 0 };
    encoder.encodeAll(it);
    const bytes = encoder.encodeAllView(view, it.offset, it);
    const encodeMs = ms(start);
    const d = process.hrtime.bigint();
    new Decoder(new ClusterState()).decode(bytes);
    return { bytes, encodeMs, decodeMs: ms(d) };
  };
  const full = join(whole);
  console.log(`client join, whole state: ${fmt(full.bytes.byteLength / 1024)} KiB, encoded in ${fmt(full.encodeMs, 1)} ms, decoded in ${fmt(full.decodeMs, 1)} ms`);
  const own = join(player.view!);
  console.log(
    `client join, per-client view (${VIEWPORT_NODES} nodes on screen, ${fmt(views.podsOf(player.sessionId).size)} pods in detail): ` +
      `${fmt(own.bytes.byteLength / 1024)} KiB, encoded in ${fmt(own.encodeMs, 1)} ms, decoded in ${fmt(own.decodeMs, 1)} ms`,
  );
  // What was queued before the join went out with it (ViewSerializer drops it too).
  whole.changes.clear();
  player.view!.changes.clear();
  encoder.discardChanges();
  if (joinOnly) return projector.dispose();

  /** Bytes a whole-state client and the per-client view receive over `seconds` simulated seconds. */
  const measure = (seconds: number): { wallMs: number; bytes: number; viewBytes: number } => {
    let bytes = 0;
    let viewBytes = 0;
    const start = process.hrtime.bigint();
    const end = cluster.tick + seconds * 10;
    while (cluster.tick < end) {
      cluster.step();
      projector.flush();
      const it = { offset: 0 };
      encoder.encode(it);
      const shared = it.offset;
      bytes += encoder.encodeView(whole, shared, it).byteLength;
      viewBytes += encoder.encodeView(player.view!, shared, it).byteLength;
      encoder.discardChanges();
    }
    return { wallMs: ms(start), bytes, viewBytes };
  };

  const steady = measure(shape.steadySeconds);
  console.log(
    `steady state: ${fmt(shape.steadySeconds / (steady.wallMs / 1000))} simulated s per wall s (projector + patch encoding included); ` +
      `client receives ${fmt(steady.bytes / shape.steadySeconds)} B/s at 1x (per-client view: ${fmt(steady.viewBytes / shape.steadySeconds)} B/s)`,
  );

  // 3. Churn: a node crashes; 50 s later it is NotReady, 300 s after that its pods are evicted and replaced.
  cluster.injectFault({ type: "node-crash", node: "node-2" });
  const churn = measure(400);
  console.log(
    `node crash + eviction: ${fmt(400 / (churn.wallMs / 1000))} simulated s per wall s; ` +
      `client receives ${fmt(churn.bytes / 400)} B/s at 1x averaged over 400 simulated s (per-client view: ${fmt(churn.viewBytes / 400)} B/s)`,
  );
  projector.dispose();
}

const { values } = parseArgs({ options: { only: { type: "string" }, "join-only": { type: "boolean" } } });
console.log(`# Pod Pilot bench — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
for (const [name, shape] of Object.entries(SHAPES)) {
  if (values.only && values.only !== name) continue;
  runShape(shape, values["join-only"] ?? false);
}
