// The accessReview win and its star rules, on the shipped "Least privilege"
// level: each case is what a player might apply as the platform admin, and what
// the game's checker (asking as dana in team-a-devs) makes of it.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { playerUser } from "../../shared/game/players.ts";
import { parseScenario } from "../../shared/game/scenarios/scenario.ts";
import { Session } from "../../shared/game/session.ts";

const level2 = parseScenario(readFileSync(new URL("../../assets/scenarios/level-2.yaml", import.meta.url), "utf8"), "level-2.yaml");
const admin = playerUser("alice");

const role = (rules: string, name = "deployer", namespace = "team-a") => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: ${name}, namespace: ${namespace} }
rules:
${rules}
`;
const MINIMAL_RULES = `- apiGroups: [apps]
  resources: [deployments]
  verbs: [get, list, watch, create, update, patch, delete]
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list, watch]`;
const binding = (roleRef: string, subject = "{ kind: Group, apiGroup: rbac.authorization.k8s.io, name: team-a-devs }", namespace = "team-a") => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: team-a-devs, namespace: ${namespace} }
roleRef: { apiGroup: rbac.authorization.k8s.io, ${roleRef} }
subjects: [${subject}]
`;
const clusterBinding = (name: string, clusterRole: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: ${name} }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${clusterRole} }
subjects: [{ kind: Group, apiGroup: rbac.authorization.k8s.io, name: team-a-devs }]
`;
const CLUSTER_ROLE_DEPLOYER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: deployer }
rules:
${MINIMAL_RULES}
`;
const NAMESPACE_READER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: namespace-reader }
rules:
- { apiGroups: [""], resources: [namespaces], verbs: [get] }
`;

interface Case {
  readonly name: string;
  readonly manifests: readonly string[];
  readonly won: boolean;
  readonly stars: number;
  /** Checklist lines that must fail (all others pass). */
  readonly failing?: readonly string[];
  /** What the over-broad audit reports. */
  readonly findings?: readonly string[];
  /** Lines of the third star's checklist that must fail. */
  readonly failingStretch?: readonly string[];
}

const CASES: readonly Case[] = [
  { name: "nothing granted yet: playing", manifests: [], won: false, stars: 0, failing: ["can create, update, patch, delete, get, list, watch deployments in team-a", "can get, list, watch pods in team-a", "can get pods/log in team-a"] },
  { name: "a correct minimal Role bound to the group: three stars", manifests: [role(MINIMAL_RULES), binding("kind: Role, name: deployer")], won: true, stars: 3 },
  { name: "the same Role bound to the user dana: three stars", manifests: [role(MINIMAL_RULES), binding("kind: Role, name: deployer", "{ kind: User, apiGroup: rbac.authorization.k8s.io, name: dana }")], won: true, stars: 3 },
  { name: "a ClusterRole bound by a RoleBinding in team-a: three stars", manifests: [CLUSTER_ROLE_DEPLOYER, binding("kind: ClusterRole, name: deployer")], won: true, stars: 3 },
  {
    name: "a RoleBinding to the built-in edit: not won, edit reads Secrets",
    manifests: [binding("kind: ClusterRole, name: edit")],
    won: false,
    stars: 0,
    failing: ["cannot get, list secrets in team-a"],
    failingStretch: ["cannot create, delete pods in team-a", "cannot create pods/exec in team-a"],
  },
  {
    name: "a ClusterRoleBinding to edit: not won, edit reads Secrets and reaches team-b",
    manifests: [clusterBinding("team-a-devs-edit", "edit")],
    won: false,
    stars: 0,
    failing: ["cannot get, list secrets in team-a", "cannot list pods in team-b", "cannot create deployments in team-b", "cannot list deployments cluster-wide"],
    findings: ["ClusterRoleBinding team-a-devs-edit grants ClusterRole edit to team-a-devs in every namespace"],
    failingStretch: ["cannot create, delete pods in team-a", "cannot create pods/exec in team-a"],
  },
  {
    name: "the right Role plus a harmless ClusterRoleBinding: won, but no second star",
    manifests: [role(MINIMAL_RULES), binding("kind: Role, name: deployer"), NAMESPACE_READER, clusterBinding("team-a-devs-namespaces", "namespace-reader")],
    won: true,
    stars: 2,
    findings: ["ClusterRoleBinding team-a-devs-namespaces grants ClusterRole namespace-reader to team-a-devs in every namespace"],
  },
  {
    name: 'a Role with "*" verbs on deployments: won, but no second star',
    manifests: [role(`- { apiGroups: [apps], resources: [deployments], verbs: ["*"] }\n- { apiGroups: [""], resources: [pods, pods/log], verbs: [get, list, watch] }`), binding("kind: Role, name: deployer")],
    won: true,
    stars: 2,
    findings: ['Role team-a/deployer (bound by RoleBinding team-a/team-a-devs) has "*" in verbs'],
  },
  {
    name: 'a Role with "*" apiGroups and verbs for everything it names: won with one star',
    manifests: [role(`- { apiGroups: ["*"], resources: [deployments, pods, pods/log], verbs: ["*"] }`), binding("kind: Role, name: deployer")],
    won: true,
    stars: 1,
    findings: ['Role team-a/deployer (bound by RoleBinding team-a/team-a-devs) has "*" in verbs, apiGroups'],
    failingStretch: ["cannot create, delete pods in team-a"],
  },
  {
    name: "a Role that also grants pods/exec: won, but no third star",
    manifests: [role(`${MINIMAL_RULES}\n- { apiGroups: [""], resources: [pods/exec], verbs: [create] }`), binding("kind: Role, name: deployer")],
    won: true,
    stars: 2,
    failingStretch: ["cannot create pods/exec in team-a"],
  },
  {
    // RBAC matches "*/scale"-style rules, never "pods/*": a subresource is named in full.
    name: "pods/* grants no subresource: three stars",
    manifests: [role(`${MINIMAL_RULES}\n- { apiGroups: [""], resources: ["pods/*"], verbs: [create] }`), binding("kind: Role, name: deployer")],
    won: true,
    stars: 3,
  },
  {
    name: "a RoleBinding that may delete its own namespace: won, but no third star",
    manifests: [role(`${MINIMAL_RULES}\n- { apiGroups: [""], resources: [namespaces], verbs: [delete] }`), binding("kind: Role, name: deployer")],
    won: true,
    stars: 2,
    failingStretch: ["cannot delete namespaces/team-a"],
  },
  {
    name: "granting team-b too: not won",
    manifests: [role(MINIMAL_RULES), binding("kind: Role, name: deployer"), role(MINIMAL_RULES, "deployer", "team-b"), binding("kind: Role, name: deployer", undefined, "team-b")],
    won: false,
    stars: 0,
    failing: ["cannot list pods in team-b", "cannot create deployments in team-b"],
  },
  {
    name: "the Role and binding in default instead of team-a: not won",
    manifests: [role(MINIMAL_RULES, "deployer", "default"), binding("kind: Role, name: deployer", undefined, "default")],
    won: false,
    stars: 0,
    failing: ["can create, update, patch, delete, get, list, watch deployments in team-a", "can get, list, watch pods in team-a", "can get pods/log in team-a"],
  },
  {
    name: "a binding to a Role that does not exist yet: not won",
    manifests: [binding("kind: Role, name: deployer")],
    won: false,
    stars: 0,
    failing: ["can create, update, patch, delete, get, list, watch deployments in team-a", "can get, list, watch pods in team-a", "can get pods/log in team-a"],
  },
];

describe("Least privilege: the access checklist and its stars", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const s = new Session(level2);
      // One apply, so the level is judged on the whole grant (a win, once reached, stays won).
      if (c.manifests.length > 0) expect(s.kubectl(admin, "kubectl apply -f -", c.manifests.join("---\n")).stderr).toBe("");
      s.step();
      const level = s.level()!;
      expect(level.status).toBe(c.won ? "won" : "playing");
      expect(level.stars).toBe(c.stars);
      expect(level.checks.filter((l) => !l.passed).map((l) => l.label)).toEqual(c.failing ?? []);
      const [audit, stretch] = level.starRules;
      expect(audit!.details.map((d) => d.label)).toEqual(c.findings ?? []);
      expect(audit!.met).toBe((c.findings ?? []).length === 0);
      expect(stretch!.details.filter((d) => !d.passed).map((d) => d.label)).toEqual(c.failingStretch ?? []);
    });
  }

  it("lists the checklist as the panel shows it", () => {
    const level = new Session(level2).level()!;
    expect(level.win).toBe("accessReview");
    expect(level.checks.map((l) => l.label)).toEqual([
      "can create, update, patch, delete, get, list, watch deployments in team-a",
      "can get, list, watch pods in team-a",
      "can get pods/log in team-a",
      "cannot get, list secrets in team-a",
      "cannot list pods in team-b",
      "cannot create deployments in team-b",
      "cannot list deployments cluster-wide",
      "cannot list nodes cluster-wide",
    ]);
    expect(level.starRules.map((r) => r.label)).toEqual(['No "*" and no ClusterRoleBinding for dana or team-a-devs', "Nothing more for dana"]);
  });

  it("stars follow the grants after winning: an over-broad grant costs one, removing it gives it back", () => {
    const s = new Session(level2);
    s.kubectl(admin, "kubectl apply -f -", `${role(MINIMAL_RULES)}---\n${binding("kind: Role, name: deployer")}`);
    expect(s.level()!.stars).toBe(3);
    s.kubectl(admin, "kubectl apply -f -", `${NAMESPACE_READER}---\n${clusterBinding("oops", "namespace-reader")}`);
    expect(s.level()).toMatchObject({ status: "won", stars: 2 });
    s.kubectl(admin, "kubectl delete clusterrolebinding oops");
    expect(s.level()).toMatchObject({ status: "won", stars: 3 });
  });

  it("the checker is not the player: a player's own grants to themselves change nothing", () => {
    const s = new Session(level2);
    // The player is cluster-admin, yet dana may do nothing until the player grants it.
    expect(s.kubectl(admin, "kubectl auth can-i create deployments -n team-a").stdout).toBe("yes\n");
    expect(s.level()!.checks[0]!.passed).toBe(false);
  });
});
