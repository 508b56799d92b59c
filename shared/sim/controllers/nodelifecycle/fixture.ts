// A small cluster for the node controllers' tests: a real API server, shared informers, the
import type { ApiResult } from "../../apiserver/errors.ts";
// controllers under test (each recording events under its own source), and a stand-in kubelet
// that only renews its Lease and posts Ready, so a test can stop and restart it at will.
// step() follows the cluster's step: advance 100 ms firing timers, then dispatch watches and
// run controllers until nothing is left to do.

import type { Lease } from "../../api/coordination-v1.ts";
import type { Event, Node, Pod, Toleration } from "../../api/core-v1.ts";
import type { Condition } from "../../api/meta.ts";
import type { ApiServer } from "../../apiserver/apiserver.ts";
import { Client } from "../../clientgo/client.ts";
import { newEventRecorder, type EventNameSequence } from "../../clientgo/events.ts";
import { SharedInformerFactory } from "../../clientgo/informer.ts";
import { EtcdCluster } from "../../etcd/etcd.ts";
import { SimClock, STEP_MS, type TimerHandle } from "../../kernel/clock.ts";
import { newIdSource } from "../../kernel/ids.ts";
import { RngStreams } from "../../kernel/rng.ts";
import { DEFAULT_EPOCH_MS, rfc3339, rfc3339Micro } from "../../kernel/time.ts";
import type { ControllerDeps, ControllerFactory } from "../controller.ts";
import { ControllerManager } from "../manager.ts";
import { NODE_LEASE_NAMESPACE } from "./node-lifecycle-controller.ts";
import { clone } from "../../kernel/equal.ts";
import { bootstrapApiServer } from "../../apiserver/bootstrap.ts";
import { KUBE_CONTROLLER_MANAGER, serviceAccountUser } from "../../apiserver/authentication/user.ts";
import type { UserInfo } from "../../apiserver/types.ts";
import { controllerServiceAccount } from "../service-accounts.ts";

const ADMIN: UserInfo = { name: "admin", groups: ["system:masters"] };
import { newApiServer } from "../../apiserver/new-apiserver.ts";
import { defaultServiceAccount } from "../../apiserver/test-fixture.ts";

export interface ControllerSpec {
  readonly factory: ControllerFactory;
  /** The event source it records as ("node-controller", "taint-eviction-controller"). */
  readonly component: string;
}

/** The kubelet's lease renewal interval (nodeLeaseDurationSeconds 40 × 0.25). */
export const LEASE_RENEW_INTERVAL_MS = 10_000;

export class NodeTestCluster {
  readonly clock = new SimClock();
  readonly epochMs = DEFAULT_EPOCH_MS;
  readonly api: ApiServer;
  readonly admin: Client;
  readonly informers: SharedInformerFactory;
  readonly manager: ControllerManager;
  readonly #heartbeats = new Map<string, TimerHandle>();

  constructor(specs: readonly ControllerSpec[]) {
    const rng = new RngStreams(1);
    const etcd = new EtcdCluster(this.clock);
    const api = newApiServer({
      etcd,
      clock: this.clock,
      ids: newIdSource(rng.stream("apiserver")),
      epochMs: this.epochMs,
    });
    this.api = api;
    bootstrapApiServer(api, ["default", NODE_LEASE_NAMESPACE]);
    this.admin = new Client(api, ADMIN);
    this.informers = new SharedInformerFactory(new Client(api, { name: KUBE_CONTROLLER_MANAGER }, { protobuf: true }));
    this.admin.create("serviceaccounts", "default", defaultServiceAccount("default"));
    const sequence: EventNameSequence = { next: 0 };
    this.manager = new ControllerManager(
      specs.map(({ factory, component }) => {
        const client = new Client(api, serviceAccountUser("kube-system", controllerServiceAccount(component)), { protobuf: true });
        const deps: ControllerDeps = {
          client,
          informers: this.informers,
          recorder: newEventRecorder({ component, client, clock: this.clock, epochMs: this.epochMs, sequence }),
          clock: this.clock,
          rng: rng.stream("controllers"),
          epochMs: this.epochMs,
        };
        return factory(deps);
      }),
    );
  }

  get now(): number {
    return this.clock.now;
  }

  ts(ms: number): string {
    return rfc3339(this.epochMs, ms);
  }

  /** Starts the informers and settles at the current instant. */
  start(): void {
    this.informers.start();
    this.settle();
  }

  settle(): void {
    for (let i = 0; i < 100; i++) {
      this.api.dispatchWatches();
      if (!this.manager.hasWork()) return;
      this.manager.runOnce();
    }
    throw new Error("controllers did not settle");
  }

  step(): void {
    this.clock.advanceTo(this.clock.now + STEP_MS);
    this.settle();
  }

  runUntil(ms: number): void {
    while (this.clock.now < ms) this.step();
  }

  /** Steps until `cond` holds and returns that instant; throws after `limitMs`. */
  waitFor(cond: () => boolean, limitMs: number): number {
    while (!cond()) {
      if (this.clock.now >= limitMs) throw new Error(`condition not met by ${limitMs} ms`);
      this.step();
    }
    return this.clock.now;
  }

  // --- nodes and their stand-in kubelet ----------------------------------------------------

  createNode(name: string, opts: { labels?: Record<string, string>; ready?: "True" | "False" } = {}): Node {
    const res = this.admin.create("nodes", undefined, {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name, labels: { "kubernetes.io/hostname": name, ...opts.labels } },
      spec: {},
      status: { capacity: { cpu: "4", memory: "8Gi", pods: "110" }, conditions: opts.ready && kubeletConditions(opts.ready, this.ts(this.now), []) },
    });
    if (!res.ok) throw new Error(res.status.message);
    return res.object;
  }

  /** The kubelet posting its conditions with a fresh heartbeat. */
  postReady(name: string, ready: "True" | "False"): void {
    const node = this.node(name);
    node.status!.conditions = kubeletConditions(ready, this.ts(this.now), node.status!.conditions ?? []);
    const res = this.admin.updateStatus("nodes", node);
    if (!res.ok) throw new Error(res.status.message);
  }

  renewLease(name: string): void {
    const got = this.api.get(ADMIN, "leases", NODE_LEASE_NAMESPACE, name);
    const renewTime = rfc3339Micro(this.epochMs, this.now);
    if (got.ok) {
      const lease = clone(got.object);
      lease.spec.renewTime = renewTime;
      this.admin.update("leases", lease);
      return;
    }
    const lease: Lease = {
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: { name, namespace: NODE_LEASE_NAMESPACE },
      spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime },
    };
    this.admin.create("leases", NODE_LEASE_NAMESPACE, lease);
  }

  /** Renews the node's lease at `firstAtMs` and every 10 s after, until stopKubelet. */
  startKubelet(name: string, firstAtMs: number): void {
    const beat = (at: number): void => {
      this.#heartbeats.set(
        name,
        this.clock.at(at, () => {
          this.renewLease(name);
          beat(at + LEASE_RENEW_INTERVAL_MS);
        }),
      );
    };
    beat(firstAtMs);
  }

  stopKubelet(name: string): void {
    this.#heartbeats.get(name)?.cancel();
    this.#heartbeats.delete(name);
  }

  // --- pods -----------------------------------------------------------------------------------

  /** A Running, Ready pod bound to `node`, as its kubelet would have reported it. */
  createRunningPod(name: string, node: string, opts: { tolerations?: Toleration[]; namespace?: string } = {}): Pod {
    const namespace = opts.namespace ?? "default";
    const created = this.admin.create("pods", namespace, {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace, labels: { app: "web" } },
      spec: { nodeName: node, containers: [{ name: "web", image: "nginx:1.27" }], tolerations: opts.tolerations },
    });
    if (!created.ok) throw new Error(created.status.message);
    const pod = clone(created.object);
    const now = this.ts(this.now);
    pod.status = {
      ...pod.status,
      phase: "Running",
      startTime: now,
      conditions: ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"].map((type) => ({ type, status: "True", lastProbeTime: null, lastTransitionTime: now })),
    };
    const res = this.admin.updateStatus("pods", pod);
    if (!res.ok) throw new Error(res.status.message);
    return res.object;
  }

  // --- reads ----------------------------------------------------------------------------------

  node(name: string): Node {
    const res = this.api.get(ADMIN, "nodes", undefined, name);
    if (!res.ok) throw new Error(res.status.message);
    return clone(res.object);
  }

  pod(name: string, namespace = "default"): Pod | undefined {
    const res = this.api.get(ADMIN, "pods", namespace, name);
    return res.ok ? clone(res.object) : undefined;
  }

  nodeCondition(name: string, type: string): Condition | undefined {
    return this.node(name).status?.conditions?.find((c) => c.type === type);
  }

  podCondition(name: string, type: string, namespace = "default"): Condition | undefined {
    return this.pod(name, namespace)?.status?.conditions?.find((c) => c.type === type);
  }

  events(filter: { reason?: string; kind?: string; name?: string; component?: string } = {}): Event[] {
    return must(this.api.list(ADMIN, "events")).items
      .filter(
        (e) =>
          (filter.reason === undefined || e.reason === filter.reason) &&
          (filter.kind === undefined || e.involvedObject.kind === filter.kind) &&
          (filter.name === undefined || e.involvedObject.name === filter.name) &&
          (filter.component === undefined || e.source.component === filter.component),
      );
  }
}

/** What a kubelet posts: healthy pressure conditions and the given Ready, transition times kept when unchanged. */
function kubeletConditions(ready: "True" | "False", now: string, previous: readonly Condition[]): Condition[] {
  const wanted: Condition[] = [
    { type: "MemoryPressure", status: "False", reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available" },
    { type: "DiskPressure", status: "False", reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure" },
    { type: "PIDPressure", status: "False", reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available" },
    ready === "True"
      ? { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" }
      : { type: "Ready", status: "False", reason: "KubeletNotReady", message: "container runtime is down" },
  ];
  return wanted.map((c) => {
    const prev = previous.find((p) => p.type === c.type);
    return { ...c, lastHeartbeatTime: now, lastTransitionTime: prev?.status === c.status ? prev.lastTransitionTime : now };
  });
}

function must<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.status.message);
  return r.object;
}
