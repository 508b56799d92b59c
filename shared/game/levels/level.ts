// Level rules: when a level is won and how many stars it earns, computed from the
// cluster and the session's recomputed outcomes, never from a client's figures.
// A level is won by its win condition: every pod of a namespace Running, or every
// access check answered as wanted. Each star after the first is one of the level's
// two star rules, judged on the cluster as it is now (a grant added after winning
// can still cost a star, and taking it back earns it again); the time star judges
// the moment the level was won.

import type { Pod } from "../../sim/api/core-v1.ts";
import { OBSERVER, type Cluster } from "../../sim/cluster.ts";
import type { Client } from "../../sim/clientgo/client.ts";
import type { LevelSpec, Scenario, StarRule } from "../scenarios/scenario.ts";
import { groupAccessChecks, reviewAccess } from "./access-review.ts";
import { auditGrants } from "./grant-audit.ts";

export type LevelStatus = "playing" | "won";
export type WinKind = "allPodsRunning" | "accessReview";

/** One line of a checklist: what is asked, and whether it holds now. */
export interface LevelCheck {
  readonly label: string;
  readonly passed: boolean;
}

export interface StarRuleProgress {
  readonly label: string;
  readonly met: boolean;
  /** The checks behind the rule, or what breaks it (each grant found over-broad). */
  readonly details: readonly LevelCheck[];
}

export interface LevelProgress {
  readonly status: LevelStatus;
  readonly stars: number;
  readonly win: WinKind;
  /** Who the access checks ask about, "dana (team-a-devs)"; "" without them. */
  readonly subject: string;
  /** Pods of the level's namespace bound to a node / in all (allPodsRunning). */
  readonly placed: number;
  readonly toPlace: number;
  readonly running: number;
  readonly refusedDrops: number;
  /** The access checklist, grouped into lines (accessReview). */
  readonly checks: readonly LevelCheck[];
  /** The second and third stars' rules, in order. */
  readonly starRules: readonly StarRuleProgress[];
  /** Simulated ms at which the level was won. */
  readonly wonAtMs?: number;
}

/**
 * The game's checker: kubeadm's admin (cluster-admin through its group), which
 * asks about the team with Impersonate-User/-Group as `kubectl auth can-i --as`
 * does, and reads the RBAC objects for the audit. Never the player, whose own
 * grants are what is being judged.
 */
function checker(cluster: Cluster): Client {
  return cluster.admin;
}

export function levelPods(cluster: Cluster, namespace: string): readonly Pod[] {
  // Judged as the game's observer: what the player sees is what counts.
  const r = cluster.clientFor(OBSERVER).list("pods", namespace);
  return r.ok ? r.object.items : [];
}

export function isWon(scenario: Scenario, cluster: Cluster): boolean {
  const win = scenario.level?.win;
  if (win?.allPodsRunning) {
    const pods = levelPods(cluster, win.allPodsRunning.namespace);
    if (pods.length < (win.allPodsRunning.atLeast ?? 1)) return false;
    return pods.every((p) => p.status?.phase === "Running" && p.metadata.deletionTimestamp === undefined);
  }
  if (win?.accessReview) return reviewAccess(checker(cluster), win.accessReview.user, win.accessReview.checks).every((r) => r.passed);
  return false;
}

/** m:ss, as the panel's clock shows a time limit. */
function minutes(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function judgeStarRule(level: LevelSpec, cluster: Cluster, rule: StarRule, refusedDrops: number, wonAtMs: number | undefined): StarRuleProgress {
  if (rule === "noRefusedDrops") return { label: "No refused drop", met: refusedDrops === 0, details: [] };
  if (rule === "withinTimeLimit") {
    const limit = level.timeLimitSeconds ?? 0;
    return { label: `Won within ${minutes(limit)}`, met: wonAtMs !== undefined && wonAtMs <= limit * 1000, details: [] };
  }
  // The schema admits the access rules only beside win.accessReview.
  const { user } = level.win.accessReview!;
  if (rule === "noOverBroadGrants") {
    const findings = auditGrants(checker(cluster), user);
    const who = [user.name, ...user.groups].join(" or ");
    return { label: `No "*" and no ClusterRoleBinding for ${who}`, met: findings.length === 0, details: findings.map((label) => ({ label, passed: false })) };
  }
  const results = reviewAccess(checker(cluster), user, rule.accessChecks);
  return { label: `Nothing more for ${user.name}`, met: results.every((r) => r.passed), details: groupAccessChecks(results) };
}

/** 1 for winning, +1 for each star rule met. */
export function starsFor(wonAtMs: number | undefined, starRules: readonly StarRuleProgress[]): number {
  if (wonAtMs === undefined) return 0;
  return 1 + starRules.filter((r) => r.met).length;
}

export function levelProgress(scenario: Scenario, cluster: Cluster, refusedDrops: number, wonAtMs: number | undefined): LevelProgress | undefined {
  const level = scenario.level;
  if (!level) return undefined;
  const starRules = level.stars.map((rule) => judgeStarRule(level, cluster, rule, refusedDrops, wonAtMs));
  const review = level.win.accessReview;
  const pods = level.win.allPodsRunning ? levelPods(cluster, level.win.allPodsRunning.namespace) : [];
  return {
    status: wonAtMs !== undefined ? "won" : "playing",
    stars: starsFor(wonAtMs, starRules),
    win: review ? "accessReview" : "allPodsRunning",
    subject: review ? `${review.user.name}${review.user.groups.length > 0 ? ` (${review.user.groups.join(", ")})` : ""}` : "",
    placed: pods.filter((p) => p.spec.nodeName).length,
    toPlace: pods.length,
    running: pods.filter((p) => p.status?.phase === "Running").length,
    refusedDrops,
    checks: review ? groupAccessChecks(reviewAccess(checker(cluster), review.user, review.checks)) : [],
    starRules,
    wonAtMs,
  };
}
