// The activity feed in the synced state: every write a player makes, in words,
// newest first, refusals included. Fed by the session's action listener, so a
// room rebuilt from its log shows the same feed.

import { ArraySchema } from "@colyseus/schema";
import { describeAction, type Deed } from "../../../shared/game/activity/describe.ts";
import type { LoggedAction } from "../../../shared/game/actions/action.ts";
import type { ActionOutcome } from "../../../shared/game/actions/apply.ts";
import { STEP_MS } from "../../../shared/sim/kernel/clock.ts";
import { ActivityView } from "../schema/presence-state.ts";

/** Lines kept in the synced state; the run's log holds everything. */
export const ACTIVITY_SHOWN = 30;

type Feed = ArraySchema<InstanceType<typeof ActivityView>>;

export function recordActivity(feed: Feed, entry: LoggedAction, outcome: ActionOutcome): void {
  const deed = describeAction(entry, outcome);
  if (deed) recordDeed(feed, entry.tick, deed);
}

export function recordDeed(feed: Feed, tick: number, deed: Deed): void {
  const view = new ActivityView();
  view.atMs = tick * STEP_MS;
  view.actor = deed.actor;
  view.text = deed.text;
  view.refused = deed.refused;
  feed.unshift(view);
  while (feed.length > ACTIVITY_SHOWN) feed.pop();
}
