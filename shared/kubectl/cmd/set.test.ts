import { describe, expect, it } from "vitest";
import { webCluster } from "../test-fixture.ts";

describe("kubectl set image: options", () => {
  it("prints the patched object for -o yaml", () => {
    const { c } = webCluster();
    expect(c.run("kubectl set image deploy/web nginx=nginx:1.28 -o yaml").stdout).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n(.*\n)*      - image: nginx:1\.28\n/);
  });

  it.each([
    ["--local with a resource", "kubectl set image deploy/web nginx=nginx:1.28 --local", "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"],
    ["-f", "kubectl set image -f - nginx=nginx:1.28", 'error: "kubectl set image -f" is not available in the Pod Pilot console\n'],
    ["--template alone", "kubectl set image deploy/web nginx=nginx:1.28 --template={{.kind}}", 'error: output format "go-template" is not available in the Pod Pilot console; use -o yaml, -o json, -o name or -o wide\n'],
    ["a bad --dry-run before the arguments", "kubectl set image deploy/web --dry-run=maybe", 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'],
  ])("refuses %s", (_name, line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});
