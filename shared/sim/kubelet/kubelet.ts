// One kubelet: the agent on one node. It registers the Node, keeps its Lease and
// status fresh, and runs the pods bound to it through the stage tables. The
// machine (images on disk, containers, pod IPs) and the kubelet process are kept
// apart so a crash loses exactly what a real one loses. Everything it does goes
// through its client; its timers only queue work, which runOnce performs.

import type { Node, Pod, Taint } from "../api/core-v1.ts";
import type { DeepReadonly } from "../api/meta.ts";
import { bytes, count, milliCpu } from "../api/quantity.ts";
import type { ApiResult } from "../apiserver/errors.ts";
import type { ContainerLogProvider } from "../apiserver/pod-logs.ts";
import type { Client } from "../clientgo/client.ts";
import type { EventRecorder } from "../clientgo/events.ts";
import { Informer } from "../clientgo/informer.ts";
import { WorkQueue } from "../clientgo/workqueue.ts";
import type { SimClock, TimerHandle } from "../kernel/clock.ts";
import { newIdSource, type IdSource } from "../kernel/ids.ts";
import type { Rng } from "../kernel/rng.ts";
import { rfc3339, rfc3339Micro } from "../kernel/time.ts";
import { Backoff } from "./backoff.ts";
import { containerLogs } from "./container-logs.ts";
import { NODE_ALLOCATABLE_ENFORCED_MESSAGE, REASON_NODE_ALLOCATABLE_ENFORCED, REASON_STARTING, STARTING_MESSAGE, type EventType } from "./events.ts";
import { ImageStore } from "./images.ts";
import { HostLocalIpam } from "./ipam.ts";
import { NodeLease, NODE_LEASE_RENEW_INTERVAL_MS } from "./node-lease.ts";
import { DEFAULT_MAX_PODS, initialNode, internalIP, nodeAllocatable, nodeLabels, nodeStatus, nodeStatusChanged, type NodeMachine } from "./node-status.ts";
import { PodWorkers } from "./pod-worker.ts";
import { reapExits, rebootRuntime, type PodRuntime } from "./runtime.ts";
import { COMMAND_TABLE } from "./stages/commands.ts";
import { IMAGE_TABLE } from "./stages/images.ts";
import { POD_STAGES } from "./stages/pod-stages.ts";
import type { CommandTable, ImageTable, Stage } from "./stages/schema.ts";

/** nodeStatusUpdateFrequency: how often the kubelet computes its node status. */
export const NODE_STATUS_UPDATE_FREQUENCY_MS = 10_000;
/** nodeStatusReportFrequency: an unchanged status is still posted this often. */
export const NODE_STATUS_REPORT_FREQUENCY_MS = 5 * 60_000;

export interface KubeletNodeConfig {
  name: string;
  zone: string;
  cpu: string;
  memory: string;
  pods?: number /* default 110 */;
  labels?: Record<string, string>;
  taints?: Taint[];
  /** internal IP and pod CIDR index */
  index: number;
}

export interface KubeletDeps {
  client: Client /* user system:node:<name> */;
  clock: SimClock;
  rng: Rng;
  epochMs: number;
  /**
   * Makes the kubelet's event recorder (component "kubelet", host = node name).
   * Each boot is a new kubelet process with a fresh event correlator, so events
   * after a reboot are new objects, not counts added to the last boot's.
   */
  newRecorder: () => EventRecorder;
}

export interface Kubelet extends ContainerLogProvider {
  readonly nodeName: string;
  readonly running: boolean;
  /** Registers the Node (or updates it), creates/renews its Lease, opens its pod watch, starts heartbeats. */
  start(): void;
  /** The machine stops: no heartbeats, no status, containers gone (fault "node-crash"). */
  crash(): void;
  /** The machine boots again: kubelet re-registers, posts Ready, restarts containers of its pods, finishes deletions. */
  restart(): void;
  /** Processes pending pod work; returns how much it did (the cluster loops until quiet). */
  runOnce(): number;
  hasWork(): boolean;
}

/** The data a kubelet runs on; tests swap in tables without jitter. */
export interface KubeletTables {
  readonly stages: readonly Stage[];
  readonly images: ImageTable;
  readonly commands: CommandTable;
}

export const DEFAULT_KUBELET_TABLES: KubeletTables = { stages: POD_STAGES, images: IMAGE_TABLE, commands: COMMAND_TABLE };

export function newKubelet(config: KubeletNodeConfig, deps: KubeletDeps, tables: KubeletTables = DEFAULT_KUBELET_TABLES): Kubelet {
  return new NodeKubelet(config, deps, tables);
}

const LEASE_KEY = "@lease";
const NODE_STATUS_KEY = "@node-status";

/** What lives only as long as one kubelet process. */
interface Process {
  readonly queue: WorkQueue;
  readonly informer: Informer<"pods">;
  readonly workers: PodWorkers;
  readonly lease: NodeLease;
  readonly timers: TimerHandle[];
}

class NodeKubelet implements Kubelet {
  readonly nodeName: string;
  readonly #deps: KubeletDeps;
  readonly #tables: KubeletTables;
  readonly #ids: IdSource;
  readonly #machine: NodeMachine;
  // The machine's state: survives crashes.
  readonly #images: ImageStore;
  readonly #ipam: HostLocalIpam;
  readonly #runtimes = new Map<string, PodRuntime>();
  #bootID = "";
  #recorder!: EventRecorder;
  #process: Process | undefined;
  #lastReportAt = Number.NEGATIVE_INFINITY;

  constructor(config: KubeletNodeConfig, deps: KubeletDeps, tables: KubeletTables) {
    this.nodeName = config.name;
    this.#deps = deps;
    this.#tables = tables;
    this.#ids = newIdSource(deps.rng);
    this.#machine = {
      name: config.name,
      zone: config.zone,
      cpu: config.cpu,
      memory: config.memory,
      pods: config.pods ?? DEFAULT_MAX_PODS,
      labels: { ...config.labels },
      taints: config.taints ?? [],
      index: config.index,
      machineID: this.#ids.uid().replaceAll("-", ""),
      systemUUID: this.#ids.uid(),
    };
    this.#images = new ImageStore(tables.images);
    this.#ipam = new HostLocalIpam(config.index);
  }

  get running(): boolean {
    return this.#process !== undefined;
  }

  start(): void {
    if (this.#process === undefined) this.#boot();
  }

  /** Booting again is booting: what differs is what the machine remembers. */
  restart(): void {
    this.start();
  }

  crash(): void {
    const p = this.#process;
    if (p === undefined) return;
    this.#process = undefined;
    // Processes that ended before the machine went down keep their own exit codes.
    for (const rt of this.#runtimes.values()) reapExits(rt, this.#deps.clock.now);
    for (const t of p.timers) t.cancel();
    p.informer.stop();
    p.workers.cancelAll();
    this.#images.crash(this.#deps.clock.now);
    this.#ipam.releaseAll();
  }

  runOnce(): number {
    const p = this.#process;
    if (p === undefined) return 0;
    let n = 0;
    const limiter = this.#deps.client.rateLimiter;
    // Throttled: the rest of the queue waits for a step with tokens.
    const next = (): string | undefined => (limiter !== undefined && limiter.available() <= 0 ? undefined : p.queue.get());
    for (let key = next(); key !== undefined; key = next()) {
      n++;
      if (key === LEASE_KEY) this.#renewLease(p);
      else if (key === NODE_STATUS_KEY) this.#syncNodeStatus(false);
      else p.workers.sync(key);
      p.queue.done(key);
    }
    return n;
  }

  hasWork(): boolean {
    return (this.#process?.queue.length ?? 0) > 0;
  }

  /** GET /containerLogs: a kubelet that is down does not answer; the logs stay on the machine. */
  containerLogs(pod: DeepReadonly<Pod>, container: string, previous: boolean): ApiResult<string> | undefined {
    if (this.#process === undefined) return undefined;
    return containerLogs(pod, this.#runtimes.get(pod.metadata.uid!), container, previous);
  }

  // --- boot ----------------------------------------------------------------------

  #boot(): void {
    const { clock, client } = this.#deps;
    this.#bootID = this.#ids.uid();
    this.#recorder = this.#deps.newRecorder();
    this.#nodeEvent("Normal", REASON_STARTING, STARTING_MESSAGE);
    this.#nodeEvent("Normal", REASON_NODE_ALLOCATABLE_ENFORCED, NODE_ALLOCATABLE_ENFORCED_MESSAGE);
    // Containers that ran before the machine went down are found dead (none at first boot).
    for (const rt of this.#runtimes.values()) rebootRuntime(rt, clock.now);

    const queue = new WorkQueue(`kubelet-${this.nodeName}`, clock);
    const allocatable = nodeAllocatable(this.#machine);
    const workers = new PodWorkers({
      hostIP: internalIP(this.#machine.index),
      allocatable: {
        milliCPU: milliCpu(allocatable.cpu),
        memory: bytes(allocatable.memory),
        ephemeralStorage: bytes(allocatable["ephemeral-storage"]),
        pods: count(allocatable.pods),
      },
      clock,
      rng: this.#deps.rng,
      epochMs: this.#deps.epochMs,
      client: this.#deps.client,
      recorder: this.#recorder,
      stages: this.#tables.stages,
      imageTable: this.#tables.images,
      commands: this.#tables.commands,
      images: this.#images,
      ipam: this.#ipam,
      runtimes: this.#runtimes,
      imageBackOff: new Backoff(clock),
      restartBackOff: new Backoff(clock),
      enqueue: (uid) => queue.add(uid),
    });
    const informer = new Informer("pods");
    const process: Process = { queue, informer, workers, lease: new NodeLease(this.#deps.client, this.nodeName), timers: [] };
    this.#process = process;

    const node = this.#registerNode();
    process.lease.renew(rfc3339Micro(this.#deps.epochMs, clock.now), node);

    informer.addEventHandler({
      onAdd: (pod) => workers.update(pod),
      onUpdate: (old, pod) => {
        // Same name, new pod: the old one is gone.
        if (old.metadata.uid !== pod.metadata.uid) workers.remove(old);
        workers.update(pod);
      },
      onDelete: (pod) => workers.remove(pod),
    });
    informer.start(client, { nodeName: this.nodeName });
    // Containers of pods deleted while the machine was down are garbage now.
    for (const uid of [...this.#runtimes.keys()]) if (!workers.has(uid)) this.#runtimes.delete(uid);

    this.#every(process, LEASE_KEY, NODE_LEASE_RENEW_INTERVAL_MS, clock.now + NODE_LEASE_RENEW_INTERVAL_MS);
    this.#every(process, NODE_STATUS_KEY, NODE_STATUS_UPDATE_FREQUENCY_MS, clock.now + NODE_STATUS_UPDATE_FREQUENCY_MS);
  }

  /** A heartbeat loop on the simulated clock: each tick queues `key` for runOnce. */
  #every(p: Process, key: string, intervalMs: number, due: number): void {
    const index = p.timers.length;
    const tick = (at: number): TimerHandle =>
      this.#deps.clock.at(at, () => {
        p.queue.add(key);
        p.timers[index] = tick(at + intervalMs);
      });
    p.timers.push(tick(due));
  }

  /** Registers the Node, or (it exists) reconciles its default labels and posts status. */
  #registerNode(): DeepReadonly<Node> | undefined {
    const { client } = this.#deps;
    const existing = client.get("nodes", undefined, this.nodeName);
    if (!existing.ok) {
      const now = this.#deps.clock.now;
      const status = nodeStatus(this.#machine, this.#bootID, this.#images.statusImages(now), undefined, this.#timestamp(), (t, r, m) => this.#nodeEvent(t, r, m));
      const created = client.create("nodes", undefined, initialNode(this.#machine, status));
      if (!created.ok) return undefined;
      this.#lastReportAt = now;
      return created.object;
    }
    const labels = nodeLabels(this.#machine);
    const current = existing.object.metadata.labels ?? {};
    if (Object.entries(labels).some(([k, v]) => current[k] !== v)) client.patch("nodes", undefined, this.nodeName, { metadata: { labels } });
    return this.#syncNodeStatus(true);
  }

  // --- heartbeats -------------------------------------------------------------------

  #renewLease(p: Process): void {
    const got = this.#deps.client.get("nodes", undefined, this.nodeName);
    p.lease.renew(rfc3339Micro(this.#deps.epochMs, this.#deps.clock.now), got.ok ? got.object : undefined);
  }

  /** tryUpdateNodeStatus: post if anything but heartbeats changed, or the report period is over. */
  #syncNodeStatus(force: boolean): DeepReadonly<Node> | undefined {
    const { client, clock } = this.#deps;
    const got = client.get("nodes", undefined, this.nodeName);
    if (!got.ok) return undefined;
    const node = got.object;
    const events: [EventType, string, string][] = [];
    const status = nodeStatus(this.#machine, this.#bootID, this.#images.statusImages(clock.now), node.status, this.#timestamp(), (t, r, m) => events.push([t, r, m]));
    const due = clock.now - this.#lastReportAt >= NODE_STATUS_REPORT_FREQUENCY_MS;
    if (!force && !due && !nodeStatusChanged(node.status, status)) return node;
    for (const [t, r, m] of events) this.#nodeEvent(t, r, m);
    const patched = client.patchStatus("nodes", undefined, this.nodeName, { status });
    if (!patched.ok) return node;
    this.#lastReportAt = clock.now;
    return patched.object;
  }

  // --- helpers ----------------------------------------------------------------------

  /** Node events name the node by its name, uid included, as the kubelet's nodeRef does. */
  #nodeEvent(type: EventType, reason: string, message: string): void {
    this.#recorder.event({ apiVersion: "", kind: "Node", metadata: { name: this.nodeName, uid: this.nodeName } }, type, reason, message);
  }

  #timestamp(): string {
    return rfc3339(this.#deps.epochMs, this.#deps.clock.now);
  }
}

