// kubectl describe pod (describePod in kubectl pkg/describe/describe.go).

import type { Event, Pod } from "../../../sim/api/core-v1.ts";
import type { DeepReadonly } from "../../../sim/api/meta.ts";
import { podQOSClass } from "../../../sim/api/qos.ts";
import { since, type Now } from "../age.ts";
import { describeContainers, describeEvents, describeVolumes, formatTime, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from "./common.ts";
import { LEVEL_0, LEVEL_1, tabbedString } from "./writer.ts";

type RO<T> = DeepReadonly<T>;

export function describePod(now: Now, pod: RO<Pod>, events: readonly RO<Event>[] | undefined): string {
  return tabbedString((w) => {
    const st = pod.status ?? {};
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`);
    if (pod.spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${pod.spec.priority}\n`);
    if (pod.spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${pod.spec.priorityClassName}\n`);
    if (pod.spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${pod.spec.serviceAccountName}\n`);
    if (!pod.spec.nodeName) w.write(LEVEL_0, "Node:\t<none>\n");
    else w.write(LEVEL_0, `Node:\t${pod.spec.nodeName}/${st.hostIP ?? ""}\n`);
    if (st.startTime) w.write(LEVEL_0, `Start Time:\t${formatTime(now, st.startTime)}\n`);
    printLabelsMultiline(w, "Labels", pod.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", pod.metadata.annotations);
    if (pod.metadata.deletionTimestamp && st.phase !== "Failed" && st.phase !== "Succeeded") {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(now, pod.metadata.deletionTimestamp)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${st.phase ?? ""}\n`);
    }
    if (st.reason) w.write(LEVEL_0, `Reason:\t${st.reason}\n`);
    if (st.message) w.write(LEVEL_0, `Message:\t${st.message}\n`);
    w.write(LEVEL_0, `IP:\t${st.podIP ?? ""}\n`);
    if (!st.podIPs || st.podIPs.length === 0) w.write(LEVEL_0, "IPs:\t<none>\n");
    else {
      w.write(LEVEL_0, "IPs:\n");
      for (const ip of st.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
    }
    const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
    if (st.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);
    if ((pod.spec.initContainers ?? []).length > 0) describeContainers(now, w, "Init Containers", pod.spec.initContainers!, st.initContainerStatuses, "");
    describeContainers(now, w, "Containers", pod.spec.containers, st.containerStatuses, "");
    const gates = (pod.spec as { readinessGates?: readonly { conditionType: string }[] }).readinessGates ?? [];
    if (gates.length > 0) {
      w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
      for (const g of gates) {
        const c = (st.conditions ?? []).find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : "<none>"} \n`);
      }
    }
    if ((st.conditions ?? []).length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
      for (const c of st.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(w, pod.spec.volumes, "");
    w.write(LEVEL_0, `QoS Class:\t${st.qosClass || podQOSClass(pod.spec as Pod["spec"])}\n`);
    printLabelsMultiline(w, "Node-Selectors", pod.spec.nodeSelector);
    printTolerationsMultiline(w, "Tolerations", pod.spec.tolerations);
    if (events) describeEvents(now, w, events);
  });
}
