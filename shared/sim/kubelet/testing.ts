// Test fixture for the kubelet: a real API server over an in-memory etcd and one
// or more kubelets, stepped the way the cluster steps them (advance the clock
// 100 ms, deliver watches, run the kubelets until quiet). No scheduler and no
// controllers run: tests bind pods with spec.nodeName and play the node
// controller by patching conditions.

import type { Lease } from "../api/coordination-v1.ts";
import type { Container, Event, Node, Pod } from "../api/core-v1.ts";
import type { ApiServer } from "../apiserver/apiserver.ts";
import type { ApiResult } from "../apiserver/errors.ts";
import type { WatchEvent } from "../apiserver/types.ts";
import { Client } from "../clientgo/client.ts";
import { newEventRecorder, type EventNameSequence } from "../clientgo/events.ts";
import { EtcdCluster } from "../etcd/etcd.ts";
import { SimClock, STEP_MS } from "../kernel/clock.ts";
import { newIdSource } from "../kernel/ids.ts";
import { RngStreams } from "../kernel/rng.ts";
import { DEFAULT_EPOCH_MS, rfc3339 } from "../kernel/time.ts";
import { DEFAULT_KUBELET_TABLES, newKubelet, type Kubelet, type KubeletNodeConfig, type KubeletTables } from "./kubelet.ts";
import { NODE_LEASE_NAMESPACE } from "./node-lease.ts";
import { bootstrapApiServer } from "../apiserver/bootstrap.ts";
import { nodeUser } from "../apiserver/authentication/user.ts";
import type { UserInfo } from "../apiserver/types.ts";

export const ADMIN: UserInfo = { name: "kubernetes-admin", groups: ["system:masters"] };
import { newApiServer } from "../apiserver/new-apiserver.ts";
import { defaultServiceAccount } from "../apiserver/test-fixture.ts";

export interface KubeletFixture {
  readonly clock: SimClock;
  readonly api: ApiServer;
  readonly admin: Client;
  readonly epochMs: number;
  readonly kubelets: readonly Kubelet[];
  readonly kubelet: Kubelet;
  /** Every pod and node watch event delivered, with the simulated time it arrived. */
  readonly log: { at: number; type: WatchEvent["type"]; object: Pod | Node }[];
  settle(): void;
  /** Steps the clock 100 ms at a time until `ms` (absolute), settling after each step. */
  advanceTo(ms: number): void;
  createPod(name: string, containers: Partial<Container>[] | string, extra?: { node?: string; restartPolicy?: Pod["spec"]["restartPolicy"]; grace?: number }): Pod;
  pod(name: string): Pod | undefined;
  node(name?: string): Node;
  lease(name?: string): Lease;
  /** "Type Reason: message" (" (xN)" when merged), oldest first, optionally of one object. */
  events(involvedName?: string): string[];
  now(ms?: number): string;
}

export function must<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.status.message);
  return r.object;
}

/** Event names end in UnixNano hex plus a sequence number, so they sort in creation order. */
function eventOrder(e: Event): bigint {
  return BigInt(`0x${e.metadata.name!.slice(e.metadata.name!.lastIndexOf(".") + 1)}`);
}

/** The default tables with every jitter removed, so a test can name exact times. */
export function tablesWithoutJitter(tables: KubeletTables = DEFAULT_KUBELET_TABLES): KubeletTables {
  return {
    ...tables,
    stages: tables.stages.map((s) => ({ ...s, delay: { ms: s.delay.ms, jitterMs: 0 } })),
    commands: { ...tables.commands, quickExit: { ms: tables.commands.quickExit.ms, jitterMs: 0 } },
  };
}

/** The jitter-free delay of a stage, by name. */
export function stageMs(name: string, tables: KubeletTables = DEFAULT_KUBELET_TABLES): number {
  const stage = tables.stages.find((s) => s.name === name);
  if (stage === undefined) throw new Error(`no stage ${name}`);
  return stage.delay.ms;
}

export function newKubeletFixture(opts: { nodes?: Partial<KubeletNodeConfig>[]; tables?: KubeletTables; seed?: number } = {}): KubeletFixture {
  const clock = new SimClock();
  const etcd = new EtcdCluster(clock);
  const rng = new RngStreams(opts.seed ?? 1);
  const epochMs = DEFAULT_EPOCH_MS;
  const api = newApiServer({
    etcd,
    clock,
    ids: newIdSource(rng.stream("apiserver")),
    epochMs,
  });
  bootstrapApiServer(api, ["default", NODE_LEASE_NAMESPACE]);
  const admin = new Client(api, ADMIN);
  must(admin.create("serviceaccounts", "default", defaultServiceAccount("default")));

  const log: KubeletFixture["log"] = [];
  for (const resource of ["pods", "nodes"] as const) api.watch(ADMIN, resource, { sinceRevision: api.revision }, (ev) => log.push({ at: clock.now, type: ev.type, object: ev.object as Pod | Node }));

  const sequence: EventNameSequence = { next: 0 };
  const kubeletRng = rng.stream("kubelet");
  const tables = opts.tables ?? tablesWithoutJitter();
  const kubelets = (opts.nodes ?? [{}]).map((n, i) => {
    const config: KubeletNodeConfig = { name: `node-${i + 1}`, zone: "zone-a", cpu: "4", memory: "8Gi", index: i + 1, ...n };
    const client = new Client(api, nodeUser(config.name), { protobuf: true });
    const newRecorder = () => newEventRecorder({ component: "kubelet", host: config.name, client, clock, epochMs, sequence });
    const k = newKubelet(config, { client, clock, rng: kubeletRng, epochMs, newRecorder }, tables);
    k.start();
    return k;
  });

  const settle = (): void => {
    for (let round = 0; round < 1000; round++) {
      let work = api.dispatchWatches();
      for (const k of kubelets) work += k.runOnce();
      if (work === 0 && !api.hasPendingWatchEvents()) return;
    }
    throw new Error("kubelets did not settle within 1000 rounds");
  };
  settle();

  return {
    clock,
    api,
    admin,
    epochMs,
    kubelets,
    kubelet: kubelets[0]!,
    log,
    settle,
    advanceTo(ms) {
      while (clock.now < ms) {
        clock.advanceTo(Math.min(ms, (Math.floor(clock.now / STEP_MS) + 1) * STEP_MS));
        settle();
      }
    },
    createPod(name, containers, extra = {}) {
      const list = typeof containers === "string" ? [{ name: "web", image: containers }] : containers;
      const pod: Pod = {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name, namespace: "default" },
        spec: {
          nodeName: extra.node ?? "node-1",
          containers: list.map((c, i) => ({ name: c.name ?? `c${i}`, image: c.image ?? "nginx:1.27", ...c })),
          ...(extra.restartPolicy ? { restartPolicy: extra.restartPolicy } : {}),
          ...(extra.grace !== undefined ? { terminationGracePeriodSeconds: extra.grace } : {}),
        },
      };
      const created = must(admin.create("pods", "default", pod));
      // As after a player's action: the watch delivers it within the same step.
      settle();
      return created;
    },
    pod(name) {
      const r = api.get(ADMIN, "pods", "default", name);
      return r.ok ? r.object : undefined;
    },
    node(name = "node-1") {
      return must(api.get(ADMIN, "nodes", undefined, name));
    },
    lease(name = "node-1") {
      return must(api.get(ADMIN, "leases", NODE_LEASE_NAMESPACE, name));
    },
    events(involvedName) {
      return [...must(api.list(ADMIN, "events")).items]
        .filter((e) => involvedName === undefined || e.involvedObject.name === involvedName)
        .sort((a, b) => (eventOrder(a) < eventOrder(b) ? -1 : 1))
        .map((e) => `${e.type} ${e.reason}: ${e.message}${e.count > 1 ? ` (x${e.count})` : ""}`);
    },
    now: (ms = clock.now) => rfc3339(epochMs, ms),
  };
}
