// kubectl delete --wait (on by default): once the deletions are sent, watch
// until every deleted object is gone (cmdwait.IsDeleted: not found, or found
// with another uid), up to --timeout. kubectl waits a week when the timeout is
// 0; a console that can block here stops after DELETE_WAIT_CAP_MS of simulated
// time instead, so an object that can never go (a pod on a dead node) cannot
// hang the session. Where the console cannot block, kubectl returns at once.

import type { ResourceName } from "../../sim/api/resources.ts";
import { STEP_MS } from "../../sim/kernel/clock.ts";
import { plainError, type KubectlError } from "../errors.ts";
import type { CommandContext } from "./command.ts";
import { timedOutOn } from "./wait.ts";

export const DELETE_WAIT_CAP_MS = 10 * 60_000;

export interface DeletedObject {
  readonly resource: ResourceName;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly uid: string | undefined;
}

export function waitForDeletion(ctx: CommandContext, deleted: readonly DeletedObject[], timeoutMs: number): KubectlError | undefined {
  const wait = ctx.env.wait;
  if (!wait) return undefined;
  const limit = timeoutMs > 0 ? timeoutMs : DELETE_WAIT_CAP_MS;
  const gone = (d: DeletedObject): boolean => {
    const r = ctx.env.client.get(d.resource, d.namespace, d.name);
    return !r.ok || r.object.metadata.uid !== d.uid;
  };
  let waited = 0;
  for (const d of deleted) {
    while (!gone(d)) {
      if (waited >= limit) return plainError(timedOutOn(d.resource, d.name));
      const step = Math.min(STEP_MS, limit - waited);
      wait(step);
      waited += step;
    }
  }
  return undefined;
}
