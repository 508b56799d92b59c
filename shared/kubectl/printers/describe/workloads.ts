// kubectl describe deployment and replicaset (describeDeployment,
// describeReplicaSet), with the old/new ReplicaSet lines and pod counts.

import type { Deployment, ReplicaSet } from "../../../sim/api/apps-v1.ts";
import type { Event } from "../../../sim/api/core-v1.ts";
import type { DeepReadonly } from "../../../sim/api/meta.ts";
import type { Now } from "../age.ts";
import { formatLabelSelector, selectorString } from "../selector.ts";
import { describeEvents, describePodTemplate, formatTime, printAnnotationsMultiline, printLabelsMultiline } from "./common.ts";
import { LEVEL_0, LEVEL_1, tabbedString } from "./writer.ts";

type RO<T> = DeepReadonly<T>;

export interface PodPhaseCounts {
  readonly running: number;
  readonly waiting: number;
  readonly succeeded: number;
  readonly failed: number;
}

/** printReplicaSetsByLabels: "web-7b9f6c5d48 (3/3 replicas created)", comma-joined, or "<none>". */
function replicaSetsLine(sets: readonly RO<ReplicaSet>[]): string {
  const s = sets.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(", ");
  return s === "" ? "<none>" : s;
}

export function describeDeployment(
  now: Now,
  d: RO<Deployment>,
  oldRSs: readonly RO<ReplicaSet>[],
  newRS: RO<ReplicaSet> | undefined,
  events: readonly RO<Event>[] | undefined,
): string {
  return tabbedString((w) => {
    const st = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(now, d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, "Labels", d.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(d.spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${d.spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ""}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
    const ru = d.spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? 0)} max unavailable, ${String(ru.maxSurge ?? 0)} max surge\n`);
    describePodTemplate(now, w, d.spec.template);
    if ((st.conditions ?? []).length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
      w.write(LEVEL_1, "----\t------\t------\n");
      for (const c of st.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsLine(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsLine(newRS ? [newRS] : [])}\n`);
    }
    if (events) describeEvents(now, w, events);
  });
}

export function describeReplicaSet(now: Now, rs: RO<ReplicaSet>, pods: PodPhaseCounts, events: readonly RO<Event>[] | undefined): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
    printLabelsMultiline(w, "Labels", rs.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", rs.metadata.annotations);
    const owner = (rs.metadata.ownerReferences ?? []).find((r) => r.controller === true);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, "Pods Status:\t");
    w.write(LEVEL_0, `${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
    describePodTemplate(now, w, rs.spec.template);
    if ((rs.status?.conditions ?? []).length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
      w.write(LEVEL_1, "----\t------\t------\n");
      for (const c of rs.status!.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
    }
    if (events) describeEvents(now, w, events);
  });
}
