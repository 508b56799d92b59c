// The scenario file format (assets/scenarios/*.yaml): a cluster to build, the
// manifests to apply at time 0 and, for levels, the objectives. Validated with
// zod; errors name the file and the field path.

import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { KubeObject } from "../../sim/api/meta.ts";
import { isQuantity } from "../../sim/api/quantity.ts";
import { parseTime } from "../../sim/kernel/time.ts";

const quantity = z.string().refine(isQuantity, { message: "must be a Kubernetes quantity such as 4, 500m or 8Gi" });
const dnsLabel = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS-1123 label").max(63);

const Taint = z.object({
  key: z.string().min(1),
  value: z.string().optional(),
  effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]),
});

const NodeSpec = z.object({
  name: dnsLabel,
  zone: dnsLabel,
  cpu: quantity,
  memory: quantity,
  pods: z.number().int().min(1).max(250).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  taints: z.array(Taint).optional(),
  /** Cordoned from the start (spec.unschedulable). */
  unschedulable: z.boolean().optional(),
});

/**
 * Many alike nodes in a line: `count` nodes named `<namePrefix>-1` … `-<count>`,
 * spread round-robin over `zones` (node-1 in the first zone, node-2 in the
 * second…), so a workshop cluster of fifty nodes is one entry, not fifty.
 */
const NodePool = z.strictObject({
  namePrefix: dnsLabel,
  count: z.number().int().min(1).max(5000),
  zones: z.array(dnsLabel).min(1),
  cpu: quantity,
  memory: quantity,
  pods: z.number().int().min(1).max(250).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  taints: z.array(Taint).optional(),
});

const ManifestObject = z
  .object({
    apiVersion: z.string().min(1),
    kind: z.string().min(1),
    metadata: z.object({ name: z.string().optional(), generateName: z.string().optional(), namespace: z.string().optional() }).loose(),
  })
  .loose();

/**
 * One `kubectl auth can-i` question, asked as the level's user, and the answer
 * the level wants. No namespace means cluster scope (as with --all-namespaces).
 */
const AccessCheck = z.strictObject({
  verb: z.string().regex(/^[a-z*]+$/, "must be an RBAC verb such as get, list, create or delete"),
  resource: z
    .string()
    .regex(/^[a-z0-9*][a-z0-9.-]*$/, 'must be a lower-case resource such as pods or deployments; for pods/log write resource: pods and subresource: log'),
  group: z.string().default(""),
  subresource: z.string().default(""),
  name: z.string().default(""),
  namespace: z.string().default(""),
  allowed: z.boolean(),
});

/** Who the access checks ask about: a user of the team and the groups its authenticator gives it. */
const ReviewedUser = z.strictObject({ name: z.string().min(1), groups: z.array(z.string().min(1)).default([]) });

const Win = z
  .strictObject({
    /** Every pod of this namespace Running (and, if set, at least this many). */
    allPodsRunning: z.strictObject({ namespace: z.string().default("default"), atLeast: z.number().int().min(1).optional() }).optional(),
    /** Every check answered as wanted for `user` (SelfSubjectAccessReview, as `kubectl auth can-i --as`). */
    accessReview: z.strictObject({ user: ReviewedUser, checks: z.array(AccessCheck).min(1) }).optional(),
  })
  .refine((w) => (w.allPodsRunning ? 1 : 0) + (w.accessReview ? 1 : 0) === 1, { message: "must name exactly one of allPodsRunning or accessReview" });

/** What each star after the first asks for. */
const STAR_RULE_NAMES = ["noRefusedDrops", "withinTimeLimit", "noOverBroadGrants"] as const;
const StarRule = z.union([z.enum(STAR_RULE_NAMES), z.strictObject({ accessChecks: z.array(AccessCheck).min(1) })], {
  error: `must be one of ${STAR_RULE_NAMES.map((n) => `"${n}"`).join(", ")} or { accessChecks: [...] }`,
});

const Level = z
  .strictObject({
    win: Win,
    /**
     * The second and third stars, in order: noRefusedDrops (no drop refused),
     * withinTimeLimit (won within timeLimitSeconds), noOverBroadGrants (no "*" in a
     * role bound to the access review's user or groups, and no ClusterRoleBinding
     * for them), accessChecks (more checks as that user, all answered as wanted).
     * Level 1's pair is the default.
     */
    stars: z.array(StarRule).length(2, "must list exactly two rules: one for the second star, one for the third").default(["noRefusedDrops", "withinTimeLimit"]),
    /** The time limit withinTimeLimit judges, and the panel counts down. */
    timeLimitSeconds: z.number().int().min(1).optional(),
    objectives: z.array(z.string()).min(1),
    hints: z.array(z.string()).default([]),
  })
  .superRefine((level, ctx) => {
    level.stars.forEach((rule, i) => {
      if (rule === "withinTimeLimit" && level.timeLimitSeconds === undefined) {
        ctx.addIssue({ code: "custom", path: ["stars", i], message: "withinTimeLimit needs spec.level.timeLimitSeconds (stars defaults to [noRefusedDrops, withinTimeLimit])" });
      }
      if ((rule === "noOverBroadGrants" || typeof rule === "object") && !level.win.accessReview) {
        ctx.addIssue({ code: "custom", path: ["stars", i], message: "this rule asks about the user of win.accessReview, which this level does not have" });
      }
    });
  });

export type AccessCheck = z.infer<typeof AccessCheck>;
export type ReviewedUser = z.infer<typeof ReviewedUser>;
export type StarRule = z.infer<typeof StarRule>;
export type LevelSpec = z.infer<typeof Level>;

export const ScenarioFile = z.object({
  apiVersion: z.literal("podpilot.dev/v1"),
  kind: z.literal("Scenario"),
  metadata: z.object({ name: dnsLabel, title: z.string().min(1) }),
  spec: z.object({
    mode: z.enum(["sandbox", "level"]),
    description: z.string().default(""),
    seed: z.number().int().min(0).default(1),
    epoch: z
      .string()
      .refine((s) => !Number.isNaN(parseTime(0, s)), { message: "must be an RFC 3339 UTC time like 2026-01-01T09:00:00Z" })
      .default("2026-01-01T09:00:00Z"),
    cluster: z.object({
      scheduler: z.boolean().default(true),
      nodes: z.array(NodeSpec).max(5000).default([]),
      nodePools: z.array(NodePool).default([]),
      /** etcd's --quota-backend-bytes; absent is etcd's default, 2 GiB. */
      quotaBackendBytes: z.number().int().positive().optional(),
    }),
    objects: z.array(ManifestObject).default([]),
    level: Level.optional(),
  }),
});

export type ScenarioFile = z.infer<typeof ScenarioFile>;
export type ScenarioNode = z.infer<typeof NodeSpec>;
export type ScenarioNodePool = z.infer<typeof NodePool>;

/** A pool's nodes, in name order: `<prefix>-1` in zones[0], `<prefix>-2` in zones[1], round-robin. */
export function expandNodePool(pool: ScenarioNodePool): ScenarioNode[] {
  return Array.from({ length: pool.count }, (_, i): ScenarioNode => ({
    name: `${pool.namePrefix}-${i + 1}`,
    zone: pool.zones[i % pool.zones.length]!,
    cpu: pool.cpu,
    memory: pool.memory,
    ...(pool.pods === undefined ? {} : { pods: pool.pods }),
    ...(pool.labels === undefined ? {} : { labels: pool.labels }),
    ...(pool.taints === undefined ? {} : { taints: pool.taints }),
  }));
}

export interface Scenario {
  readonly name: string;
  readonly title: string;
  readonly mode: "sandbox" | "level";
  readonly description: string;
  readonly seed: number;
  readonly epochMs: number;
  readonly schedulerActive: boolean;
  readonly quotaBackendBytes?: number;
  readonly nodes: readonly ScenarioNode[];
  readonly objects: readonly KubeObject[];
  readonly level?: LevelSpec;
}

export class ScenarioError extends Error {}

/** Parses and validates one scenario file's text; `source` names it in errors. */
export function parseScenario(text: string, source: string): Scenario {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ScenarioError(`${source}: invalid YAML: ${(e as Error).message}`);
  }
  const parsed = ScenarioFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${source}: ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new ScenarioError(issues.join("\n"));
  }
  const s = parsed.data;
  if (s.spec.mode === "level" && !s.spec.level) throw new ScenarioError(`${source}: spec.level: required when spec.mode is "level"`);
  // Listed nodes first, then each pool's; a name may appear once across both.
  const nodes = [
    ...s.spec.cluster.nodes.map((node, i) => ({ node, path: `spec.cluster.nodes.${i}.name` })),
    ...s.spec.cluster.nodePools.flatMap((pool, p) => expandNodePool(pool).map((node) => ({ node, path: `spec.cluster.nodePools.${p}` }))),
  ];
  if (nodes.length === 0) throw new ScenarioError(`${source}: spec.cluster: must list at least one node in nodes or nodePools`);
  if (nodes.length > 5000) throw new ScenarioError(`${source}: spec.cluster: at most 5000 nodes (nodes and nodePools together), not ${nodes.length}`);
  const names = new Set<string>();
  for (const { node, path } of nodes) {
    if (names.has(node.name)) throw new ScenarioError(`${source}: ${path}: duplicate node name "${node.name}"`);
    names.add(node.name);
  }
  return {
    name: s.metadata.name,
    title: s.metadata.title,
    mode: s.spec.mode,
    description: s.spec.description,
    seed: s.spec.seed,
    epochMs: parseTime(0, s.spec.epoch),
    schedulerActive: s.spec.cluster.scheduler,
    nodes: nodes.map(({ node }) => node),
    quotaBackendBytes: s.spec.cluster.quotaBackendBytes,
    objects: s.spec.objects as unknown as KubeObject[],
    level: s.spec.level,
  };
}
