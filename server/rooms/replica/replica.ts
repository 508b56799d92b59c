// One room's read replica, inside a pool worker: a Session of the room's
// scenario and seed that is told every action and every advance of the room's
// session, in order, and so is the same cluster at the same tick. A run is a
// pure function of (scenario, seed, action log), so nothing else is needed.

import type { ActionLog, LoggedAction } from "../../../shared/game/actions/action.ts";
import type { Scenario } from "../../../shared/game/scenarios/scenario.ts";
import { Session } from "../../../shared/game/session.ts";

export class Replica {
  readonly session: Session;

  /** Replays `log` as replay() does: each action after the same steps, then on to its end tick. */
  constructor(scenario: Scenario, log: ActionLog) {
    this.session = new Session(scenario, log.seed);
    for (const entry of log.actions) this.apply(entry);
    this.advance(log.endTick);
  }

  apply(entry: LoggedAction): void {
    this.advance(entry.tick);
    this.session.apply(entry.user, entry.action);
  }

  advance(tick: number): void {
    while (this.session.tick < tick) this.session.step();
  }
}
