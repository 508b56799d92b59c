// A small cluster for kubectl tests: a real API server with namespaces,
// nodes, pods, workloads, leases and events written directly (no
// controllers), and a way to run console lines against it at a given time.

import type { Deployment, ReplicaSet } from "../sim/api/apps-v1.ts";
import type { Lease } from "../sim/api/coordination-v1.ts";
import type { Container, ContainerStatus, Event, Node, Pod, PodPhase } from "../sim/api/core-v1.ts";
import type { KubeObject } from "../sim/api/meta.ts";
import type { ResourceName, ResourceTypes } from "../sim/api/resources.ts";
import type { ApiServer } from "../sim/apiserver/apiserver.ts";
import { Client } from "../sim/clientgo/client.ts";
import { EtcdCluster } from "../sim/etcd/etcd.ts";
import { SimClock } from "../sim/kernel/clock.ts";
import { newIdSource } from "../sim/kernel/ids.ts";
import { RngStreams } from "../sim/kernel/rng.ts";
import { DEFAULT_EPOCH_MS, rfc3339 } from "../sim/kernel/time.ts";
import { runKubectl, completeKubectl, type KubectlEnv, type KubectlResult } from "./kubectl.ts";
import { clone } from "../sim/kernel/equal.ts";
import { newApiServer } from "../sim/apiserver/new-apiserver.ts";
import { defaultServiceAccount } from "../sim/apiserver/test-fixture.ts";
import { newKubeconfig } from "./kubeconfig.ts";

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/** A result's stdout, stderr and exit code, without their interleaving. */
export type Streams = Omit<KubectlResult, "output">;

export function streams(r: KubectlResult): Streams {
  const { output: _output, ...rest } = r;
  return rest;
}

export class TestCluster {
  readonly clock = new SimClock();
  readonly api: ApiServer;
  readonly client: Client;
  readonly env: KubectlEnv;

  constructor() {
    const etcd = new EtcdCluster(this.clock);
    const rng = new RngStreams(1);
    const api = newApiServer({
      etcd,
      clock: this.clock,
      ids: newIdSource(rng.stream("apiserver")),
      epochMs: DEFAULT_EPOCH_MS,
    });
    this.api = api;
    this.client = new Client(api, { name: "kubernetes-admin", groups: ["system:masters"] });
    this.env = { client: this.client, clock: this.clock, epochMs: DEFAULT_EPOCH_MS, kubeconfig: newKubeconfig(this.client.user) };
    for (const ns of ["default", "kube-system", "kube-node-lease"]) this.must(this.client.create("namespaces", undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } }));
    for (const ns of ["default", "kube-system", "kube-node-lease"]) this.must(this.client.create("serviceaccounts", ns, defaultServiceAccount(ns)));
  }

  /** Simulated time as an RFC 3339 string, offset from now. */
  ts(offsetMs = 0): string {
    return rfc3339(DEFAULT_EPOCH_MS, this.clock.now + offsetMs);
  }

  advance(ms: number): void {
    this.clock.advanceTo(this.clock.now + ms);
  }

  /** The streams apart, as most tests compare them; runOrdered keeps their interleaving too. */
  run(line: string, stdin?: string): Streams {
    return streams(runKubectl(this.env, line, stdin));
  }

  runOrdered(line: string, stdin?: string): KubectlResult {
    return runKubectl(this.env, line, stdin);
  }

  complete(line: string): string[] {
    return completeKubectl(this.env, line);
  }

  must<T>(r: { ok: true; object: T } | { ok: false; status: { message: string } }): T {
    if (!r.ok) throw new Error(r.status.message);
    return r.object;
  }

  create<R extends ResourceName>(resource: R, obj: ResourceTypes[R]): ResourceTypes[R] {
    return this.must(this.client.create(resource, obj.metadata.namespace, obj));
  }

  /** Writes status through the status subresource, as a controller or kubelet would. */
  setStatus<R extends ResourceName>(resource: R, obj: ResourceTypes[R], status: unknown): ResourceTypes[R] {
    const body = { ...obj, status } as unknown as ResourceTypes[R];
    return this.must(this.client.updateStatus(resource, body));
  }

  node(name: string, opts: { ready?: "True" | "False" | "Unknown" | "none"; labels?: Record<string, string>; ip?: string; unschedulable?: boolean; cpu?: string; memory?: string } = {}): Node {
    const labels = { "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", ...opts.labels };
    const conditions =
      opts.ready === "none"
        ? []
        : [
            { type: "MemoryPressure", status: "False", lastHeartbeatTime: this.ts(), lastTransitionTime: this.ts(), reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available" },
            { type: "DiskPressure", status: "False", lastHeartbeatTime: this.ts(), lastTransitionTime: this.ts(), reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure" },
            { type: "PIDPressure", status: "False", lastHeartbeatTime: this.ts(), lastTransitionTime: this.ts(), reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available" },
            {
              type: "Ready",
              status: opts.ready ?? "True",
              lastHeartbeatTime: this.ts(),
              lastTransitionTime: this.ts(),
              reason: (opts.ready ?? "True") === "True" ? "KubeletReady" : "KubeletNotReady",
              message: (opts.ready ?? "True") === "True" ? "kubelet is posting ready status" : "container runtime network not ready",
            },
          ];
    const capacity = { cpu: opts.cpu ?? "4", "ephemeral-storage": "100Gi", memory: opts.memory ?? "16Gi", pods: "110" };
    return this.create("nodes", {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name, labels },
      spec: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"], ...(opts.unschedulable ? { unschedulable: true } : {}) },
      status: {
        capacity,
        allocatable: { ...capacity },
        conditions: conditions as NonNullable<Node["status"]>["conditions"],
        addresses: [
          { type: "InternalIP", address: opts.ip ?? "10.0.0.11" },
          { type: "Hostname", address: name },
        ],
        nodeInfo: {
          machineID: "ec2a1b2c3d4e5f60718293a4b5c6d7e8",
          systemUUID: "ec2a1b2c-3d4e-5f60-7182-93a4b5c6d7e8",
          bootID: "8f7e6d5c-4b3a-2910-8f7e-6d5c4b3a2910",
          kernelVersion: "6.8.0-1021-aws",
          osImage: "Ubuntu 24.04.1 LTS",
          containerRuntimeVersion: "containerd://2.0.5",
          kubeletVersion: "v1.34.10",
          kubeProxyVersion: "",
          operatingSystem: "linux",
          architecture: "amd64",
        },
      },
    });
  }

  /** A pod as a kubelet would report it running: scheduled, started, ready. */
  pod(name: string, opts: { namespace?: string; node?: string; labels?: Record<string, string>; owner?: KubeObject; containers?: Container[]; phase?: PodPhase; statuses?: Partial<ContainerStatus>[]; ip?: string; ready?: boolean } = {}): Pod {
    const containers = opts.containers ?? [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }], resources: { requests: { cpu: "100m", memory: "128Mi" } } }];
    const owner = opts.owner;
    const created = this.create("pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name,
        namespace: opts.namespace ?? "default",
        labels: opts.labels,
        ...(owner ? { ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true }] } : {}),
      },
      spec: { containers, ...(opts.node ? { nodeName: opts.node } : {}) },
    });
    if (opts.phase === "Pending" && !opts.node) return created;
    const ready = opts.ready ?? true;
    const statuses: ContainerStatus[] = containers.map((c, i) => ({
      name: c.name,
      state: { running: { startedAt: this.ts() } },
      lastState: {},
      ready,
      restartCount: 0,
      image: `docker.io/library/${c.image}`,
      imageID: `docker.io/library/${c.image.split(":")[0]}@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0`,
      containerID: `containerd://4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3${i}`,
      started: true,
      ...opts.statuses?.[i],
    }));
    const cond = (type: string, status: "True" | "False") => ({ type, status, lastProbeTime: null, lastTransitionTime: this.ts() });
    return this.setStatus("pods", created, {
      phase: opts.phase ?? "Running",
      conditions: [cond("PodReadyToStartContainers", "True"), cond("Initialized", "True"), cond("Ready", ready ? "True" : "False"), cond("ContainersReady", ready ? "True" : "False"), cond("PodScheduled", "True")],
      hostIP: "10.0.0.11",
      hostIPs: [{ ip: "10.0.0.11" }],
      podIP: opts.ip ?? "10.244.1.5",
      podIPs: [{ ip: opts.ip ?? "10.244.1.5" }],
      startTime: this.ts(),
      containerStatuses: statuses,
      qosClass: "Burstable",
    });
  }

  deployment(name: string, replicas: number, opts: { namespace?: string; image?: string } = {}): Deployment {
    const labels = { app: name };
    const d = this.create("deployments", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name, namespace: opts.namespace ?? "default", labels },
      spec: {
        replicas,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: opts.image ?? "nginx:1.27", ports: [{ containerPort: 80 }] }] } },
      },
    });
    return this.setStatus("deployments", d, {
      observedGeneration: 1,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      conditions: [
        { type: "Available", status: "True", lastUpdateTime: this.ts(), lastTransitionTime: this.ts(), reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." },
        { type: "Progressing", status: "True", lastUpdateTime: this.ts(), lastTransitionTime: this.ts(), reason: "NewReplicaSetAvailable", message: `ReplicaSet "${name}-7b9f6c5d48" has successfully progressed.` },
      ],
    });
  }

  replicaSet(d: Deployment, hash: string, replicas: number): ReplicaSet {
    const labels = { app: d.metadata.name!, "pod-template-hash": hash };
    const rs = this.create("replicasets", {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels,
        annotations: { "deployment.kubernetes.io/desired-replicas": String(d.spec.replicas), "deployment.kubernetes.io/max-replicas": String((d.spec.replicas ?? 0) + 1), "deployment.kubernetes.io/revision": "1" },
        ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: d.metadata.name!, uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      spec: {
        replicas,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: clone(d.spec.template.spec) as ReplicaSet["spec"]["template"]["spec"] },
      },
    });
    return this.setStatus("replicasets", rs, { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 });
  }

  lease(node: string): Lease {
    return this.create("leases", {
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: { name: node, namespace: "kube-node-lease" },
      spec: { holderIdentity: node, leaseDurationSeconds: 40, renewTime: `${this.ts().slice(0, -1)}.000000Z` },
    });
  }

  event(obj: KubeObject, type: "Normal" | "Warning", reason: string, message: string, component: string, opts: { count?: number; firstOffsetMs?: number; host?: string } = {}): Event {
    const first = this.ts(opts.firstOffsetMs ?? 0);
    return this.create("events", {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: `${obj.metadata.name}.${(this.clock.now + 0x17f3a2b4c5d00000).toString(16)}${reason.length}`, namespace: obj.metadata.namespace ?? "default" },
      involvedObject: { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid },
      reason,
      message,
      source: opts.host ? { component, host: opts.host } : { component },
      firstTimestamp: first,
      lastTimestamp: this.ts(),
      count: opts.count ?? 1,
      type,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: opts.host ?? "",
    });
  }
}

/**
 * A console that can block (KubectlEnv.wait): each wait advances the clock, then
 * lets the script change the cluster as controllers would, given the total waited.
 */
export function blocking(c: TestCluster, script: (elapsedMs: number) => void = () => {}): { run(line: string): Streams; runOrdered(line: string): KubectlResult; waited(): number } {
  let waited = 0;
  const env: KubectlEnv = {
    ...c.env,
    wait: (ms) => {
      c.advance(ms);
      waited += ms;
      script(waited);
    },
  };
  return { run: (line) => streams(runKubectl(env, line)), runOrdered: (line) => runKubectl(env, line), waited: () => waited };
}

/** Two nodes, a two-replica web deployment with its ReplicaSet and pods, a lease and a few events. */
export function webCluster(): { c: TestCluster; n1: Node; d: Deployment; rs: ReplicaSet; pods: Pod[] } {
  const c = new TestCluster();
  const n1 = c.node("n1", { labels: { "node-role.kubernetes.io/control-plane": "" } });
  c.node("worker-2", { ip: "10.0.0.12", unschedulable: true });
  c.lease("n1");
  c.advance(5 * MINUTE);
  const d = c.deployment("web", 2);
  const rs = c.replicaSet(d, "7b9f6c5d48", 2);
  const labels = { app: "web", "pod-template-hash": "7b9f6c5d48" };
  const pods = [
    c.pod("web-7b9f6c5d48-x2kqp", { node: "n1", labels, owner: rs }),
    c.pod("web-7b9f6c5d48-ab3cd", { node: "n1", labels, owner: rs, ip: "10.244.1.6" }),
  ];
  c.event(pods[0]!, "Normal", "Scheduled", "Successfully assigned default/web-7b9f6c5d48-x2kqp to n1", "default-scheduler");
  c.event(d, "Normal", "ScalingReplicaSet", "Scaled up replica set web-7b9f6c5d48 from 0 to 2", "deployment-controller");
  c.event(n1, "Normal", "RegisteredNode", "Node n1 event: Registered Node n1 in Controller", "node-controller");
  c.advance(95 * SECOND);
  return { c, n1, d, rs, pods };
}
