// applyAction: the one place a player's action reaches the cluster, live and in
// replay. A refused action changes nothing and says why, in Kubernetes' words.
// Every action ends by settling the cluster (controllers, scheduler and kubelets
// react at once, as a real cluster does within milliseconds), so the next command
// sees the reaction and a replay reaches the same state at the same point.

import type { Pod } from "../../sim/api/core-v1.ts";
import type { KubeObject, Status } from "../../sim/api/meta.ts";
import type { ApiResult } from "../../sim/apiserver/errors.ts";
import type { ApiRequest, UserInfo } from "../../sim/apiserver/types.ts";
import type { Cluster } from "../../sim/cluster.ts";
import type { Action } from "./action.ts";
import { describeInsufficient } from "./fit-figures.ts";

export type ActionOutcome =
  | { readonly ok: true }
  /** The API server refused it (validation, NotFound, Conflict...). */
  | { readonly ok: false; readonly kind: "status"; readonly status: Status; readonly message: string }
  /** The scheduler's Filter plugins refused a manual placement. */
  | { readonly ok: false; readonly kind: "unschedulable"; readonly reasons: readonly string[]; readonly message: string }
  | { readonly ok: false; readonly kind: "fault"; readonly message: string };

/** A player's API request: sent, then the cluster reacts. The console uses this too. */
export function applyRequest(cluster: Cluster, user: UserInfo, request: ApiRequest): ApiResult<KubeObject> {
  const res = cluster.clientFor(user).request(request);
  cluster.settle();
  return res;
}

/** A request's answer as an action's outcome. */
export function outcomeOf(res: ApiResult<unknown>): ActionOutcome {
  return res.ok ? { ok: true } : { ok: false, kind: "status", status: res.status, message: res.status.message };
}

export function applyAction(cluster: Cluster, user: UserInfo, action: Action): ActionOutcome {
  switch (action.type) {
    case "request":
      return outcomeOf(applyRequest(cluster, user, action.request as ApiRequest));
    case "bind": {
      // The scheduler's cache must include every write so far (an earlier drop, say).
      cluster.settle();
      // The player reads the pod and posts its binding as themself; the scheduler only previews the fit.
      const client = cluster.clientFor(user);
      const got = client.get("pods", action.namespace, action.pod);
      if (!got.ok) return { ok: false, kind: "status", status: got.status, message: got.status.message };
      const fit = cluster.scheduler.checkFit(got.object as Pod, action.node);
      if (!fit.fits) {
        // The figures replace the bare "Insufficient cpu" in the toast; the reasons stay the scheduler's words.
        const figures = fit.insufficient?.map(describeInsufficient) ?? [];
        const message = [...figures, ...fit.reasons.filter((r) => !fit.insufficient?.some((i) => i.reason === r))].join(", ");
        return { ok: false, kind: "unschedulable", reasons: fit.reasons, message };
      }
      const res = client.bind(action.namespace, action.pod, action.node);
      cluster.settle();
      return outcomeOf(res);
    }
    case "fault": {
      const res = cluster.injectFault({ type: action.fault, node: action.node });
      return res.ok ? { ok: true } : { ok: false, kind: "fault", message: res.message };
    }
  }
}
