// The activity feed's words for each kind of deed, from real console lines and
// gestures played through a Session (the same listener the room uses).

import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../server/scenarios.ts";
import { playerUser } from "../players.ts";
import { Session } from "../session.ts";
import { describeAction } from "./describe.ts";

function feedOf(scenario: string, play: (s: Session) => void): string[] {
  const session = new Session(loadCatalog().get(scenario)!);
  const lines: string[] = [];
  session.onAction((entry, outcome) => {
    const deed = describeAction(entry, outcome);
    if (deed) lines.push(`${deed.actor}${deed.refused ? " ✗" : ""} ${deed.text}`);
  });
  play(session);
  return lines;
}

const alice = playerUser("alice");

describe("activity words", () => {
  it("names console writes as a person would say them", () => {
    const feed = feedOf("sandbox", (s) => {
      for (const line of [
        "kubectl scale deployment web --replicas=8",
        "kubectl cordon node-1",
        "kubectl uncordon node-1",
        "kubectl create namespace team-a",
        "kubectl label node node-2 tier=gold",
        "kubectl label node node-2 tier-",
        "kubectl annotate deployment web owner=alice",
        "kubectl delete namespace team-a",
        "kubectl scale deployment web --replicas=2 --dry-run=server",
        "kubectl create namespace kube-system",
      ]) s.kubectl(alice, line);
    });
    expect(feed).toEqual([
      "alice scaled deployment/web to 8",
      "alice cordoned node/node-1",
      "alice uncordoned node/node-1",
      "alice created namespace/team-a",
      "alice labeled node/node-2 tier=gold",
      "alice labeled node/node-2 tier-",
      "alice annotated deployment/web owner=alice",
      "alice deleted namespace/team-a",
      'alice ✗ tried to create namespace/kube-system: namespaces "kube-system" already exists',
    ]);
  });

  it("names placements and faults, and a refused drop with the scheduler's reasons", () => {
    const feed = feedOf("level-1", (s) => {
      s.apply(alice, { type: "bind", namespace: "default", pod: "batch", node: "node-1" });
      s.apply(alice, { type: "bind", namespace: "default", pod: "web-1", node: "node-4" });
      s.apply(alice, { type: "fault", fault: "node-crash", node: "node-2" });
      s.apply(alice, { type: "fault", fault: "node-restart", node: "node-2" });
    });
    expect(feed).toEqual([
      "alice placed pod/batch on node/node-1",
      "alice ✗ tried to place pod/web-1 on node/node-4: node(s) were unschedulable",
      "alice crashed node/node-2",
      "alice restarted node/node-2",
    ]);
  });
});
