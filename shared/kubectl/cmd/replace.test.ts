import { describe, expect, it } from "vitest";
import { webCluster } from "../test-fixture.ts";

const ok = (stdout: string) => ({ stdout, stderr: "", exitCode: 0 });
const err = (stderr: string) => ({ stdout: "", stderr, exitCode: 1 });

const NODES = `apiVersion: v1
kind: Node
metadata:
  name: worker-2
  labels:
    disk: ssd
spec:
  unschedulable: true
---
apiVersion: v1
kind: Node
metadata:
  name: n1
`;

describe("kubectl replace -f -", () => {
  it("replaces the live objects with the manifests, in order", () => {
    const { c } = webCluster();
    const yaml = c.run("kubectl get deploy web -o yaml").stdout.replace("replicas: 2", "replicas: 6");
    expect(c.run("kubectl replace -f -", yaml)).toEqual(ok("deployment.apps/web replaced\n"));
    const d = c.client.get("deployments", "default", "web");
    expect(d.ok && d.object.spec.replicas).toBe(6);
    expect(c.run("kubectl replace -f - -o name", NODES)).toEqual(ok("node/worker-2\nnode/n1\n"));
    const n = c.client.get("nodes", undefined, "worker-2");
    expect(n.ok && n.object.metadata.labels).toEqual({ disk: "ssd" });
    expect(c.run("kubectl replace -f - --dry-run=client", yaml)).toEqual(ok("deployment.apps/web replaced (dry run)\n"));
  });

  it("conflicts when the manifest carries a stale resourceVersion", () => {
    const { c } = webCluster();
    const yaml = c.run("kubectl get deploy web -o yaml").stdout;
    c.run(`kubectl annotate deploy web touched=yes`);
    expect(c.run("kubectl replace -f -", yaml)).toEqual(
      err(
        'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n',
      ),
    );
  });

  it("reports the server's validation errors", () => {
    const { c } = webCluster();
    const yaml = c.run("kubectl get deploy web -o yaml").stdout.replace("replicas: 2", "replicas: -1");
    expect(c.run("kubectl replace -f -", yaml)).toEqual(err('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'));
  });

  it.each([
    ["kubectl replace", "", "error: Must specify --filename to replace\nSee 'kubectl replace -h' for help and examples\n"],
    ["kubectl replace -f -", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nope\n", 'Error from server (NotFound): error when replacing "STDIN": deployments.apps "nope" not found\n'],
    ["kubectl replace -f - --subresource spec", "", 'error: invalid subresource value: "spec". Must be one of [status scale]\n'],
    ["kubectl replace -f - --force", "", 'error: "kubectl replace --force" is not available in the Pod Pilot console\n'],
  ])("%s", (line, stdin, stderr) => {
    const { c } = webCluster();
    expect(c.run(line, stdin)).toEqual(err(stderr));
  });
});
