// SetDefaults for PodSpec (pkg/apis/core/v1/defaults.go), shared by Pods and the
// pod templates of Deployments and ReplicaSets.

import type { Container, PodSpec } from "../../api/core-v1.ts";

export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
export const DEFAULT_SCHEDULER_NAME = "default-scheduler";

function defaultContainer(c: Container): void {
  if (c.imagePullPolicy === undefined) {
    // :latest or no tag pulls Always, anything else IfNotPresent.
    const ref = c.image ?? "";
    const lastSegment = ref.slice(ref.lastIndexOf("/") + 1);
    const tagged = lastSegment.includes(":") || ref.includes("@");
    c.imagePullPolicy = !tagged || ref.endsWith(":latest") ? "Always" : "IfNotPresent";
  }
  c.terminationMessagePath ??= "/dev/termination-log";
  c.terminationMessagePolicy ??= "File";
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= "TCP";
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
    if (!probe) continue;
    probe.timeoutSeconds ??= 1;
    probe.periodSeconds ??= 10;
    probe.successThreshold ??= 1;
    probe.failureThreshold ??= 3;
    if (probe.httpGet) probe.httpGet.scheme ??= "HTTP";
  }
}

/**
 * SetDefaults_Pod: requests default to limits when only limits are given. Pods
 * only, not pod templates, so a Deployment's template keeps what was written.
 */
export function defaultRequestsFromLimits(spec: PodSpec): void {
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests = (c.resources!.requests ??= {});
    for (const [k, v] of Object.entries(limits)) requests[k] ??= v;
  }
}

export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  spec.dnsPolicy ??= "ClusterFirst";
  spec.schedulerName ??= DEFAULT_SCHEDULER_NAME;
  spec.securityContext ??= {};
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}
