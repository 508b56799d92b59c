// Projects watched cluster objects into the synced room state. It watches the
// API server like any other client, remembers which keys changed, and after a
// batch of steps copies only those into the schema (schema writes cost ~10× a
// plain write, so the simulation never touches schema objects itself).

import type { Deployment } from "../../shared/sim/api/apps-v1.ts";
import type { Event, Node, Pod } from "../../shared/sim/api/core-v1.ts";
import { controllerRef, objectKey } from "../../shared/sim/api/meta.ts";
import { bytes, milliCpu } from "../../shared/sim/api/quantity.ts";
import type { ResourceName } from "../../shared/sim/api/resources.ts";
import type { WatchHandle } from "../../shared/sim/apiserver/types.ts";
import { OBSERVER, type Cluster } from "../../shared/sim/cluster.ts";
import type { Client } from "../../shared/sim/clientgo/client.ts";
import type { ApiResult } from "../../shared/sim/apiserver/errors.ts";
import { parseTime } from "../../shared/sim/kernel/time.ts";
import { nodeStatusText, nodeRoles, formatTaint } from "../../shared/kubectl/printers/node-columns.ts";
import { podStatusText } from "../../shared/kubectl/printers/pod-status.ts";
import type { LevelProgress } from "../../shared/game/levels/level.ts";
import { ClusterState, EventView, LevelRowView, NodeView, PodView, WorkloadView } from "./schema/cluster-state.ts";

const MI = 1024 * 1024;
/** Rows of the events panel. */
export const EVENTS_SHOWN = 12;
/**
 * Fresh events a flush looks at, at most. Events are written with lastTimestamp
 * = now, so the latest watch deliveries are the newest; at 30,000 pods a batch
 * of steps can bring thousands, and only the last few can make the panel.
 */
const EVENTS_PENDING_MAX = 64;

/** Told what a flush changed: per-client views (server/rooms/views/) decide who is sent it. */
export interface ProjectionListener {
  /** A pod was projected (created or changed), or removed (undefined). */
  podChanged(key: string, pod: PodView | undefined): void;
  workloadChanged(key: string, workload: WorkloadView | undefined): void;
  /** The flush is done: every change of this batch has been told. */
  flushed(): void;
}

interface RecentEvent {
  readonly key: string;
  readonly lastMs: number;
  readonly event: Event;
}

export class Projector {
  readonly state: InstanceType<typeof ClusterState>;
  readonly #cluster: Cluster;
  readonly #client: Client;
  readonly #listener: ProjectionListener | undefined;
  readonly #dirty: Record<"pods" | "nodes" | "deployments", Set<string>> = { pods: new Set(), nodes: new Set(), deployments: new Set() };
  readonly #watches: WatchHandle[] = [];
  /** Nodes whose requested sums must be recomputed. */
  readonly #dirtyNodeTotals = new Set<string>();
  /** Which node each projected pod counts against, both ways. */
  readonly #podNode = new Map<string, string>();
  readonly #podsByNode = new Map<string, Set<string>>();
  /** Events delivered since the last flush, oldest first, at most EVENTS_PENDING_MAX. */
  readonly #pendingEvents = new Map<string, Event>();
  /** The panel's events, newest first, at most EVENTS_SHOWN. */
  readonly #recentEvents: RecentEvent[] = [];

  constructor(cluster: Cluster, state: InstanceType<typeof ClusterState>, listener?: ProjectionListener) {
    this.#cluster = cluster;
    this.state = state;
    this.#listener = listener;
    // The projector reads as the game's observer, through the API server's front door.
    const client = cluster.clientFor(OBSERVER);
    this.#client = client;
    for (const resource of ["nodes", "pods", "deployments"] as const) {
      const listed = must(client.list(resource));
      for (const obj of listed.items) this.#dirty[resource].add(objectKey(obj));
      const since = Number(listed.resourceVersion);
      this.#watches.push(must(client.watch(resource as ResourceName, { sinceRevision: since }, (ev) => this.#dirty[resource].add(objectKey(ev.object)))));
    }
    // Events already stored: one pass over all of them, once.
    const events = must(client.list("events"));
    const existing = events.items.map((e) => ({ key: objectKey(e), lastMs: this.#lastMs(e), event: e }));
    // Same-instant events in write order, as the watch would have delivered them.
    existing.sort((a, b) => a.lastMs - b.lastMs || Number(a.event.metadata.resourceVersion) - Number(b.event.metadata.resourceVersion));
    for (const recent of existing) this.#considerEvent(recent);
    this.#projectEvents();
    this.#watches.push(must(client.watch("events", { sinceRevision: Number(events.resourceVersion) }, (ev) => {
      // A deleted event (its TTL ran out) may stay on the panel: it did happen.
      if (ev.type === "DELETED") return;
      const key = objectKey(ev.object);
      // Re-inserting moves a repeat (count++) to the newest end.
      this.#pendingEvents.delete(key);
      this.#pendingEvents.set(key, ev.object as Event);
      if (this.#pendingEvents.size > EVENTS_PENDING_MAX) this.#pendingEvents.delete(this.#pendingEvents.keys().next().value!);
    })));
    this.flush();
  }

  dispose(): void {
    for (const w of this.#watches) w.stop();
  }

  /** Copies every changed object into the state, then the clock and level. */
  flush(level?: LevelProgress): void {
    const api = this.#client;
    for (const key of this.#dirty.nodes) {
      const got = api.get("nodes", undefined, key);
      if (!got.ok) {
        this.state.nodes.delete(key);
        continue;
      }
      this.#projectNode(got.object);
      this.#dirtyNodeTotals.add(key);
    }
    this.#dirty.nodes.clear();

    for (const key of this.#dirty.pods) {
      const [namespace, name] = splitKey(key);
      const got = api.get("pods", namespace, name);
      this.#unassign(key);
      if (!got.ok) {
        this.state.pods.delete(key);
        this.#listener?.podChanged(key, undefined);
        continue;
      }
      const node = this.#projectPod(key, got.object);
      if (node) this.#assign(key, node);
      this.#listener?.podChanged(key, this.state.pods.get(key));
    }
    this.#dirty.pods.clear();

    for (const key of this.#dirty.deployments) {
      const [namespace, name] = splitKey(key);
      const got = api.get("deployments", namespace, name);
      if (!got.ok) this.state.workloads.delete(key);
      else this.#projectDeployment(key, got.object);
      this.#listener?.workloadChanged(key, this.state.workloads.get(key));
    }
    this.#dirty.deployments.clear();

    for (const node of this.#dirtyNodeTotals) this.#projectNodeTotals(node);
    this.#dirtyNodeTotals.clear();
    // A crash shows at once, long before the API notices the node is gone.
    for (const [name, kubelet] of this.#cluster.kubelets) {
      const view = this.state.nodes.get(name);
      if (view) set(view, "crashed", !kubelet.running);
    }

    if (this.#pendingEvents.size > 0) {
      for (const [key, event] of this.#pendingEvents) this.#considerEvent({ key, lastMs: this.#lastMs(event), event });
      this.#pendingEvents.clear();
      this.#projectEvents();
    }

    this.state.timeMs = this.#cluster.now;
    if (level) this.#projectLevel(level);
    this.#listener?.flushed();
  }

  #lastMs(event: Event): number {
    return parseTime(this.#cluster.epochMs, event.lastTimestamp || event.firstTimestamp || "");
  }

  /** Puts an event in its place among the newest, replacing its older version; ties go to the later arrival. */
  #considerEvent(recent: RecentEvent): void {
    const list = this.#recentEvents;
    const old = list.findIndex((r) => r.key === recent.key);
    if (old >= 0) list.splice(old, 1);
    let at = list.findIndex((r) => r.lastMs <= recent.lastMs);
    if (at < 0) at = list.length;
    if (at >= EVENTS_SHOWN) return;
    list.splice(at, 0, recent);
    if (list.length > EVENTS_SHOWN) list.length = EVENTS_SHOWN;
  }

  /** Rows are fixed slots: a new event shifts contents down rather than moving schema instances. */
  #projectEvents(): void {
    const rows = this.state.events;
    this.#recentEvents.forEach(({ lastMs, event }, i) => {
      let view = rows.at(i);
      if (!view) {
        view = new EventView();
        rows.push(view);
      }
      const io = event.involvedObject;
      const kind = (io.kind ?? "").toLowerCase();
      set(view, "type", event.type);
      set(view, "reason", event.reason);
      set(view, "object", io.name ? `${kind}/${io.name}` : kind);
      set(view, "message", event.message.trim());
      set(view, "count", event.count || 1);
      set(view, "lastMs", lastMs);
    });
    while (rows.length > this.#recentEvents.length) rows.pop();
  }

  #projectNode(node: Node): void {
    const name = node.metadata.name!;
    let view = this.state.nodes.get(name);
    if (!view) {
      view = new NodeView();
      view.name = name;
      this.state.nodes.set(name, view);
    }
    const alloc = node.status?.allocatable ?? {};
    set(view, "zone", node.metadata.labels?.["topology.kubernetes.io/zone"] ?? "");
    set(view, "cpuMilli", milliCpu(alloc.cpu));
    set(view, "memoryMi", Math.floor(bytes(alloc.memory) / MI));
    set(view, "podsMax", Number(alloc.pods ?? 110));
    set(view, "status", nodeStatusText(node));
    set(view, "taints", (node.spec.taints ?? []).map(formatTaint).join(", "));
    set(view, "roles", nodeRoles(node));
  }

  #assign(podKey: string, node: string): void {
    this.#podNode.set(podKey, node);
    let set = this.#podsByNode.get(node);
    if (!set) this.#podsByNode.set(node, (set = new Set()));
    set.add(podKey);
    this.#dirtyNodeTotals.add(node);
  }

  #unassign(podKey: string): void {
    const node = this.#podNode.get(podKey);
    if (node === undefined) return;
    this.#podNode.delete(podKey);
    this.#podsByNode.get(node)?.delete(podKey);
    this.#dirtyNodeTotals.add(node);
  }

  #projectNodeTotals(name: string): void {
    const view = this.state.nodes.get(name);
    if (!view) return;
    let cpu = 0;
    let mem = 0;
    let count = 0;
    for (const key of this.#podsByNode.get(name) ?? []) {
      const pod = this.state.pods.get(key);
      if (!pod || pod.phase === "Succeeded" || pod.phase === "Failed") continue;
      cpu += pod.cpuMilli;
      mem += pod.memoryMi;
      count++;
    }
    set(view, "cpuRequestedMilli", cpu);
    set(view, "memoryRequestedMi", mem);
    set(view, "podCount", count);
  }

  /** Returns the node the pod is bound to, if any. */
  #projectPod(key: string, pod: Pod): string | undefined {
    let view = this.state.pods.get(key);
    if (!view) {
      view = new PodView();
      view.name = pod.metadata.name!;
      view.namespace = pod.metadata.namespace!;
      view.createdMs = parseTime(this.#cluster.epochMs, pod.metadata.creationTimestamp ?? "");
      view.workload = workloadOf(pod);
      let cpu = 0;
      let mem = 0;
      for (const c of pod.spec.containers) {
        cpu += milliCpu(c.resources?.requests?.cpu);
        mem += bytes(c.resources?.requests?.memory);
      }
      view.cpuMilli = cpu;
      view.memoryMi = Math.ceil(mem / MI);
      this.state.pods.set(key, view);
    }
    set(view, "node", pod.spec.nodeName ?? "");
    set(view, "phase", pod.status?.phase ?? "Pending");
    set(view, "status", podStatusText(pod));
    // The Ready condition, not the container count: the node controller turns it
    // False when a node is lost, while the containers' last report still says ready.
    set(view, "ready", pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false);
    set(view, "restarts", (pod.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0));
    return pod.spec.nodeName || undefined;
  }

  #projectDeployment(key: string, d: Deployment): void {
    let view = this.state.workloads.get(key);
    if (!view) {
      view = new WorkloadView();
      view.kind = "Deployment";
      view.name = d.metadata.name!;
      view.namespace = d.metadata.namespace!;
      this.state.workloads.set(key, view);
    }
    set(view, "replicas", d.spec.replicas ?? 0);
    set(view, "readyReplicas", d.status?.readyReplicas ?? 0);
    set(view, "updatedReplicas", d.status?.updatedReplicas ?? 0);
    set(view, "availableReplicas", d.status?.availableReplicas ?? 0);
  }

  #projectLevel(level: LevelProgress): void {
    const v = this.state.level;
    set(v, "status", level.status);
    set(v, "stars", level.stars);
    set(v, "placed", level.placed);
    set(v, "toPlace", level.toPlace);
    set(v, "refusedDrops", level.refusedDrops);
    set(v, "win", level.win);
    set(v, "subject", level.subject);
    // The checklist, then each star rule with its lines: fixed slots, rewritten in place.
    const lines = [
      ...level.checks.map((c) => ({ kind: "check", label: c.label, passed: c.passed })),
      ...level.starRules.flatMap((r) => [{ kind: "star", label: r.label, passed: r.met }, ...r.details.map((d) => ({ kind: "detail", label: d.label, passed: d.passed }))]),
    ];
    lines.forEach((line, i) => {
      let row = v.rows.at(i);
      if (!row) {
        row = new LevelRowView();
        v.rows.push(row);
      }
      set(row, "kind", line.kind);
      set(row, "label", line.label);
      set(row, "passed", line.passed);
    });
    while (v.rows.length > lines.length) v.rows.pop();
  }
}

/** The colour key of a pod: its Deployment (via the ReplicaSet's name), else its own app label or name. */
function workloadOf(pod: Pod): string {
  const ref = controllerRef(pod);
  if (ref?.kind === "ReplicaSet") {
    const hash = pod.metadata.labels?.["pod-template-hash"];
    return hash && ref.name.endsWith(`-${hash}`) ? ref.name.slice(0, -hash.length - 1) : ref.name;
  }
  if (ref) return ref.name;
  return pod.metadata.labels?.app ?? pod.metadata.name!;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Assigns only when the value changed, so unchanged fields send no patch. */
function set<T extends object, K extends keyof T>(target: T, field: K, value: T[K]): void {
  if (target[field] !== value) target[field] = value;
}

/** The observer's role covers what the projector reads: a refusal is a wiring bug. */
function must<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`projector: ${r.status.message}`);
  return r.object;
}
