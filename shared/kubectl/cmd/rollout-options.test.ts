import { describe, expect, it } from "vitest";
import { webCluster } from "../test-fixture.ts";

const err = (stderr: string) => ({ stdout: "", stderr, exitCode: 1 });

describe("kubectl rollout: options completed and validated before anything is read", () => {
  it.each([
    ["-f on undo", "kubectl rollout undo -f - deploy/web", 'error: "kubectl rollout undo -f" is not available in the Pod Pilot console\n'],
    ["-f on status", "kubectl rollout status -f -", 'error: "kubectl rollout status -f" is not available in the Pod Pilot console\n'],
    ["no resource for history", "kubectl rollout history", "error: required resource not specified\n"],
    ["a negative --revision", "kubectl rollout history deploy/web --revision=-1", "error: revision must be a positive integer: -1\n"],
    ["--template alone on pause", "kubectl rollout pause deploy/web --template={{.kind}}", 'error: output format "go-template" is not available in the Pod Pilot console; use -o yaml, -o json, -o name or -o wide\n'],
    ["-o wide on restart", "kubectl rollout restart deploy/web -o wide", 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n'],
  ])("refuses %s", (_name, line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual(err(stderr));
  });

  it("pause -o json prints the patched deployment", () => {
    const { c } = webCluster();
    const d = JSON.parse(c.run("kubectl rollout pause deploy/web -o json").stdout);
    expect([d.kind, d.spec.paused]).toEqual(["Deployment", true]);
  });
});
