// The messages between a room (the main thread) and its read replica (a pool
// worker), as structured clones. Everything that changes a room's session —
// each logged action and each advance of its tick — goes to the replica in the
// order it happened, so a request posted after them finds the replica at the
// same tick with the same state. Requests carry an id; each gets one reply.

import type { ActionLog, LoggedAction } from "../../../shared/game/actions/action.ts";
import type { Scenario } from "../../../shared/game/scenarios/scenario.ts";
import type { KubectlResult } from "../../../shared/kubectl/kubectl.ts";
import type { Kubeconfig } from "../../../shared/kubectl/kubeconfig.ts";
import type { UserInfo } from "../../../shared/sim/apiserver/types.ts";

export type ToReplica =
  /** (Re)builds replica `replica` by replaying `log`: a new room, a restored one, or one that diverged. */
  | { readonly type: "open"; readonly replica: number; readonly scenario: Scenario; readonly log: ActionLog }
  | { readonly type: "action"; readonly replica: number; readonly entry: LoggedAction }
  | { readonly type: "advance"; readonly replica: number; readonly tick: number }
  | { readonly type: "close"; readonly replica: number }
  | ({ readonly replica: number; readonly id: number } & ReplicaRequest);

export type ReplicaRequest =
  | { readonly type: "kubectl"; readonly user: UserInfo; readonly kubeconfig: Kubeconfig; readonly line: string; readonly stdin?: string }
  | { readonly type: "complete"; readonly user: UserInfo; readonly line: string }
  | { readonly type: "hash" };

/** A request's answer: its value, or why there is none (`wrote`: the line was not a read after all). */
export type FromReplica =
  | { readonly id: number; readonly ok: true; readonly value: ReplicaValue }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly wrote?: true };

export type ReplicaValue = KubectlResult | readonly string[] | string;
