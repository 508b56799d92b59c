// kube-controller-manager in miniature: runs each controller's queue in a fixed
// order, within a per-step budget, so one busy controller cannot starve a step.
// A controller whose client has no rate-limit token left waits for a later step
// with its queue intact, as upstream's workers wait in the client's limiter.

import type { TokenBucketRateLimiter } from "../clientgo/rate-limiter.ts";
import type { Controller } from "./controller.ts";

export class ControllerManager {
  readonly controllers: readonly Controller[];
  readonly #limiters: ReadonlyMap<Controller, TokenBucketRateLimiter>;

  constructor(controllers: readonly Controller[], limiters: ReadonlyMap<Controller, TokenBucketRateLimiter> = new Map()) {
    this.controllers = controllers;
    this.#limiters = limiters;
  }

  /** Processes up to `budget` keys per controller; returns how many syncs ran. */
  runOnce(budget = 500): number {
    let ran = 0;
    for (const c of this.controllers) {
      const limiter = this.#limiters.get(c);
      for (let i = 0; i < budget; i++) {
        if (limiter !== undefined && limiter.available() <= 0) break;
        const key = c.queue.get();
        if (key === undefined) break;
        const result = c.sync(key);
        switch (result.kind) {
          case "done":
            c.queue.forget(key);
            break;
          case "requeue":
            c.queue.addRateLimited(key);
            break;
          case "requeueAfter":
            c.queue.forget(key);
            c.queue.addAfter(key, result.ms);
            break;
        }
        c.queue.done(key);
        ran++;
      }
    }
    return ran;
  }

  hasWork(): boolean {
    return this.controllers.some((c) => c.queue.length > 0);
  }
}
