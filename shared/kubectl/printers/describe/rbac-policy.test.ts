import { describe, expect, it } from "vitest";
import type { LimitRange, ResourceQuota } from "../../../sim/api/core-v1.ts";
import { TestCluster } from "../../test-fixture.ts";

describe("kubectl describe for RBAC objects", () => {
  it("breaks rules down, compacts verbs per resource and sorts them as PolicyRule.String()", () => {
    const c = new TestCluster();
    c.run("kubectl create role r --verb=get,list --resource=pods,pods/log,deployments.apps --resource-name=web");
    c.run("kubectl create clusterrole u --verb=get,post --non-resource-url=/healthz,/logs/*");
    expect(c.run("kubectl describe role r").stdout).toBe(`Name:         r
Labels:       <none>
Annotations:  <none>
PolicyRule:
  Resources         Non-Resource URLs  Resource Names  Verbs
  ---------         -----------------  --------------  -----
  pods/log          []                 [web]           [get list]
  pods              []                 [web]           [get list]
  deployments.apps  []                 [web]           [get list]
`);
    expect(c.run("kubectl describe clusterrole u").stdout).toBe(`Name:         u
Labels:       <none>
Annotations:  <none>
PolicyRule:
  Resources  Non-Resource URLs  Resource Names  Verbs
  ---------  -----------------  --------------  -----
             [/healthz]         []              [get]
             [/logs/*]          []              [get]
             [/healthz]         []              [post]
             [/logs/*]          []              [post]
`);
  });

  it("shows a binding's role and subjects", () => {
    const c = new TestCluster();
    c.run("kubectl create rolebinding alice-edit --clusterrole=edit --user=alice --serviceaccount=team-a:ci");
    expect(c.run("kubectl describe rolebinding alice-edit").stdout).toBe(`Name:         alice-edit
Labels:       <none>
Annotations:  <none>
Role:
  Kind:  ClusterRole
  Name:  edit
Subjects:
  Kind            Name   Namespace
  ----            ----   ---------
  User            alice  
  ServiceAccount  ci     team-a
`);
    expect(c.run("kubectl get rolebinding -o wide").stdout).toBe(`NAME         ROLE               AGE   USERS   GROUPS   SERVICEACCOUNTS
alice-edit   ClusterRole/edit   0s    alice            team-a/ci
`);
  });
});

describe("kubectl describe for quotas and limit ranges", () => {
  const quota: ResourceQuota = {
    apiVersion: "v1",
    kind: "ResourceQuota",
    metadata: { name: "compute", namespace: "default" },
    spec: { hard: { "requests.cpu": "2", "requests.memory": "1Gi", pods: "4" }, scopes: ["NotTerminating", "BestEffort"] },
  };
  const limits: LimitRange = {
    apiVersion: "v1",
    kind: "LimitRange",
    metadata: { name: "limits", namespace: "default" },
    spec: { limits: [{ type: "Container", max: { cpu: "1" }, min: { cpu: "100m" }, default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "200m" }, maxLimitRequestRatio: { cpu: "4" } }] },
  };

  it("prints used and hard per resource, used in the hard figure's format", () => {
    const c = new TestCluster();
    const q = c.create("resourcequotas", quota);
    c.setStatus("resourcequotas", q, { hard: quota.spec!.hard, used: { "requests.cpu": "500m", "requests.memory": "512Mi" } });
    expect(c.run("kubectl describe quota compute").stdout).toBe(`Name:       compute
Namespace:  default
Scopes:     BestEffort, NotTerminating
 * Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.
 * Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.
Resource         Used   Hard
--------         ----   ----
pods             0      4
requests.cpu     500m   2
requests.memory  512Mi  1Gi
`);
    expect(c.run("kubectl get quota").stdout).toBe(`NAME      AGE   REQUEST                                                       LIMIT
compute   0s    pods: 0/4, requests.cpu: 500m/2, requests.memory: 512Mi/1Gi   
`);
  });

  // The server defaulted the memory request from the default limit (SetDefaults_LimitRangeItem).
  it("prints a row per limited resource, - where unset", () => {
    const c = new TestCluster();
    c.create("limitranges", limits);
    expect(c.run("kubectl describe limits limits").stdout).toBe(`Name:       limits
Namespace:  default
Type        Resource  Min   Max  Default Request  Default Limit  Max Limit/Request Ratio
----        --------  ---   ---  ---------------  -------------  -----------------------
Container   cpu       100m  1    200m             500m           4
Container   memory    -     -    256Mi            256Mi          -
`);
  });

  it("lists a namespace's quotas and limits in describe namespace", () => {
    const c = new TestCluster();
    const q = c.create("resourcequotas", quota);
    c.setStatus("resourcequotas", q, { hard: quota.spec!.hard, used: { pods: "1" } });
    c.create("limitranges", limits);
    expect(c.run("kubectl describe ns default").stdout).toBe(`Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

Resource Quotas
  Name:    compute
  Scopes:  BestEffort, NotTerminating
  * Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.
  * Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.
  Resource         Used  Hard
  --------         ---   ---
  pods             1     4
  requests.cpu     0     2
  requests.memory  0     1Gi

Resource Limits
 Type       Resource  Min   Max  Default Request  Default Limit  Max Limit/Request Ratio
 ----       --------  ---   ---  ---------------  -------------  -----------------------
 Container  cpu       100m  1    200m             500m           4
 Container  memory    -     -    256Mi            256Mi          -
`);
  });
});
