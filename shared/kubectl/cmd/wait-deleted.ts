// Waiting for objects to be gone, as kubectl delete (cmdwait.IsDeleted) and
// drain (waitForDelete) do: an object is gone once a GET finds nothing, or
// finds another object (a new UID) under its name. Where the console can let
// simulated time pass it steps until then; the shared room cannot block, so
// there the caller only learns which objects are already gone.

import type { ResourceName } from "../../sim/api/resources.ts";
import { STEP_MS } from "../../sim/kernel/clock.ts";
import type { CommandContext } from "./command.ts";

export interface DeletedTarget {
  readonly resource: ResourceName;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly uid: string | undefined;
}

/** kubectl delete's --timeout=0: wait for a week. */
export const WAIT_FOREVER_MS = 168 * 60 * 60 * 1000;

function gone(ctx: CommandContext, t: DeletedTarget): boolean {
  const got = ctx.env.client.get(t.resource, t.namespace, t.name);
  if (!got.ok) return got.status.reason === "NotFound";
  return t.uid !== undefined && got.object.metadata.uid !== t.uid;
}

/**
 * Polls until every target is gone or timeoutMs of simulated time has passed,
 * calling onGone for each as it goes (in the order they go, then in list order).
 * Returns the targets still there.
 */
export function waitUntilGone<T extends DeletedTarget>(ctx: CommandContext, targets: readonly T[], timeoutMs: number, onGone?: (t: T) => void): T[] {
  let pending = [...targets];
  const sweep = (): void => {
    const still: T[] = [];
    for (const t of pending) {
      if (gone(ctx, t)) onGone?.(t);
      else still.push(t);
    }
    pending = still;
  };
  sweep();
  let waited = 0;
  while (pending.length > 0 && ctx.env.wait && waited < timeoutMs) {
    const step = Math.min(STEP_MS, timeoutMs - waited);
    ctx.env.wait(step);
    waited += step;
    sweep();
  }
  return pending;
}
