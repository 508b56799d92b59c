// The client's view of the synced room state. Colyseus callbacks mark what
// changed; scenes and panels read `room.state` when they redraw, so a full
// resync after a reconnect needs no special path. Clock ticks are separate
// from structural changes so the simulated clock does not redraw node cards.

import { Callbacks } from "@colyseus/sdk";
import type { ClusterState, EventView, LevelView, NodeView, PodView, WorkloadView } from "../../server/rooms/schema/cluster-state.ts";
import type { ActivityView, PlayerView } from "../../server/rooms/schema/presence-state.ts";
import type { ClusterRoom } from "./connection.ts";

type Listener = () => void;

export class ClusterStore {
  readonly room: ClusterRoom;
  /** Bumps whenever a node, pod, workload, event row, player, activity line or the level changes. */
  version = 0;
  private readonly changeListeners = new Set<Listener>();
  private readonly clockListeners = new Set<Listener>();
  private readonly unbind: Array<() => void> = [];

  constructor(room: ClusterRoom) {
    this.room = room;
    const callbacks = Callbacks.get(room);
    const changed = () => this.changed();
    const watchMembers = (collection: "nodes" | "pods" | "workloads" | "events" | "players" | "activity") => {
      // Map keys, or array indexes for the events' fixed rows.
      const members = new Map<string | number, () => void>();
      this.unbind.push(
        callbacks.onAdd(collection, (item: NodeView | PodView | WorkloadView | EventView | PlayerView | ActivityView, key: string | number) => {
          members.get(key)?.();
          members.set(key, callbacks.onChange(item, changed));
          changed();
        }),
        callbacks.onRemove(collection, (_item: unknown, key: string | number) => {
          members.get(key)?.();
          members.delete(key);
          changed();
        }),
        () => members.forEach((unbind) => unbind()),
      );
    };
    watchMembers("nodes");
    watchMembers("pods");
    watchMembers("workloads");
    watchMembers("events");
    watchMembers("players");
    watchMembers("activity");
    this.unbind.push(
      callbacks.listen("level", (level: LevelView) => {
        changed();
        if (level) this.unbind.push(callbacks.onChange(level, changed));
      }),
      callbacks.listen("title", changed),
      callbacks.listen("code", changed),
      callbacks.listen("timeMs", () => this.clockListeners.forEach((l) => l())),
      callbacks.listen("speed", () => this.clockListeners.forEach((l) => l())),
    );
    // A resynced snapshot may replace instances the callbacks were bound to.
    room.onReconnect(changed);
  }

  get state(): ClusterState {
    return this.room.state;
  }

  /** Calls `listener` on structural changes; returns the unsubscribe. */
  onChange(listener: Listener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Calls `listener` when the simulated clock or the speed changes. */
  onClock(listener: Listener): () => void {
    this.clockListeners.add(listener);
    return () => this.clockListeners.delete(listener);
  }

  nodes(): NodeView[] {
    return this.state?.nodes ? [...this.state.nodes.values()] : [];
  }

  pods(): PodView[] {
    return this.state?.pods ? [...this.state.pods.values()] : [];
  }

  workloads(): WorkloadView[] {
    return this.state?.workloads ? [...this.state.workloads.values()] : [];
  }

  /** Newest first. */
  events(): EventView[] {
    return this.state?.events ? [...this.state.events] : [];
  }

  /** Everyone seated. */
  players(): PlayerView[] {
    return this.state?.players ? [...this.state.players.values()] : [];
  }

  /** Newest first. */
  activity(): ActivityView[] {
    return this.state?.activity ? [...this.state.activity] : [];
  }

  dispose(): void {
    for (const unbind of this.unbind.splice(0)) unbind();
    this.changeListeners.clear();
    this.clockListeners.clear();
  }

  private changed(): void {
    this.version++;
    this.changeListeners.forEach((l) => l());
  }
}

/** The key a pod is known by everywhere in the client. */
export function podKey(pod: Pick<PodView, "namespace" | "name">): string {
  return `${pod.namespace}/${pod.name}`;
}
