// Node selectors as the scheduler matches them (component-helpers
// scheduling/corev1/nodeaffinity): terms are ORed, the requirements inside a term
// ANDed; an empty term matches nothing; a malformed requirement makes its term
// match nothing. matchFields knows one field, metadata.name.

import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from "../../../api/core-v1.ts";
import type { DeepReadonly } from "../../../api/meta.ts";

type Labels = Readonly<Record<string, string>>;

interface LabelRequirement {
  readonly key: string;
  readonly op: NodeSelectorRequirement["operator"];
  readonly values: readonly string[];
  /** Gt/Lt: the parsed bound. */
  readonly bound: number;
}

interface FieldRequirement {
  readonly key: string;
  readonly equal: boolean;
  readonly value: string;
}

interface ParsedTerm {
  /** undefined when the term has no matchExpressions. */
  readonly labels: readonly LabelRequirement[] | undefined;
  readonly fields: readonly FieldRequirement[] | undefined;
  /** A malformed requirement: the term never matches. */
  readonly invalid: boolean;
}

const INTEGER_RE = /^[+-]?\d+$/;

function parseLabelRequirements(reqs: readonly DeepReadonly<NodeSelectorRequirement>[]): { reqs: LabelRequirement[]; invalid: boolean } {
  const out: LabelRequirement[] = [];
  let invalid = false;
  for (const r of reqs) {
    const values = r.values ?? [];
    switch (r.operator) {
      case "In":
      case "NotIn":
        if (values.length === 0) invalid = true;
        break;
      case "Exists":
      case "DoesNotExist":
        if (values.length !== 0) invalid = true;
        break;
      case "Gt":
      case "Lt":
        if (values.length !== 1 || !INTEGER_RE.test(values[0]!)) invalid = true;
        break;
      default:
        invalid = true;
    }
    out.push({ key: r.key, op: r.operator, values, bound: r.operator === "Gt" || r.operator === "Lt" ? Number(values[0]) : 0 });
  }
  return { reqs: out, invalid };
}

function parseFieldRequirements(reqs: readonly DeepReadonly<NodeSelectorRequirement>[]): { reqs: FieldRequirement[]; invalid: boolean } {
  const out: FieldRequirement[] = [];
  let invalid = false;
  for (const r of reqs) {
    const values = r.values ?? [];
    // Field selectors take exactly one value, and only In or NotIn.
    if ((r.operator !== "In" && r.operator !== "NotIn") || values.length !== 1) invalid = true;
    else out.push({ key: r.key, equal: r.operator === "In", value: values[0]! });
  }
  return { reqs: out, invalid };
}

function isEmptyTerm(term: DeepReadonly<NodeSelectorTerm>): boolean {
  return (term.matchExpressions?.length ?? 0) === 0 && (term.matchFields?.length ?? 0) === 0;
}

function parseTerm(term: DeepReadonly<NodeSelectorTerm>): ParsedTerm {
  const l = term.matchExpressions?.length ? parseLabelRequirements(term.matchExpressions) : undefined;
  const f = term.matchFields?.length ? parseFieldRequirements(term.matchFields) : undefined;
  return { labels: l?.reqs, fields: f?.reqs, invalid: Boolean(l?.invalid || f?.invalid) };
}

function labelMatches(r: LabelRequirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  switch (r.op) {
    case "In":
      return has && r.values.includes(labels[r.key]!);
    case "NotIn":
      return !has || !r.values.includes(labels[r.key]!);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    case "Gt":
    case "Lt": {
      if (!has || !INTEGER_RE.test(labels[r.key]!)) return false;
      const v = Number(labels[r.key]);
      return r.op === "Gt" ? v > r.bound : v < r.bound;
    }
  }
}

function termMatches(t: ParsedTerm, node: DeepReadonly<Node>): boolean {
  if (t.invalid) return false;
  if (t.labels) {
    const labels = node.metadata.labels ?? {};
    for (const r of t.labels) if (!labelMatches(r, labels)) return false;
  }
  if (t.fields) {
    for (const r of t.fields) {
      const value = r.key === "metadata.name" ? (node.metadata.name ?? "") : "";
      if ((value === r.value) !== r.equal) return false;
    }
  }
  return true;
}

/** nodeaffinity.LazyErrorNodeSelector: required terms, ORed. */
export class NodeSelector {
  readonly #terms: readonly ParsedTerm[];

  constructor(terms: readonly DeepReadonly<NodeSelectorTerm>[]) {
    this.#terms = terms.filter((t) => !isEmptyTerm(t)).map(parseTerm);
  }

  match(node: DeepReadonly<Node>): boolean {
    for (const t of this.#terms) if (termMatches(t, node)) return true;
    return false;
  }
}

/** nodeaffinity.RequiredNodeAffinity: spec.nodeSelector AND the required node affinity. */
export class RequiredNodeAffinity {
  readonly #labelSelector: readonly (readonly [string, string])[] | undefined;
  readonly #nodeSelector: NodeSelector | undefined;

  constructor(pod: DeepReadonly<Pod>) {
    const sel = pod.spec.nodeSelector;
    this.#labelSelector = sel && Object.keys(sel).length > 0 ? Object.entries(sel) : undefined;
    const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.#nodeSelector = required ? new NodeSelector(required.nodeSelectorTerms) : undefined;
  }

  match(node: DeepReadonly<Node>): boolean {
    if (this.#labelSelector) {
      const labels = node.metadata.labels ?? {};
      for (const [k, v] of this.#labelSelector) if (labels[k] !== v) return false;
    }
    return this.#nodeSelector ? this.#nodeSelector.match(node) : true;
  }
}

/** nodeaffinity.PreferredSchedulingTerms: Σ weights of the terms a node matches. */
export class PreferredSchedulingTerms {
  readonly #terms: readonly { readonly weight: number; readonly term: ParsedTerm }[];

  constructor(terms: readonly DeepReadonly<{ weight: number; preference: NodeSelectorTerm }>[]) {
    this.#terms = terms.filter((t) => t.weight !== 0 && !isEmptyTerm(t.preference)).map((t) => ({ weight: t.weight, term: parseTerm(t.preference) }));
  }

  score(node: DeepReadonly<Node>): number {
    let score = 0;
    for (const { weight, term } of this.#terms) if (termMatches(term, node)) score += weight;
    return score;
  }
}
