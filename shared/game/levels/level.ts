// Level rules: when a level is won and how many stars it earns, computed from the
// cluster and the session's recomputed outcomes, never from a client's figures.
// Stars: 1 for winning (all pods placed and Running), +1 with no refused drop,
// +1 when won within the level's time.

import type { Pod } from "../../sim/api/core-v1.ts";
import { OBSERVER, type Cluster } from "../../sim/cluster.ts";
import type { Scenario } from "../scenarios/scenario.ts";

export type LevelStatus = "playing" | "won";

export interface LevelProgress {
  readonly status: LevelStatus;
  readonly stars: number;
  /** Pods of the level's namespace bound to a node / in all. */
  readonly placed: number;
  readonly toPlace: number;
  readonly running: number;
  readonly refusedDrops: number;
  /** Simulated ms at which the level was won. */
  readonly wonAtMs?: number;
}

export function levelPods(cluster: Cluster, namespace: string): readonly Pod[] {
  // Judged as the game's observer: what the player sees is what counts.
  const r = cluster.clientFor(OBSERVER).list("pods", namespace);
  return r.ok ? r.object.items : [];
}

export function isWon(scenario: Scenario, cluster: Cluster): boolean {
  const win = scenario.level?.win.allPodsRunning;
  if (!win) return false;
  const pods = levelPods(cluster, win.namespace);
  if (pods.length < (win.atLeast ?? 1)) return false;
  return pods.every((p) => p.status?.phase === "Running" && p.metadata.deletionTimestamp === undefined);
}

export function starsFor(scenario: Scenario, wonAtMs: number | undefined, refusedDrops: number): number {
  if (wonAtMs === undefined || !scenario.level) return 0;
  let stars = 1;
  if (refusedDrops === 0) stars++;
  if (wonAtMs <= scenario.level.timeLimitSeconds * 1000) stars++;
  return stars;
}

export function levelProgress(scenario: Scenario, cluster: Cluster, refusedDrops: number, wonAtMs: number | undefined): LevelProgress {
  const ns = scenario.level?.win.allPodsRunning.namespace ?? "default";
  const pods = levelPods(cluster, ns);
  return {
    status: wonAtMs !== undefined ? "won" : "playing",
    stars: starsFor(scenario, wonAtMs, refusedDrops),
    placed: pods.filter((p) => p.spec.nodeName).length,
    toPlace: pods.length,
    running: pods.filter((p) => p.status?.phase === "Running").length,
    refusedDrops,
    wonAtMs,
  };
}
