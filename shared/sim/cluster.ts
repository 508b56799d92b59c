// A whole cluster: etcd, the API server, the shared informers, kube-controller-
// manager's controllers, the scheduler and one kubelet per node, wired the way
// Kubernetes wires them (every component holds only a client) and stepped in a
// fixed order. step() is the simulation's contract: it reads nothing but the
// cluster's own state (no wall clock, no unseeded randomness), so (version, scenario, seed,
// actions) → state is a pure function and replays bit for bit.

import type { KubeObject } from "./api/meta.ts";
import type { PodPhase } from "./api/core-v1.ts";
import { RESOURCES, type ResourceName } from "./api/resources.ts";
import type { ApiServer } from "./apiserver/apiserver.ts";
import type { ApiResult } from "./apiserver/errors.ts";
import type { UserInfo } from "./apiserver/types.ts";
import { Client, type ClientOptions } from "./clientgo/client.ts";
import { RATE_LIMITS, TokenBucketRateLimiter, type RateLimit } from "./clientgo/rate-limiter.ts";
import { RBAC_GROUP, type ClusterRoleBinding, type PolicyRule, type Subject } from "./api/rbac-v1.ts";
import { KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER, nodeUser, serviceAccountUser } from "./apiserver/authentication/user.ts";
import { bootstrapApiServer } from "./apiserver/bootstrap.ts";
import { LOOPBACK_USER } from "./apiserver/new-apiserver.ts";
import { newEventRecorder, type EventNameSequence, type EventRecorder } from "./clientgo/events.ts";
import { SharedInformerFactory } from "./clientgo/informer.ts";
import type { ControllerDeps, ControllerFactory } from "./controllers/controller.ts";
import { newDeploymentController } from "./controllers/deployment/deployment-controller.ts";
import { newGarbageCollector } from "./controllers/garbagecollector/garbage-collector.ts";
import { ControllerManager } from "./controllers/manager.ts";
import { newNamespaceController } from "./controllers/namespace/namespace-controller.ts";
import { controllerServiceAccount } from "./controllers/service-accounts.ts";
import { newNodeLifecycleController } from "./controllers/nodelifecycle/node-lifecycle-controller.ts";
import { newReplicaSetController } from "./controllers/replicaset/replicaset-controller.ts";
import { newResourceQuotaController } from "./controllers/resourcequota/resourcequota-controller.ts";
import { newClusterRoleAggregationController } from "./controllers/clusterroleaggregation/clusterroleaggregation-controller.ts";
import { newServiceAccountsController } from "./controllers/serviceaccount/serviceaccounts-controller.ts";
import { newTaintEvictionController } from "./controllers/tainteviction/taint-eviction-controller.ts";
import { EtcdCluster } from "./etcd/etcd.ts";
import { SimClock, STEP_MS } from "./kernel/clock.ts";
import { stateHash } from "./kernel/hash.ts";
import { newIdSource } from "./kernel/ids.ts";
import { RngStreams } from "./kernel/rng.ts";
import { DEFAULT_EPOCH_MS, rfc3339 } from "./kernel/time.ts";
import { newKubelet, type Kubelet, type KubeletNodeConfig } from "./kubelet/kubelet.ts";
import { newScheduler, type Scheduler } from "./scheduler/scheduler.ts";
import { newApiServer } from "./apiserver/new-apiserver.ts";

/** Bumped whenever a change alters what a replay computes: logs say which version made them. */
export const SIM_VERSION = 7;

/** kubeadm's admin.conf user: cluster-admin through the kubeadm:cluster-admins binding, not system:masters. */
export const ADMIN: UserInfo = { name: "kubernetes-admin", groups: ["kubeadm:cluster-admins"] };
export const KUBEADM_CLUSTER_ADMINS = "kubeadm:cluster-admins";

/**
 * The game's own reader: the room's projector and the level checks watch the
 * cluster as this user, whose ClusterRole reads only what they show.
 */
export const OBSERVER: UserInfo = { name: "pod-pilot:observer" };
const OBSERVER_RULES: readonly PolicyRule[] = [
  { verbs: ["get", "list", "watch"], apiGroups: [""], resources: ["nodes", "pods", "events", "namespaces"] },
  { verbs: ["get", "list", "watch"], apiGroups: ["apps"], resources: ["deployments", "replicasets"] },
];


/**
 * Controllers in the order the manager runs them each round, each with the
 * ServiceAccount kube-controller-manager runs it as (--use-service-account-credentials)
 * and the source its events carry.
 */
const CONTROLLERS: readonly { name: string; factory: ControllerFactory; eventSource: string }[] = [
  { name: "deployment-controller", factory: newDeploymentController, eventSource: "deployment-controller" },
  { name: "replicaset-controller", factory: newReplicaSetController, eventSource: "replicaset-controller" },
  { name: "node-lifecycle-controller", factory: newNodeLifecycleController, eventSource: "node-controller" },
  { name: "taint-eviction-controller", factory: newTaintEvictionController, eventSource: "taint-eviction-controller" },
  { name: "garbage-collector-controller", factory: newGarbageCollector, eventSource: "garbage-collector-controller" },
  { name: "resourcequota-controller", factory: newResourceQuotaController, eventSource: "resource-quota-controller" },
  { name: "clusterrole-aggregation-controller", factory: newClusterRoleAggregationController, eventSource: "clusterrole-aggregation-controller" },
  { name: "namespace-controller", factory: newNamespaceController, eventSource: "namespace-controller" },
  { name: "serviceaccount-controller", factory: newServiceAccountsController, eventSource: "service-account-controller" },
];

/** Safety net: rounds of watch delivery and component work within one step. */
const MAX_ROUNDS_PER_STEP = 64;

export interface ClusterConfig {
  readonly seed: number;
  readonly epochMs?: number;
  readonly nodes: readonly ClusterNodeConfig[];
  /** false: the scheduler keeps its cache but places nothing (players are the scheduler). */
  readonly schedulerActive?: boolean;
  /** etcd's --quota-backend-bytes; absent is etcd's default (2 GiB). */
  readonly quotaBackendBytes?: number;
  /** false: components' clients are not rate limited (benchmarks of raw throughput); default true. */
  readonly clientRateLimits?: boolean;
  /** Manifests applied by the cluster admin at time 0, in order. */
  readonly objects?: readonly KubeObject[];
}

/** A node to boot; `unschedulable` cordons it before any workload exists. */
export type ClusterNodeConfig = KubeletNodeConfig & { readonly unschedulable?: boolean };

export type Fault = { readonly type: "node-crash"; readonly node: string } | { readonly type: "node-restart"; readonly node: string };

export type FaultResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

export class Cluster {
  readonly clock = new SimClock();
  readonly rng: RngStreams;
  readonly etcd: EtcdCluster;
  readonly api: ApiServer;
  readonly informers: SharedInformerFactory;
  readonly controllers: ControllerManager;
  readonly scheduler: Scheduler;
  readonly kubelets: ReadonlyMap<string, Kubelet>;
  readonly epochMs: number;
  readonly admin: Client;
  #tick = 0;
  readonly #events: EventNameSequence = { next: 0 };

  constructor(config: ClusterConfig) {
    this.epochMs = config.epochMs ?? DEFAULT_EPOCH_MS;
    this.etcd = new EtcdCluster(this.clock, { quotaBackendBytes: config.quotaBackendBytes });
    const limited = config.clientRateLimits ?? true;
    const rateLimiter = (limit: RateLimit): TokenBucketRateLimiter | undefined => (limited ? new TokenBucketRateLimiter(limit, this.clock) : undefined);
    this.rng = new RngStreams(config.seed);
    const api = newApiServer({
      etcd: this.etcd,
      clock: this.clock,
      ids: newIdSource(this.rng.stream("apiserver")),
      epochMs: this.epochMs,
    });
    this.api = api;
    this.admin = new Client(api, ADMIN);

    // kube-apiserver's post-start hooks: the system namespaces and the RBAC bootstrap policy.
    bootstrapApiServer(api);
    const system = new Client(api, LOOPBACK_USER);
    // What kubeadm init adds: admin.conf's group is cluster-admin.
    mustSucceed(system.create("clusterrolebindings", undefined, clusterRoleBinding(KUBEADM_CLUSTER_ADMINS, "cluster-admin", { kind: "Group", apiGroup: RBAC_GROUP, name: KUBEADM_CLUSTER_ADMINS })));
    // The game's observer.
    mustSucceed(system.create("clusterroles", undefined, { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: OBSERVER.name }, rules: [...OBSERVER_RULES] }));
    mustSucceed(system.create("clusterrolebindings", undefined, clusterRoleBinding(OBSERVER.name, OBSERVER.name, { kind: "User", apiGroup: RBAC_GROUP, name: OBSERVER.name })));

    const controllerManager = new Client(api, { name: KUBE_CONTROLLER_MANAGER }, { protobuf: true });
    // With --use-service-account-credentials, kube-controller-manager makes each
    // controller's ServiceAccount in kube-system before starting it.
    for (const { name } of CONTROLLERS) {
      const account = controllerServiceAccount(name);
      mustSucceed(controllerManager.create("serviceaccounts", "kube-system", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: account, namespace: "kube-system" } }));
    }
    this.informers = new SharedInformerFactory(controllerManager);
    const controllerRng = this.rng.stream("controllers");
    // Each controller's client is built from the same rest.Config, so each has a token bucket of its own.
    const limiters = new Map<ReturnType<ControllerFactory>, TokenBucketRateLimiter>();
    const controllers = CONTROLLERS.map(({ name, factory, eventSource }) => {
      const limiter = rateLimiter(RATE_LIMITS.kubeControllerManager);
      const client = new Client(api, serviceAccountUser("kube-system", controllerServiceAccount(name)), { protobuf: true, rateLimiter: limiter });
      const deps: ControllerDeps = {
        client,
        informers: this.informers,
        recorder: this.recorder(client.withoutRateLimiter(), eventSource),
        clock: this.clock,
        rng: controllerRng,
        epochMs: this.epochMs,
      };
      const controller = factory(deps);
      if (limiter !== undefined) limiters.set(controller, limiter);
      return controller;
    });
    this.controllers = new ControllerManager(controllers, limiters);
    const schedulerClient = new Client(api, { name: KUBE_SCHEDULER }, { protobuf: true, rateLimiter: rateLimiter(RATE_LIMITS.kubeScheduler) });
    this.scheduler = newScheduler({
      client: schedulerClient,
      informers: this.informers,
      recorder: this.recorder(schedulerClient.withoutRateLimiter(), "default-scheduler"),
      clock: this.clock,
      rng: this.rng.stream("scheduler"),
      epochMs: this.epochMs,
    });
    this.scheduler.active = config.schedulerActive ?? true;
    this.informers.start();

    const kubelets = new Map<string, Kubelet>();
    const kubeletRng = this.rng.stream("kubelet");
    for (const node of [...config.nodes].sort((a, b) => a.index - b.index)) {
      const client = new Client(api, nodeUser(node.name), { protobuf: true, rateLimiter: rateLimiter(RATE_LIMITS.kubelet) });
      const kubelet = newKubelet(node, {
        client,
        clock: this.clock,
        rng: kubeletRng,
        epochMs: this.epochMs,
        newRecorder: () => this.recorder(client.withoutRateLimiter(), "kubelet", node.name),
      });
      kubelets.set(node.name, kubelet);
      api.registerLogProvider(node.name, kubelet);
      kubelet.start();
    }
    this.kubelets = kubelets;
    for (const node of config.nodes) {
      if (node.unschedulable) mustSucceed(this.admin.patch("nodes", undefined, node.name, { spec: { unschedulable: true } }));
    }

    // The control plane runs before the first workload arrives: every namespace has its default ServiceAccount.
    this.settle();
    for (const obj of config.objects ?? []) {
      const info = Object.values(RESOURCES).find((r) => r.kind === obj.kind);
      if (!info) throw new Error(`scenario object of unknown kind ${obj.kind}`);
      mustSucceed(this.admin.create(info.resource as ResourceName, obj.metadata.namespace, obj as never));
    }

    this.settle();
  }

  /** Steps done since the start; simulated time is tick × STEP_MS. */
  get tick(): number {
    return this.#tick;
  }

  get now(): number {
    return this.clock.now;
  }

  /** Advances the simulation by one fixed step (100 ms). */
  step(): void {
    this.#tick++;
    this.clock.advanceTo(this.#tick * STEP_MS);
    this.settle();
  }

  /** Steps until `ms` more simulated milliseconds have passed. */
  runFor(ms: number): void {
    const end = this.#tick + Math.ceil(ms / STEP_MS);
    while (this.#tick < end) this.step();
  }

  /** A client presenting `user`'s credentials (a player, the observer), optionally intercepting its writes. */
  clientFor(user: UserInfo, options?: ClientOptions): Client {
    return new Client(this.api, user, options);
  }

  /** Simulated failures, applied the way the game's failure buttons do. */
  injectFault(fault: Fault): FaultResult {
    const kubelet = this.kubelets.get(fault.node);
    if (!kubelet) return { ok: false, message: `node "${fault.node}" not found` };
    switch (fault.type) {
      case "node-crash":
        if (!kubelet.running) return { ok: false, message: `node "${fault.node}" is already down` };
        kubelet.crash();
        break;
      case "node-restart":
        if (kubelet.running) return { ok: false, message: `node "${fault.node}" is already running` };
        kubelet.restart();
        break;
    }
    this.settle();
    return { ok: true };
  }

  /** Pods by phase, across all namespaces. */
  podCounts(): Record<PodPhase, number> {
    const counts: Record<PodPhase, number> = { Pending: 0, Running: 0, Succeeded: 0, Failed: 0, Unknown: 0 };
    for (const pod of mustSucceed(this.clientFor(OBSERVER).list("pods")).items) counts[pod.status?.phase ?? "Pending"]++;
    return counts;
  }

  /**
   * SHA-256 of the canonical state: every key in etcd with its revisions and
   * value, the store revision, the clock, the tick and every RNG stream. Caches
   * and queues are derived from these, so equal hashes mean equal clusters.
   */
  stateHash(): string {
    const all = this.etcd.range("/", { prefix: true, serializable: true });
    if (!all.ok) throw new Error(`state hash: ${all.error}`);
    const kvs = all.kvs.map((kv) => [kv.key, kv.createRevision, kv.modRevision, kv.version, kv.value]);
    return stateHash({ version: SIM_VERSION, tick: this.#tick, now: this.clock.now, revision: all.revision, rng: this.rng.snapshot(), kvs });
  }

  recorder(client: Client, component: string, host?: string): EventRecorder {
    return newEventRecorder({ component, host, client, clock: this.clock, epochMs: this.epochMs, sequence: this.#events });
  }

  /**
   * Delivers watch events and runs every component until nothing is left to do.
   * Steps end with it; actions that judge by the components' caches (a manual
   * binding) call it first, live and in replay alike, so both see the same state.
   */
  settle(): void {
    for (let round = 0; round < MAX_ROUNDS_PER_STEP; round++) {
      let work = this.api.dispatchWatches();
      work += this.controllers.runOnce();
      work += this.scheduler.runOnce();
      for (const kubelet of this.kubelets.values()) work += kubelet.runOnce();
      if (work === 0 && !this.api.hasPendingWatchEvents()) return;
    }
  }

  /** The time `ms` as objects print it. */
  timestamp(ms = this.clock.now): string {
    return rfc3339(this.epochMs, ms);
  }
}

function clusterRoleBinding(name: string, role: string, subject: Subject): ClusterRoleBinding {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name },
    roleRef: { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: role },
    subjects: [subject],
  };
}

function mustSucceed<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`cluster bootstrap failed: ${r.status.message}`);
  return r.object;
}
