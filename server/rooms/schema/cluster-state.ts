// The synced state: a compact projection of watched cluster objects, not the
// store. The projector copies only what changed after each simulation step.
// Field order is the wire order: append new fields at the end. Fields marked
// `.view()` reach a client only as far as its StateView holds their members
// (server/rooms/views/): pods in detail and workloads are per client, the
// rest (nodes with their aggregates, the level, events, presence) is shared.

import { schema, t, type SchemaType } from "@colyseus/schema";
import { ActivityView, PlayerView } from "./presence-state.ts";

export const NodeView = schema(
  {
    name: t.string(),
    zone: t.string(),
    /** Allocatable CPU in millicores, memory in MiB, pods. */
    cpuMilli: t.uint32(),
    memoryMi: t.uint32(),
    podsMax: t.uint16(),
    /** Sum of requests of the pods bound to the node and not finished. */
    cpuRequestedMilli: t.uint32(),
    memoryRequestedMi: t.uint32(),
    podCount: t.uint16(),
    /** kubectl's STATUS column: "Ready", "NotReady", "Ready,SchedulingDisabled"... */
    status: t.string(),
    /** The machine is down (a crash fault): kubelet silent, containers gone. */
    crashed: t.boolean(),
    /** "key=value:Effect" joined with ", ", or "". */
    taints: t.string(),
    roles: t.string(),
  },
  "NodeView",
);
export type NodeView = SchemaType<typeof NodeView>;

export const PodView = schema(
  {
    name: t.string(),
    namespace: t.string(),
    /** "" while unscheduled. */
    node: t.string(),
    phase: t.string(),
    /** kubectl's STATUS column ("ContainerCreating", "Terminating", "CrashLoopBackOff"...). */
    status: t.string(),
    ready: t.boolean(),
    restarts: t.uint16(),
    cpuMilli: t.uint32(),
    memoryMi: t.uint32(),
    /** Owning workload (Deployment name, or the pod's own name), for colour. */
    workload: t.string(),
    /** Creation order, so queues and node cards list pods stably. */
    createdMs: t.float64(),
  },
  "PodView",
);
export type PodView = SchemaType<typeof PodView>;

export const WorkloadView = schema(
  {
    kind: t.string(),
    name: t.string(),
    namespace: t.string(),
    replicas: t.uint16(),
    readyReplicas: t.uint16(),
    updatedReplicas: t.uint16(),
    availableReplicas: t.uint16(),
  },
  "WorkloadView",
);
export type WorkloadView = SchemaType<typeof WorkloadView>;

/** One line of the level's checklist, in display order. */
export const LevelRowView = schema(
  {
    /** "check" (a line of the win's checklist), "star" (a star rule), "detail" (a line under the star rule above). */
    kind: t.string(),
    label: t.string(),
    passed: t.boolean(),
  },
  "LevelRowView",
);
export type LevelRowView = SchemaType<typeof LevelRowView>;

export const LevelView = schema(
  {
    /** "sandbox" | "level" */
    mode: t.string(),
    /** "playing" | "won" | "lost" */
    status: t.string(),
    stars: t.uint8(),
    placed: t.uint16(),
    toPlace: t.uint16(),
    refusedDrops: t.uint16(),
    timeLimitMs: t.float64(),
    /** Objectives and hints, one per line. */
    objectives: t.string(),
    /** What wins: "allPodsRunning" (placed/toPlace count) or "accessReview" (the rows' checks). */
    win: t.string(),
    /** Who the access checks ask about, e.g. "dana (team-a-devs)". */
    subject: t.string(),
    rows: t.array(LevelRowView),
  },
  "LevelView",
);
export type LevelView = SchemaType<typeof LevelView>;

/** One row of the events panel: a core/v1 Event as `kubectl get events` shows it. */
export const EventView = schema(
  {
    /** "Normal" | "Warning" */
    type: t.string(),
    reason: t.string(),
    /** kubectl's OBJECT column: lower-cased kind "/" name, e.g. "pod/web-7d4b9c6f5-x2x4q". */
    object: t.string(),
    message: t.string(),
    count: t.uint32(),
    /** Simulated ms of the event's lastTimestamp, for an AGE against timeMs. */
    lastMs: t.float64(),
  },
  "EventView",
);
export type EventView = SchemaType<typeof EventView>;

export const ClusterState = schema(
  {
    scenario: t.string(),
    title: t.string(),
    /** Simulated milliseconds since the scenario started. */
    timeMs: t.float64(),
    /** Simulated seconds per wall second: 0 (paused), 1, 5 or 20. */
    speed: t.uint8(),
    nodes: t.map(NodeView),
    /** Only the pods this client's view holds: see server/rooms/views/client-views.ts. */
    pods: t.map(PodView).view(),
    /** Only the Deployments this client may list. */
    workloads: t.map(WorkloadView).view(),
    level: LevelView,
    /** The most recent events, newest first (at most Projector's EVENTS_SHOWN). */
    events: t.array(EventView),
    /** The room's join code. */
    code: t.string(),
    /** Everyone seated, by name. */
    players: t.map(PlayerView),
    /** The most recent writes in words, newest first (at most ACTIVITY_SHOWN). */
    activity: t.array(ActivityView),
  },
  "ClusterState",
);
export type ClusterState = SchemaType<typeof ClusterState>;
