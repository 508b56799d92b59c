// The namespace deleter's status conditions (pkg/controller/namespace/deletion/
// status_condition_utils.go): each of the five types is always present, True
// with what went wrong, or False with its "ok" reason and message.

import type { NamespaceCondition } from "../../api/core-v1.ts";

export const NAMESPACE_DELETION_DISCOVERY_FAILURE = "NamespaceDeletionDiscoveryFailure";
export const NAMESPACE_DELETION_GV_PARSING_FAILURE = "NamespaceDeletionGroupVersionParsingFailure";
export const NAMESPACE_DELETION_CONTENT_FAILURE = "NamespaceDeletionContentFailure";
export const NAMESPACE_CONTENT_REMAINING = "NamespaceContentRemaining";
export const NAMESPACE_FINALIZERS_REMAINING = "NamespaceFinalizersRemaining";

/** conditionTypes, in the order the deleter maintains them. */
export const CONDITION_TYPES = [
  NAMESPACE_DELETION_DISCOVERY_FAILURE,
  NAMESPACE_DELETION_GV_PARSING_FAILURE,
  NAMESPACE_DELETION_CONTENT_FAILURE,
  NAMESPACE_CONTENT_REMAINING,
  NAMESPACE_FINALIZERS_REMAINING,
] as const;

const OK: Readonly<Record<(typeof CONDITION_TYPES)[number], { reason: string; message: string }>> = {
  [NAMESPACE_DELETION_DISCOVERY_FAILURE]: { reason: "ResourcesDiscovered", message: "All resources successfully discovered" },
  [NAMESPACE_DELETION_GV_PARSING_FAILURE]: { reason: "ParsedGroupVersions", message: "All legacy kube types successfully parsed" },
  [NAMESPACE_DELETION_CONTENT_FAILURE]: { reason: "ContentDeleted", message: "All content successfully deleted, may be waiting on finalization" },
  [NAMESPACE_CONTENT_REMAINING]: { reason: "ContentRemoved", message: "All content successfully removed" },
  [NAMESPACE_FINALIZERS_REMAINING]: { reason: "ContentRemoved", message: "All content successfully removed" },
};

/** What one pass over the namespace's content left behind. */
export interface ContentTotals {
  /** "pods." → count: gvr.Resource + "." + gvr.Group, as the message prints it. */
  readonly remainingByResource: ReadonlyMap<string, number>;
  readonly remainingByFinalizer: ReadonlyMap<string, number>;
  /** Errors from deleting content (deleteAllContentForGroupVersionResource). */
  readonly deleteErrors: readonly string[];
}

/** ProcessContentTotals and makeDeleteContentCondition: the failing conditions of one pass. */
export function failingConditions(totals: ContentTotals, now: string): NamespaceCondition[] {
  const out: NamespaceCondition[] = [];
  if (totals.deleteErrors.length > 0) {
    const msgs = [...totals.deleteErrors].sort();
    out.push({
      type: NAMESPACE_DELETION_CONTENT_FAILURE,
      status: "True",
      lastTransitionTime: now,
      reason: "ContentDeletionFailed",
      message: `Failed to delete all resource types, ${msgs.length} remaining: ${msgs.join(", ")}`,
    });
  }
  const resources = [...totals.remainingByResource].filter(([, n]) => n > 0).map(([r, n]) => `${r} has ${n} resource instances`);
  if (totals.remainingByResource.size > 0) {
    out.push({
      type: NAMESPACE_CONTENT_REMAINING,
      status: "True",
      lastTransitionTime: now,
      reason: "SomeResourcesRemain",
      message: `Some resources are remaining: ${resources.sort().join(", ")}`,
    });
  }
  const finalizers = [...totals.remainingByFinalizer].filter(([, n]) => n > 0).map(([f, n]) => `${f} in ${n} resource instances`);
  if (totals.remainingByFinalizer.size > 0) {
    out.push({
      type: NAMESPACE_FINALIZERS_REMAINING,
      status: "True",
      lastTransitionTime: now,
      reason: "SomeFinalizerRemain",
      message: `Some finalizers are remaining: ${finalizers.sort().join(", ")}`,
    });
  }
  return out;
}

/**
 * updateConditions: every type gets its failing condition or its ok variant;
 * an existing condition keeps its lastTransitionTime unless its status flips.
 * Returns whether anything changed.
 */
export function updateConditions(conditions: NamespaceCondition[], failing: readonly NamespaceCondition[], now: string): boolean {
  let changed = false;
  for (const type of CONDITION_TYPES) {
    const next = failing.find((c) => c.type === type) ?? { type, status: "False" as const, lastTransitionTime: now, ...OK[type] };
    const old = conditions.find((c) => c.type === type);
    if (!old) {
      conditions.push(next);
      changed = true;
    } else if (old.status !== next.status || old.message !== next.message || old.reason !== next.reason) {
      if (old.status !== next.status) old.lastTransitionTime = now;
      old.status = next.status;
      old.reason = next.reason;
      old.message = next.message;
      changed = true;
    }
  }
  return changed;
}
