import { describe, expect, it } from "vitest";
import { blocking, webCluster } from "../test-fixture.ts";

const POD = "web-7b9f6c5d48-x2kqp";

describe("kubectl delete --wait", () => {
  it("waits, printing nothing more, until the object is gone (the headless console)", () => {
    const { c } = webCluster();
    // The kubelet finishes the graceful delete 4 s later.
    const con = blocking(c, (t) => t === 4000 && c.must(c.client.delete("pods", "default", POD, { gracePeriodSeconds: 0 })));
    expect(con.run(`kubectl delete pod ${POD}`)).toEqual({ stdout: `pod "${POD}" deleted from default namespace\n`, stderr: "", exitCode: 0 });
    expect(con.waited()).toBe(4000);
  });

  it("does not wait with --wait=false or under a dry run", () => {
    const { c } = webCluster();
    const con = blocking(c);
    expect(con.run(`kubectl delete pod ${POD} --wait=false`).stdout).toBe(`pod "${POD}" deleted from default namespace\n`);
    expect(con.run("kubectl delete pod web-7b9f6c5d48-ab3cd --dry-run=server").stdout).toBe('pod "web-7b9f6c5d48-ab3cd" deleted from default namespace (server dry run)\n');
    expect(con.waited()).toBe(0);
  });

  it("gives up at --timeout", () => {
    const { c } = webCluster();
    const con = blocking(c);
    expect(con.run(`kubectl delete pod ${POD} --timeout=3s`)).toEqual({
      stdout: `pod "${POD}" deleted from default namespace\n`,
      stderr: `error: timed out waiting for the condition on pods/${POD}\n`,
      exitCode: 1,
    });
    expect(con.waited()).toBe(3000);
  });

  it("in the shared room prints what kubectl prints once the delete is accepted", () => {
    const { c } = webCluster();
    expect(c.run(`kubectl delete pod ${POD}`)).toEqual({ stdout: `pod "${POD}" deleted from default namespace\n`, stderr: "", exitCode: 0 });
    expect(c.run(`kubectl get pod ${POD} --no-headers`).stdout).toBe(`${POD}   1/1   Terminating   0     95s\n`);
  });

  it("warns before deleting a cluster-scoped object when -n is given, on stderr before the result", () => {
    const { c } = webCluster();
    const r = c.runOrdered("kubectl delete node worker-2 -n default");
    expect(r.output).toEqual([
      { stream: "stderr", text: "Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n" },
      { stream: "stdout", text: 'node "worker-2" deleted\n' },
    ]);
  });

  it("deletes what a manifest names (-f -), naming the source in errors", () => {
    const { c } = webCluster();
    const yaml = c.run("kubectl get deployment web -o yaml").stdout;
    expect(c.run("kubectl delete -f -", yaml).stdout).toBe('deployment.apps "web" deleted from default namespace\n');
    expect(c.run("kubectl delete -f -", yaml).stderr).toBe('Error from server (NotFound): error when deleting "STDIN": deployments.apps "web" not found\n');
    expect(c.run("kubectl delete -f - --ignore-not-found", yaml)).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });
});
