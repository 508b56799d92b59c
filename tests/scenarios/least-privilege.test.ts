// Level 2, "Least privilege", played through the console as a platform admin
// would: look at how team B was set up, try the quick way, check as Dana, then
// write the Role and RoleBinding as YAML. The run's log, replayed from scratch,
// reaches the same state hash and the same stars.

import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { ActionLog } from "../../shared/game/actions/action.ts";
import { playerUser } from "../../shared/game/players.ts";
import { replay } from "../../shared/game/replay.ts";
import { Session } from "../../shared/game/session.ts";
import { ROLE_AND_BINDING } from "../fixtures/least-privilege-grant.ts";

const catalog = loadCatalog();
const alice = playerUser("alice");
const AS_DANA = "--as dana --as-group team-a-devs";

describe("level 2: least privilege", () => {
  it("is won through the console with a Role and RoleBinding, and replays to the same hash and stars", () => {
    const s = new Session(catalog.get("level-2")!);
    // kubectl writes warnings before results.
    const run = (line: string, stdin?: string) => {
      const r = s.kubectl(alice, line, stdin);
      return r.stderr + r.stdout;
    };
    // The simulation serves no Secrets, so can-i warns before it answers (RBAC still decides).
    const NO_SECRETS = "Warning: the server doesn't have a resource type 'secrets'\n\n";
    s.runFor(5_000);
    expect(s.level()).toMatchObject({ status: "playing", stars: 0, win: "accessReview" });

    // How team B got its access, and what that allows.
    expect(run("kubectl get rolebindings -n team-b")).toMatch(/^NAME\s+ROLE\s+AGE\nteam-b-devs-edit\s+ClusterRole\/edit\s+5s\n$/);
    expect(run("kubectl auth can-i get secrets -n team-b --as bob --as-group team-b-devs")).toBe(`${NO_SECRETS}yes\n`);

    // The quick way for team A: edit in team-a. Dana could read Secrets.
    expect(
      run("kubectl apply -f -", "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: quick, namespace: team-a}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}\nsubjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: team-a-devs}]\n"),
    ).toBe("rolebinding.rbac.authorization.k8s.io/quick created\n");
    expect(run(`kubectl auth can-i create deployments -n team-a ${AS_DANA}`)).toBe("yes\n");
    expect(run(`kubectl auth can-i list secrets -n team-a ${AS_DANA}`)).toBe(`${NO_SECRETS}yes\n`);
    s.runFor(1_000);
    expect(s.level()).toMatchObject({ status: "playing", stars: 0 });
    expect(s.level()!.checks.find((c) => !c.passed)?.label).toBe("cannot get, list secrets in team-a");
    expect(run("kubectl delete rolebinding quick -n team-a")).toBe('rolebinding.rbac.authorization.k8s.io "quick" deleted from team-a namespace\n');

    // The least-privilege way, as YAML.
    expect(run("kubectl apply -f -", ROLE_AND_BINDING)).toBe("role.rbac.authorization.k8s.io/deployer created\nrolebinding.rbac.authorization.k8s.io/team-a-devs created\n");
    expect(s.level()).toMatchObject({ status: "won", stars: 3 });
    expect(run(`kubectl auth can-i get pods --subresource=log -n team-a ${AS_DANA}`)).toBe("yes\n");
    expect(run(`kubectl auth can-i list pods -n team-b ${AS_DANA}`)).toBe("no\n");

    // Dana at work: scale the storefront, and be refused team B.
    expect(run(`kubectl patch deployment storefront -n team-a -p '{"spec":{"replicas":3}}' ${AS_DANA}`)).toBe("deployment.apps/storefront patched\n");
    expect(run(`kubectl get pods -n team-b ${AS_DANA}`)).toBe(
      'Error from server (Forbidden): pods is forbidden: User "dana" cannot list resource "pods" in API group "" in the namespace "team-b"\n',
    );
    s.runFor(10_000);

    const live = s.level()!;
    expect(live).toMatchObject({ status: "won", stars: 3 });
    const log = ActionLog.parse(JSON.parse(JSON.stringify(s.log())));
    const replayed = replay(log, catalog);
    expect(replayed.tick).toBe(s.tick);
    expect(replayed.cluster.stateHash()).toBe(s.cluster.stateHash());
    expect(replayed.level()).toEqual(live);
  });
});
