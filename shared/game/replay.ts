// Replays an action log: a fresh session of the same scenario and seed, each
// action applied after the same number of steps, then run to the log's end.

import type { ActionLog } from "./actions/action.ts";
import { SIM_VERSION } from "../sim/cluster.ts";
import type { ScenarioCatalog } from "./scenarios/catalog.ts";
import { Session, type ActionListener } from "./session.ts";

export class ReplayError extends Error {}

/** `onAction` hears each replayed action with its outcome (a room rebuilding its activity feed). */
export function replay(log: ActionLog, catalog: ScenarioCatalog, onAction?: ActionListener): Session {
  if (log.simVersion !== SIM_VERSION) {
    throw new ReplayError(`log was recorded by simulation version ${log.simVersion}; this build is version ${SIM_VERSION}`);
  }
  const scenario = catalog.get(log.scenario);
  if (!scenario) throw new ReplayError(`unknown scenario "${log.scenario}"`);
  const session = new Session(scenario, log.seed);
  if (onAction) session.onAction(onAction);
  for (const entry of log.actions) {
    if (entry.tick < session.tick) throw new ReplayError(`action at tick ${entry.tick} comes after tick ${session.tick}: the log is out of order`);
    while (session.tick < entry.tick) session.step();
    // The logged user is the whole identity: authorization decides exactly as it did.
    session.apply(entry.user, entry.action);
  }
  if (log.endTick < session.tick) throw new ReplayError(`endTick ${log.endTick} is before the last action`);
  while (session.tick < log.endTick) session.step();
  return session;
}
