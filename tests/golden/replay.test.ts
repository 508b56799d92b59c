// Golden replays: a recorded action log, replayed from scratch, must land on the
// same state hash as the live run that recorded it, and on the hash pinned in
// this folder. UPDATE_GOLDEN=1 npm test rewrites the pinned files; review the
// diff like code (a changed hash means the simulation's behaviour changed).

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ActionLog } from "../../shared/game/actions/action.ts";
import { replay } from "../../shared/game/replay.ts";
import { Session } from "../../shared/game/session.ts";
import { loadCatalog } from "../../server/scenarios.ts";
import type { UserInfo } from "../../shared/sim/apiserver/types.ts";
import { playerUser } from "../../shared/game/players.ts";

const catalog = loadCatalog();
const alice: UserInfo = playerUser("alice");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

/** A sandbox run touching every mechanism: scale, crash, eviction, cordon, restart, apply. */
function sandboxIncident(): Session {
  const s = new Session(catalog.get("sandbox")!, 7);
  s.runFor(30_000);
  s.kubectl(alice, "kubectl scale deployment web --replicas=9");
  s.runFor(20_000);
  s.apply(alice, { type: "fault", fault: "node-crash", node: "node-2" });
  s.runFor(400_000);
  s.kubectl(alice, "kubectl cordon node-3");
  s.kubectl(alice, "kubectl label nodes node-1 tier=gold");
  s.apply(alice, { type: "fault", fault: "node-restart", node: "node-2" });
  s.runFor(60_000);
  s.kubectl(
    alice,
    "kubectl apply -f -",
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n      - name: api\n        image: nginx:1.27\n        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n",
  );
  s.runFor(30_000);
  return s;
}

/** Level 1 solved with one refused drop. */
function levelOneSolved(): Session {
  const s = new Session(catalog.get("level-1")!);
  const drop = (pod: string, node: string) => s.apply(alice, { type: "bind", namespace: "default", pod, node });
  s.runFor(2_000);
  drop("api", "node-4"); // refused: cordoned
  drop("batch", "node-1");
  drop("cache", "node-1");
  drop("api", "node-2");
  drop("web-1", "node-2");
  drop("web-2", "node-2");
  drop("trainer", "node-3");
  s.runFor(60_000);
  return s;
}

/** Level 2 solved through the console: the quick grant first (edit: not won), then a least-privilege Role. */
function levelTwoSolved(): Session {
  const s = new Session(catalog.get("level-2")!);
  const rbac = (kind: string, body: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\n${body}`;
  const toGroup = "subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: team-a-devs}]\n";
  s.runFor(2_000);
  s.kubectl(alice, "kubectl apply -f -", rbac("RoleBinding", `metadata: {name: quick, namespace: team-a}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}\n${toGroup}`));
  s.runFor(2_000);
  s.kubectl(alice, "kubectl delete rolebinding quick -n team-a");
  s.kubectl(
    alice,
    "kubectl apply -f -",
    `${rbac("Role", "metadata: {name: deployer, namespace: team-a}\nrules:\n- {apiGroups: [apps], resources: [deployments], verbs: [get, list, watch, create, update, patch, delete]}\n- {apiGroups: [\"\"], resources: [pods, pods/log], verbs: [get, list, watch]}\n")}---\n${rbac("RoleBinding", `metadata: {name: team-a-devs, namespace: team-a}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}\n${toGroup}`)}`,
  );
  // Dana at work, through impersonation (a patch: deployments/scale is not in her Role).
  s.kubectl(alice, `kubectl patch deployment storefront -n team-a -p '{"spec":{"replicas":3}}' --as dana --as-group team-a-devs`);
  s.runFor(20_000);
  return s;
}

function golden(name: string, run: () => Session): void {
  const logFile = new URL(`./${name}.log.json`, import.meta.url);
  const hashFile = new URL(`./${name}.hash`, import.meta.url);

  it(`${name}: replaying the live run's log reproduces its state hash`, () => {
    const live = run();
    const log = live.log();
    expect(log.actions.length).toBeGreaterThan(0);
    const replayed = replay(ActionLog.parse(JSON.parse(JSON.stringify(log))), catalog);
    expect(replayed.tick).toBe(live.tick);
    expect(replayed.cluster.stateHash()).toBe(live.cluster.stateHash());
    if (UPDATE) {
      writeFileSync(logFile, `${JSON.stringify(log, null, 1)}\n`);
      writeFileSync(hashFile, `${live.cluster.stateHash()}\n`);
    }
  });

  it(`${name}: the pinned log replays to the pinned hash`, () => {
    expect(existsSync(logFile), `missing ${logFile.pathname}: run UPDATE_GOLDEN=1 npm test`).toBe(true);
    const log = ActionLog.parse(JSON.parse(readFileSync(logFile, "utf8")));
    expect(replay(log, catalog).cluster.stateHash()).toBe(readFileSync(hashFile, "utf8").trim());
  });
}

describe("golden replays", () => {
  golden("sandbox-incident", sandboxIncident);
  golden("level-1-solved", levelOneSolved);
  golden("level-2-solved", levelTwoSolved);

  it("the same inputs give the same hash twice; another seed gives another", () => {
    const a = new Session(catalog.get("sandbox")!, 3);
    const b = new Session(catalog.get("sandbox")!, 3);
    const c = new Session(catalog.get("sandbox")!, 4);
    for (const s of [a, b, c]) s.runFor(60_000);
    expect(a.cluster.stateHash()).toBe(b.cluster.stateHash());
    expect(c.cluster.stateHash()).not.toBe(a.cluster.stateHash());
  });

  it("level 1: stars are recomputed from the log, not trusted", () => {
    const live = levelOneSolved();
    const level = live.level()!;
    expect(level.status).toBe("won");
    expect(level.refusedDrops).toBe(1);
    expect(level.stars).toBe(2); // won + within 180 s, but one refused drop
    const replayed = replay(live.log(), catalog).level()!;
    expect(replayed).toEqual(level);
  });

  it("level 2: the access checklist and its stars are recomputed from the log", () => {
    const live = levelTwoSolved();
    const level = live.level()!;
    expect(level).toMatchObject({ status: "won", stars: 3 });
    expect(replay(live.log(), catalog).level()).toEqual(level);
  });
});
