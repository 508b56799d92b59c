// Controller expectations (pkg/controller/controller_utils.go): what a controller
// is still waiting to see after its own writes. Watch events arrive later in the
// step than the writes that cause them, so without this a second sync would count
// pods that exist in etcd but not yet in the informer, and create them twice.
// Deletions are tracked by pod key (UIDTrackingControllerExpectations) so a pod
// seen first as terminating and then as gone is counted once.

import type { SimClock } from "../../kernel/clock.ts";

/** Expectations older than this are treated as met, so a lost event cannot stall a controller forever. */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

interface ControlleeExpectations {
  add: number;
  del: number;
  /** Pod keys ("ns/name") whose deletion is awaited. */
  readonly deleteKeys: Set<string>;
  readonly timestamp: number;
}

export class ControllerExpectations {
  readonly #clock: SimClock;
  readonly #byController = new Map<string, ControlleeExpectations>();

  constructor(clock: SimClock) {
    this.#clock = clock;
  }

  /** Replaces the controller's expectations with `adds` creations to observe. */
  expectCreations(controllerKey: string, adds: number): void {
    this.#byController.set(controllerKey, { add: adds, del: 0, deleteKeys: new Set(), timestamp: this.#clock.now });
  }

  /** Replaces the controller's expectations with the deletion of exactly these pods. */
  expectDeletions(controllerKey: string, podKeys: readonly string[]): void {
    const deleteKeys = new Set(podKeys);
    this.#byController.set(controllerKey, { add: 0, del: deleteKeys.size, deleteKeys, timestamp: this.#clock.now });
  }

  creationObserved(controllerKey: string): void {
    const exp = this.#byController.get(controllerKey);
    if (exp) exp.add--;
  }

  /** Counts a deletion only for a pod the controller asked to delete, and only once. */
  deletionObserved(controllerKey: string, podKey: string): void {
    const exp = this.#byController.get(controllerKey);
    if (exp?.deleteKeys.delete(podKey)) exp.del--;
  }

  /** True when nothing is awaited, the expectations expired, or none were ever set. */
  satisfiedExpectations(controllerKey: string): boolean {
    const exp = this.#byController.get(controllerKey);
    if (!exp) return true;
    return (exp.add <= 0 && exp.del <= 0) || this.#clock.now - exp.timestamp > EXPECTATIONS_TIMEOUT_MS;
  }

  deleteExpectations(controllerKey: string): void {
    this.#byController.delete(controllerKey);
  }
}
