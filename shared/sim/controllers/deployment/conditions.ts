// Deployment conditions (deployment/util): the Available and Progressing reasons
// and messages `kubectl describe deployment` and `rollout status` print, and the
// rules for replacing a condition without losing its transition time.

import type { DeploymentStatus } from "../../api/apps-v1.ts";
import type { Condition } from "../../api/meta.ts";

export const DEPLOYMENT_AVAILABLE = "Available";
export const DEPLOYMENT_PROGRESSING = "Progressing";
export const DEPLOYMENT_REPLICA_FAILURE = "ReplicaFailure";

export const REPLICA_SET_UPDATED_REASON = "ReplicaSetUpdated";
export const FAILED_RS_CREATE_REASON = "ReplicaSetCreateError";
export const NEW_REPLICA_SET_REASON = "NewReplicaSetCreated";
export const FOUND_NEW_RS_REASON = "FoundNewReplicaSet";
export const NEW_RS_AVAILABLE_REASON = "NewReplicaSetAvailable";
export const TIMED_OUT_REASON = "ProgressDeadlineExceeded";
export const PAUSED_DEPLOY_REASON = "DeploymentPaused";
export const RESUMED_DEPLOY_REASON = "DeploymentResumed";
export const MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
export const MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";

export const MINIMUM_AVAILABILITY_MESSAGE = "Deployment has minimum availability.";
export const NO_MINIMUM_AVAILABILITY_MESSAGE = "Deployment does not have minimum availability.";
export const DEPLOYMENT_PAUSED_MESSAGE = "Deployment is paused";
export const DEPLOYMENT_RESUMED_MESSAGE = "Deployment is resumed";

/** Go's %q of a Kubernetes name (names never need more than quoting). */
const q = (s: string): string => JSON.stringify(s);

export const createdNewReplicaSetMessage = (rs: string): string => `Created new replica set ${q(rs)}`;
export const foundNewReplicaSetMessage = (rs: string): string => `Found new replica set ${q(rs)}`;
export const failedCreateReplicaSetMessage = (rs: string, err: string): string => `Failed to create new replica set ${q(rs)}: ${err}`;
/** The rest name the new ReplicaSet when there is one, else the Deployment. */
export const progressedMessage = (deployment: string, rs?: string): string =>
  rs === undefined ? `Deployment ${q(deployment)} has successfully progressed.` : `ReplicaSet ${q(rs)} has successfully progressed.`;
export const progressingMessage = (deployment: string, rs?: string): string =>
  rs === undefined ? `Deployment ${q(deployment)} is progressing.` : `ReplicaSet ${q(rs)} is progressing.`;
export const timedOutMessage = (deployment: string, rs?: string): string =>
  rs === undefined ? `Deployment ${q(deployment)} has timed out progressing.` : `ReplicaSet ${q(rs)} has timed out progressing.`;

export function newDeploymentCondition(type: string, status: Condition["status"], reason: string, message: string, now: string): Condition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

export function getDeploymentCondition(status: DeploymentStatus | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** Same status and reason: left alone. Same status, new reason: replaced, keeping lastTransitionTime. */
export function setDeploymentCondition(status: DeploymentStatus, condition: Condition): void {
  const current = getDeploymentCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}

export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  if (rest.length > 0) status.conditions = rest;
  else delete status.conditions;
}
