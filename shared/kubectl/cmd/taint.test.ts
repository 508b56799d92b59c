import { describe, expect, it } from "vitest";
import { webCluster } from "../test-fixture.ts";

describe("kubectl taint's printer", () => {
  it("prints the patched node for -o yaml, the node as it would be under a client dry run", () => {
    const { c } = webCluster();
    expect(c.run("kubectl taint node n1 dedicated=db:NoSchedule -o yaml").stdout).toMatch(/\n  taints:\n  - effect: NoSchedule\n    key: dedicated\n    value: db\n/);
    const dry = JSON.parse(c.run("kubectl taint node n1 gpu=yes:NoExecute -o json --dry-run=client").stdout);
    expect(dry.spec.taints[0]).toEqual({ key: "gpu", value: "yes", effect: "NoExecute" });
  });

  it.each([
    ["--template alone", "kubectl taint node n1 a=b:NoSchedule --template={{.kind}}", 'error: output format "go-template" is not available in the Pod Pilot console; use -o yaml, -o json, -o name or -o wide\n'],
    ["-o wide", "kubectl taint node n1 a=b:NoSchedule -o wide", 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n'],
  ])("refuses %s before tainting", (_name, line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
    expect(c.run("kubectl get node n1 -o jsonpath={.spec.taints}").stdout).toBe("");
  });
});
