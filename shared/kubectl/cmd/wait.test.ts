import { describe, expect, it } from "vitest";
import type { Pod } from "../../sim/api/core-v1.ts";
import { SECOND, TestCluster, blocking, webCluster } from "../test-fixture.ts";

const POD = "web-7b9f6c5d48-x2kqp";

function setReady(c: TestCluster, name: string, ready: boolean): void {
  const p = c.must(c.client.get("pods", "default", name)) as Pod;
  const status = ready ? "True" : "False";
  const conditions = p.status!.conditions!.map((x) => (x.type === "Ready" || x.type === "ContainersReady" ? { ...x, status } : x));
  c.setStatus("pods", p, { ...p.status, conditions });
}

describe("kubectl wait --for=condition", () => {
  it("prints condition met at once when the condition holds, even without a way to block", () => {
    const { c } = webCluster();
    expect(c.run(`kubectl wait --for=condition=Ready pod/${POD}`)).toEqual({ stdout: `pod/${POD} condition met\n`, stderr: "", exitCode: 0 });
    expect(c.run("kubectl wait --for=condition=ready=TRUE pod/web-7b9f6c5d48-ab3cd").stdout).toBe("pod/web-7b9f6c5d48-ab3cd condition met\n");
    expect(c.run("kubectl wait --for=condition=Available deployment/web").stdout).toBe("deployment.apps/web condition met\n");
  });

  it("watches until the pod turns Ready, returning on the step it does", () => {
    const { c } = webCluster();
    setReady(c, POD, false);
    const con = blocking(c, (t) => t === 2300 && setReady(c, POD, true));
    expect(con.run(`kubectl wait --for=condition=Ready pod/${POD} --timeout=30s`)).toEqual({ stdout: `pod/${POD} condition met\n`, stderr: "", exitCode: 0 });
    expect(con.waited()).toBe(2300);
  });

  it("times out after 30 s by default, or --timeout", () => {
    const { c } = webCluster();
    setReady(c, POD, false);
    const con = blocking(c);
    expect(con.run(`kubectl wait --for=condition=Ready pod/${POD}`)).toEqual({ stdout: "", stderr: `error: timed out waiting for the condition on pods/${POD}\n`, exitCode: 1 });
    expect(con.waited()).toBe(30 * SECOND);
    expect(con.run(`kubectl wait --for=condition=Ready pod/${POD} --timeout=5s`).stderr).toBe(`error: timed out waiting for the condition on pods/${POD}\n`);
    expect(con.waited()).toBe(35 * SECOND);
    // Zero means check once and don't wait.
    expect(con.run(`kubectl wait --for=condition=Ready pod/${POD} --timeout=0`).stderr).toBe(`error: condition not met for pods/${POD}\n`);
    expect(con.waited()).toBe(35 * SECOND);
  });

  it("says it cannot block in the shared console when the condition is not met yet", () => {
    const { c } = webCluster();
    setReady(c, POD, false);
    expect(c.run(`kubectl wait --for=condition=Ready pod/${POD}`)).toEqual({
      stdout: "",
      stderr: 'error: "kubectl wait" cannot block in the shared game console; the condition is not met yet\n',
      exitCode: 1,
    });
  });

  it("waits for a changed deployment to be observed before calling it Available", () => {
    const { c } = webCluster();
    c.run("kubectl set image deploy/web nginx=nginx:1.28");
    const con = blocking(c, (t) => {
      if (t !== 4 * SECOND) return;
      const d = c.must(c.client.get("deployments", "default", "web"));
      c.setStatus("deployments", d, { ...d.status, observedGeneration: d.metadata.generation });
    });
    expect(con.run("kubectl wait --for=condition=Available deploy/web").stdout).toBe("deployment.apps/web condition met\n");
    expect(con.waited()).toBe(4 * SECOND);
  });

  it("waits for every object a selector or --all picks, under one deadline", () => {
    const { c } = webCluster();
    expect(c.run("kubectl wait --for=condition=Ready pods -l app=web").stdout).toBe(`pod/web-7b9f6c5d48-ab3cd condition met\npod/${POD} condition met\n`);
    expect(c.run("kubectl wait --for=condition=Ready pods --all").stdout).toBe(`pod/web-7b9f6c5d48-ab3cd condition met\npod/${POD} condition met\n`);
    setReady(c, "web-7b9f6c5d48-ab3cd", false);
    setReady(c, POD, false);
    const con = blocking(c, (t) => t === 20 * SECOND && setReady(c, "web-7b9f6c5d48-ab3cd", true));
    expect(con.run("kubectl wait --for=condition=Ready pods -l app=web")).toEqual({
      stdout: "pod/web-7b9f6c5d48-ab3cd condition met\n",
      stderr: `error: timed out waiting for the condition on pods/${POD}\n`,
      exitCode: 1,
    });
    expect(con.waited()).toBe(30 * SECOND);
  });
});

describe("kubectl wait --for=delete", () => {
  it("returns once the object is gone, and at once for one already gone", () => {
    const { c } = webCluster();
    // A pod stays while it terminates; the kubelet's final delete (grace period 0) removes it.
    const con = blocking(c, (t) => t === 1500 && c.client.delete("pods", "default", POD, { gracePeriodSeconds: 0 }));
    expect(con.run(`kubectl wait --for=delete pod/${POD} --timeout=60s`)).toEqual({ stdout: `pod/${POD} condition met\n`, stderr: "", exitCode: 0 });
    expect(con.waited()).toBe(1500);
    expect(con.run(`kubectl wait --for=delete pod/${POD}`)).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(con.run("kubectl wait --for=delete pod/web-7b9f6c5d48-ab3cd --timeout=2s").stderr).toBe("error: timed out waiting for the condition on pods/web-7b9f6c5d48-ab3cd\n");
  });
});

describe("kubectl wait --for=jsonpath", () => {
  it("waits for a field to take a value", () => {
    const c = new TestCluster();
    const pending = c.pod("batch-1", { phase: "Pending" });
    const con = blocking(c, (t) => t === 3 * SECOND && c.setStatus("pods", c.must(c.client.get("pods", "default", "batch-1")), { ...pending.status, phase: "Running" }));
    expect(con.run("kubectl wait --for=jsonpath='{.status.phase}'=Running pod/batch-1")).toEqual({ stdout: "pod/batch-1 condition met\n", stderr: "", exitCode: 0 });
    expect(con.waited()).toBe(3 * SECOND);
    expect(c.run("kubectl wait --for=jsonpath=.status.phase pod/batch-1").stdout).toBe("pod/batch-1 condition met\n");
    expect(c.run("kubectl wait --for=jsonpath={.spec.containers[0].name}=nginx pod/batch-1").stdout).toBe("pod/batch-1 condition met\n");
    expect(c.run("kubectl wait --for=jsonpath={.spec} pod/batch-1 --timeout=0").stdout).toBe("pod/batch-1 condition met\n");
    expect(c.run("kubectl wait --for=jsonpath={.spec}=x pod/batch-1").stderr).toBe("error: jsonpath leads to a nested object or list which is not supported\n");
  });
});

describe("kubectl wait errors", () => {
  it.each<[string, string]>([
    ["kubectl wait pod/x", 'error: unrecognized condition: ""\n'],
    ["kubectl wait --for=ready pod/x", 'error: unrecognized condition: "ready"\n'],
    ["kubectl wait --for=jsonpath={.a}=b=c pod/x", "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n"],
    ["kubectl wait --for=jsonpath={.a}= pod/x", "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n"],
    ["kubectl wait --for=condition=Ready pod/nope", 'Error from server (NotFound): pods "nope" not found\n'],
    ["kubectl wait --for=condition=Ready pods -l app=none", "error: no matching resources found\n"],
    ["kubectl wait --for=condition=Ready pods", "error: resource(s) were provided, but no name was specified\n"],
  ])("%s", (line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});
