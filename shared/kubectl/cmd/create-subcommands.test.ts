import { describe, expect, it } from "vitest";
import { TestCluster } from "../test-fixture.ts";

describe("kubectl create namespace|serviceaccount|priorityclass", () => {
  it.each<[string, string, string]>([
    ["kubectl create namespace team-a", "namespace/team-a created\n", ""],
    ["kubectl create ns team-a", "", 'Error from server (AlreadyExists): namespaces "team-a" already exists\n'],
    ["kubectl create serviceaccount ci", "serviceaccount/ci created\n", ""],
    ["kubectl create sa ci", "", 'error: failed to create serviceaccount: serviceaccounts "ci" already exists\n'],
    ["kubectl create sa ci -n team-a", "serviceaccount/ci created\n", ""],
    ["kubectl create sa ci -n nope", "", 'error: failed to create serviceaccount: namespaces "nope" not found\n'],
    ['kubectl create priorityclass high --value=1000 --description="high priority"', "priorityclass.scheduling.k8s.io/high created\n", ""],
    ["kubectl create pc high --value=1000", "", 'error: failed to create priorityclass: priorityclasses.scheduling.k8s.io "high" already exists\n'],
    [
      "kubectl create pc huge --value=2000000000",
      "",
      'error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000\n',
    ],
    [
      "kubectl create pc odd --preemption-policy=Sometimes",
      "",
      'error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "odd" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"\n',
    ],
    ["kubectl create pc normal --value=10 --global-default", "priorityclass.scheduling.k8s.io/normal created\n", ""],
    [
      "kubectl create pc other --global-default",
      "",
      'error: failed to create priorityclass: priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass normal is already marked as default. Only one default can exist\n',
    ],
    ["kubectl create pc", "", "error: exactly one NAME is required, got 0\nSee 'kubectl create priorityclass -h' for help and examples\n"],
  ])("%s", (line, stdout, stderr) => {
    const c = sharedCluster();
    expect(c.run(line)).toEqual({ stdout, stderr, exitCode: stderr === "" ? 0 : 1 });
  });

  it("honours --dry-run=client and --dry-run=server, and prints the typed object", () => {
    const c = new TestCluster();
    expect(c.run("kubectl create sa ci --dry-run=client -o yaml").stdout).toBe("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ci\n");
    expect(c.run("kubectl create sa ci -n kube-system --dry-run=client -o json").stdout).toBe(
      '{\n    "kind": "ServiceAccount",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "ci",\n        "namespace": "kube-system"\n    }\n}\n',
    );
    expect(c.run('kubectl create pc high --value=1000 --description="high priority" --preemption-policy=Never --dry-run=client -o yaml').stdout).toBe(
      "apiVersion: scheduling.k8s.io/v1\ndescription: high priority\nkind: PriorityClass\nmetadata:\n  name: high\npreemptionPolicy: Never\nvalue: 1000\n",
    );
    expect(c.run("kubectl create ns team-b --dry-run=server").stdout).toBe("namespace/team-b created (server dry run)\n");
    expect(c.run("kubectl create sa ci --dry-run=server").stdout).toBe("serviceaccount/ci created (server dry run)\n");
    expect(c.run("kubectl create pc high --value=1000 --dry-run=server -o name").stdout).toBe("priorityclass.scheduling.k8s.io/high\n");
    // The server checks it all the same.
    expect(c.run("kubectl create pc huge --value=2000000000 --dry-run=server").stderr).toMatch(/^error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "huge" is invalid/);
    expect(c.client.get("namespaces", undefined, "team-b").ok).toBe(false);
    expect(c.client.get("serviceaccounts", "default", "ci").ok).toBe(false);
    expect(c.client.get("priorityclasses", undefined, "high").ok).toBe(false);
  });
});

let shared: TestCluster | undefined;
/** The table's lines run in order against one cluster, as a console session would. */
function sharedCluster(): TestCluster {
  shared ??= new TestCluster();
  return shared;
}
