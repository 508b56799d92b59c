// The contract every controller module meets: informer handlers enqueue keys, the
// manager drains the queue and calls sync(key), which is idempotent and reads only
// from listers. Nothing here runs on its own: the cluster step drives it.

import type { SimClock } from "../kernel/clock.ts";
import type { Rng } from "../kernel/rng.ts";
import type { Client } from "../clientgo/client.ts";
import type { EventRecorder } from "../clientgo/events.ts";
import type { SharedInformerFactory } from "../clientgo/informer.ts";
import type { WorkQueue } from "../clientgo/workqueue.ts";

export type SyncResult =
  | { readonly kind: "done" }
  /** Retry with the queue's per-key exponential backoff. */
  | { readonly kind: "requeue" }
  /** Look again after this many simulated milliseconds (and forget past failures). */
  | { readonly kind: "requeueAfter"; readonly ms: number };

export const DONE: SyncResult = { kind: "done" };
export const REQUEUE: SyncResult = { kind: "requeue" };
export const requeueAfter = (ms: number): SyncResult => ({ kind: "requeueAfter", ms });

export interface Controller {
  /** kube-controller-manager's name for it: "replicaset-controller", "deployment-controller"... */
  readonly name: string;
  readonly queue: WorkQueue;
  sync(key: string): SyncResult;
}

export interface ControllerDeps {
  /** A client acting as this controller's service account. */
  readonly client: Client;
  readonly informers: SharedInformerFactory;
  readonly recorder: EventRecorder;
  readonly clock: SimClock;
  readonly rng: Rng;
  /** Converts simulated ms to the RFC 3339 strings objects carry. */
  readonly epochMs: number;
}

export type ControllerFactory = (deps: ControllerDeps) => Controller;
