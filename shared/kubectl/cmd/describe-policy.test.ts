import { describe, expect, it } from "vitest";
import { TestCluster } from "../test-fixture.ts";

describe("kubectl describe namespace, serviceaccount, priorityclass", () => {
  it("describes a namespace with its quota and limit range sections", () => {
    const c = new TestCluster();
    c.run("kubectl create ns team-a");
    expect(c.run("kubectl describe ns team-a")).toEqual({
      stdout: `Name:         team-a
Labels:       kubernetes.io/metadata.name=team-a
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`,
      stderr: "",
      exitCode: 0,
    });
  });

  it("describes a service account", () => {
    const c = new TestCluster();
    c.run("kubectl create sa ci");
    expect(c.run("kubectl describe sa ci")).toEqual({
      stdout: `Name:                ci
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  <none>
Mountable secrets:   <none>
Tokens:              <none>
Events:              <none>
`,
      stderr: "",
      exitCode: 0,
    });
  });

  it("describes a priority class", () => {
    const c = new TestCluster();
    c.run('kubectl create priorityclass high --value=1000 --description="high priority" --preemption-policy=Never');
    expect(c.run("kubectl describe pc high")).toEqual({
      stdout: `Name:              high
Value:             1000
GlobalDefault:     false
PreemptionPolicy:  Never
Description:       high priority
Annotations:       <none>
Events:            <none>
`,
      stderr: "",
      exitCode: 0,
    });
  });
});
