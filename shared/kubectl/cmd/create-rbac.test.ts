import { describe, expect, it } from "vitest";
import { TestCluster } from "../test-fixture.ts";

describe("kubectl create role|clusterrole|rolebinding|clusterrolebinding|quota", () => {
  it.each([
    ["role", "kubectl create role pod-reader --verb=get,list --resource=pods,pods/log", "role.rbac.authorization.k8s.io/pod-reader created\n", ""],
    ["role, dry run", "kubectl create role pod-reader --verb=get --resource=pods --dry-run=client", "role.rbac.authorization.k8s.io/pod-reader created (dry run)\n", ""],
    ["role, server dry run", "kubectl create role pod-reader --verb=get --resource=pods --dry-run=server", "role.rbac.authorization.k8s.io/pod-reader created (server dry run)\n", ""],
    ["role, non-standard verb", "kubectl create role r --verb=frob --resource=pods", "role.rbac.authorization.k8s.io/r created\n", "Warning: 'frob' is not a standard resource verb\n"],
    ["role without verbs", "kubectl create role r --resource=pods", "", "error: at least one verb must be specified\n"],
    ["role without resources", "kubectl create role r --verb=get", "", "error: at least one resource must be specified\n"],
    ["role, unknown resource", "kubectl create role r --verb=get --resource=foo", "", 'the server doesn\'t have a resource type "foo"\n'],
    ["role, unknown group", "kubectl create role r --verb=get --resource=rs.extensions", "", 'the server doesn\'t have a resource type "rs" in group "extensions"\n'],
    ["role, group without resource", "kubectl create role r --verb=get --resource=.apps", "", "error: resource must be specified if apiGroup/subresource specified\n"],
    ["role, special verb", "kubectl create role r --verb=get,bind --resource=pods", "", "error: can not perform 'bind' on 'pods' in group ''\n"],
    ["role, two names", "kubectl create role a b --verb=get --resource=pods", "", "error: exactly one NAME is required, got 2\nSee 'kubectl create role -h' for help and examples\n"],
    ["clusterrole, url verb", "kubectl create clusterrole c --verb=list --non-resource-url=/logs", "", "error: invalid verb: 'list' for nonResourceURL\n"],
    ["clusterrole, url without slash", "kubectl create clusterrole c --verb=get --non-resource-url=logs", "", "error: nonResourceURL should start with /\n"],
    ["clusterrole, url wildcard", "kubectl create clusterrole c --verb=get --non-resource-url=/lo*gs", "", "error: nonResourceURL only supports wildcard matches when '*' is at the end\n"],
    ["clusterrole, nothing", "kubectl create clusterrole c --verb=get", "", "error: one of resource or nonResourceURL must be specified\n"],
    [
      "clusterrole, aggregation and verbs",
      "kubectl create clusterrole c --aggregation-rule=a=b --verb=get",
      "",
      "error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames\n",
    ],
    ["clusterrole, malformed aggregation", "kubectl create clusterrole c --aggregation-rule=a", "", 'error: invalid argument "a" for "--aggregation-rule" flag: malformed pair, expect string=string\nSee \'kubectl create clusterrole --help\' for usage.\n'],
    ["rolebinding", "kubectl create rolebinding alice-edit --clusterrole=edit --user=alice", "rolebinding.rbac.authorization.k8s.io/alice-edit created\n", ""],
    ["rolebinding, both roles", "kubectl create rolebinding b --role=r --clusterrole=c", "", "error: exactly one of clusterrole or role must be specified\n"],
    ["rolebinding, no role", "kubectl create rolebinding b --user=alice", "", "error: exactly one of clusterrole or role must be specified\n"],
    ["rolebinding, bad service account", "kubectl create rolebinding b --role=r --serviceaccount=ci", "", "error: serviceaccount must be <namespace>:<name>\n"],
    ["clusterrolebinding", "kubectl create clusterrolebinding ops --clusterrole=view --group=ops", "clusterrolebinding.rbac.authorization.k8s.io/ops created\n", ""],
    ["clusterrolebinding without role", "kubectl create clusterrolebinding ops --group=ops", "", 'error: required flag(s) "clusterrole" not set\n'],
    ["quota", "kubectl create quota compute --hard=cpu=1,memory=1G,pods=2", "resourcequota/compute created\n", ""],
    ["quota, bad pair", "kubectl create quota q --hard=cpu", "", "error: Invalid argument syntax cpu, expected <resource>=<value>\n"],
    ["quota, bad quantity", "kubectl create quota q --hard=cpu=lots", "", "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"],
    ["quota, empty scope", "kubectl create quota q --hard=pods=1 --scopes=BestEffort,", "", 'error: invalid resource quota scope ""\n'],
  ])("%s", (_name, line, stdout, stderr) => {
    const c = new TestCluster();
    const r = c.run(line);
    expect({ stdout: r.stdout, stderr: r.stderr }).toEqual({ stdout, stderr });
  });

  it("builds one rule per API group, resolving short names and subresources", () => {
    const c = new TestCluster();
    expect(c.run("kubectl create role r --verb=get --verb=list --verb=get --resource=deploy,pods/log,rs.apps,po --resource-name=web --dry-run=client -o yaml").stdout).toBe(`apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
rules:
- apiGroups:
  - ""
  resourceNames:
  - web
  resources:
  - pods/log
  - pods
  verbs:
  - get
  - list
- apiGroups:
  - apps
  resourceNames:
  - web
  resources:
  - deployments
  - replicasets
  verbs:
  - get
  - list
`);
  });

  it("lets a bare * stand for every resource and verb", () => {
    const c = new TestCluster();
    expect(c.run("kubectl create clusterrole all --verb=get,* --resource=pods,* -o json --dry-run=client").stdout).toBe(`{
    "kind": "ClusterRole",
    "apiVersion": "rbac.authorization.k8s.io/v1",
    "metadata": {
        "name": "all"
    },
    "rules": [
        {
            "verbs": [
                "*"
            ],
            "apiGroups": [
                ""
            ],
            "resources": [
                "*"
            ]
        }
    ]
}
`);
  });

  it("sends an aggregated cluster role with rules: null", () => {
    const c = new TestCluster();
    expect(c.run("kubectl create clusterrole monitoring --aggregation-rule=rbac.example.com/aggregate-to-monitoring=true --dry-run=client -o yaml").stdout).toBe(`aggregationRule:
  clusterRoleSelectors:
  - matchLabels:
      rbac.example.com/aggregate-to-monitoring: "true"
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring
rules: null
`);
  });

  it("puts users, groups and service accounts in that order, the namespace only when -n is given", () => {
    const c = new TestCluster();
    expect(c.run("kubectl create rolebinding b --role=r --serviceaccount=team-a:ci --group=devs --user=alice -n kube-system --dry-run=client -o yaml").stdout).toBe(`apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: b
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: r
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: alice
- apiGroup: rbac.authorization.k8s.io
  kind: Group
  name: devs
- kind: ServiceAccount
  name: ci
  namespace: team-a
`);
  });

  it("prints the quota kubectl would send, quantities canonical", () => {
    const c = new TestCluster();
    expect(c.run("kubectl create quota compute --hard=cpu=1000m,memory=1G,pods=2 --scopes=NotBestEffort --dry-run=client -o yaml").stdout).toBe(`apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
spec:
  hard:
    cpu: "1"
    memory: 1G
    pods: "2"
  scopes:
  - NotBestEffort
status: {}
`);
  });

  it("stores nothing on a server dry run, and wraps binding errors as kubectl does", () => {
    const c = new TestCluster();
    const revision = c.api.revision;
    c.run("kubectl create rolebinding b --role=r --user=alice --dry-run=server");
    c.run("kubectl create quota q --hard=pods=1 --dry-run=server");
    expect(c.api.revision).toBe(revision);
    c.run("kubectl create rolebinding b --role=r --user=alice");
    expect(c.run("kubectl create rolebinding b --role=r --user=alice").stderr).toBe('error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "b" already exists\n');
    expect(c.run("kubectl create role r --verb=get --resource=pods").stdout).toBe("role.rbac.authorization.k8s.io/r created\n");
    expect(c.run("kubectl create role r --verb=get --resource=pods").stderr).toBe('Error from server (AlreadyExists): roles.rbac.authorization.k8s.io "r" already exists\n');
  });
});
