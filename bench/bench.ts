// npm run bench [-- --only small|large]
// Prints, for a 50-node/1,500-pod and a 1,000-node/30,000-pod cluster:
// simulated seconds per wall second, scheduler pods per second from a cold
// queue, and the bytes per second a client receives. Figures, not assertions:
// record them in docs/PERFORMANCE.md with the machine they came from.

import { Encoder } from "@colyseus/schema";
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import type { Deployment } from "../shared/sim/api/apps-v1.ts";
import { Cluster, OBSERVER, type ClusterNodeConfig } from "../shared/sim/cluster.ts";
import { Projector } from "../server/rooms/projector.ts";
import { ClusterState } from "../server/rooms/schema/cluster-state.ts";

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

function runShape(shape: Shape): void {
  console.log(`\n## ${shape.label}`);

  // 1. Cold scheduling: every pod exists and is Pending before the scheduler runs.
  // Without client rate limits, to time the simulation's own work: with upstream's,
  // the ReplicaSet controller would create 20 pods and the scheduler bind 50 per simulated second.
  let t = process.hrtime.bigint();
  const cluster = new Cluster({ seed: 1, nodes: nodes(shape.nodes), schedulerActive: false, objects: deployments(shape.pods), clientRateLimits: false });
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
  const projector = new Projector(cluster, state);
  const encoder = new Encoder(state);
  t = process.hrtime.bigint();
  const full = encoder.encodeAll().byteLength;
  encoder.discardChanges();
  console.log(`client join: full state ${fmt(full / 1024)} KiB, encoded in ${fmt(ms(t), 1)} ms`);

  const measure = (seconds: number): { wallMs: number; bytes: number } => {
    let bytes = 0;
    const start = process.hrtime.bigint();
    const end = cluster.tick + seconds * 10;
    while (cluster.tick < end) {
      cluster.step();
      projector.flush();
      bytes += encoder.encode().byteLength;
      encoder.discardChanges();
    }
    return { wallMs: ms(start), bytes };
  };

  const steady = measure(shape.steadySeconds);
  console.log(
    `steady state: ${fmt(shape.steadySeconds / (steady.wallMs / 1000))} simulated s per wall s (projector + patch encoding included); ` +
      `client receives ${fmt(steady.bytes / shape.steadySeconds)} B/s at 1x`,
  );

  // 3. Churn: a node crashes; 50 s later it is NotReady, 300 s after that its pods are evicted and replaced.
  cluster.injectFault({ type: "node-crash", node: "node-2" });
  const churn = measure(400);
  console.log(
    `node crash + eviction: ${fmt(400 / (churn.wallMs / 1000))} simulated s per wall s; ` +
      `client receives ${fmt(churn.bytes / 400)} B/s at 1x averaged over 400 simulated s`,
  );
  projector.dispose();
}

const { values } = parseArgs({ options: { only: { type: "string" } } });
console.log(`# Pod Pilot bench — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
for (const [name, shape] of Object.entries(SHAPES)) {
  if (values.only && values.only !== name) continue;
  runShape(shape);
}
