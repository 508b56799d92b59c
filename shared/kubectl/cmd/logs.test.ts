import { describe, expect, it } from "vitest";
import { Cluster } from "../../sim/cluster.ts";
import { runKubectl, type KubectlResult } from "../kubectl.ts";

function cluster(): { c: Cluster; run: (line: string) => KubectlResult } {
  const c = new Cluster({ seed: 1, nodes: [{ name: "node-1", zone: "zone-a", cpu: "4", memory: "8Gi", index: 1 }] });
  const env = { client: c.admin, clock: c.clock, epochMs: c.epochMs };
  return { c, run: (line) => runKubectl(env, line) };
}

const out = (stdout: string): KubectlResult => ({ stdout, stderr: "", exitCode: 0, output: stdout === "" ? [] : [{ stream: "stdout", text: stdout }] });
const err = (stderr: string): KubectlResult => ({ stdout: "", stderr, exitCode: 1, output: [{ stream: "stderr", text: stderr }] });

describe("kubectl logs", () => {
  it("prints what the container echoed, exactly", () => {
    const { c, run } = cluster();
    expect(run("kubectl run hello --image=busybox:1.36 --restart=Never -- echo hello")).toEqual(out("pod/hello created\n"));
    // Not yet on a node: LogLocation is empty, so is the output.
    expect(run("kubectl logs hello")).toEqual(out(""));
    c.runFor(60_000);
    expect(run("kubectl get pod hello").stdout).toContain("Completed");
    expect(run("kubectl logs hello")).toEqual(out("hello\n"));
    expect(run("kubectl logs pod/hello -n default --tail=0")).toEqual(out(""));
  });

  it("shows the previous instance of a crash-looping container with -p", () => {
    const { c, run } = cluster();
    run(`kubectl run boom --image=busybox:1.36 -- sh -c "echo boom; echo again; exit 1"`);
    c.runFor(60_000);
    expect(run("kubectl get pod boom -o jsonpath={.status.containerStatuses[0].restartCount}").stdout).not.toBe("0");
    expect(run("kubectl logs boom")).toEqual(out("boom\nagain\n"));
    expect(run("kubectl logs boom --previous")).toEqual(out("boom\nagain\n"));
    expect(run("kubectl logs boom -p --tail=1")).toEqual(out("again\n"));
  });

  it("prints nothing for a server, and has no previous instance before a restart", () => {
    const { c, run } = cluster();
    run("kubectl run web --image=nginx:1.27");
    c.runFor(60_000);
    expect(run("kubectl logs web")).toEqual(out(""));
    expect(run("kubectl logs web -p")).toEqual(err('Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n'));
  });

  it("refuses a container that has not started", () => {
    const { c, run } = cluster();
    run("kubectl run web --image=nginx:1.27");
    const waiting = (): string | undefined => {
      const got = c.admin.get("pods", "default", "web");
      return got.ok ? got.object.status?.containerStatuses?.[0]?.state.waiting?.reason : undefined;
    };
    for (let i = 0; i < 100 && waiting() === undefined; i++) c.step();
    expect(waiting()).toBe("ContainerCreating");
    expect(run("kubectl logs web")).toEqual(err('Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n'));
  });

  it("reports unknown pods and containers, and defaults to the first container", () => {
    const { c, run } = cluster();
    expect(run("kubectl logs nope")).toEqual(err('Error from server (NotFound): pods "nope" not found\n'));
    expect(run("kubectl logs")).toEqual(
      err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"),
    );
    c.admin.create("pods", "default", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "two", namespace: "default" },
      spec: { containers: [{ name: "a", image: "busybox:1.36", command: ["echo", "from", "a"] }, { name: "b", image: "nginx:1.27" }] },
    });
    c.runFor(60_000);
    expect(run("kubectl logs two -c x")).toEqual(err("error: container x is not valid for pod two\n"));
    // The notice reaches the terminal before the logs, as kubectl writes it.
    expect(run("kubectl logs two")).toEqual({
      stdout: "from a\n",
      stderr: 'Defaulted container "a" out of: a, b\n',
      exitCode: 0,
      output: [
        { stream: "stderr", text: 'Defaulted container "a" out of: a, b\n' },
        { stream: "stdout", text: "from a\n" },
      ],
    });
    expect(run("kubectl logs two b")).toEqual(out(""));
  });

  it("gives the proxy's dial error while the node's kubelet is down", () => {
    const { c, run } = cluster();
    run("kubectl run web --image=nginx:1.27");
    c.runFor(60_000);
    c.injectFault({ type: "node-crash", node: "node-1" });
    expect(run("kubectl logs web --tail=3")).toEqual(
      err('Error from server: Get "https://10.0.0.11:10250/containerLogs/default/web/web?tailLines=3": dial tcp 10.0.0.11:10250: connect: connection refused\n'),
    );
  });
});

describe("kubectl logs: Validate", () => {
  it.each([
    ["-c with an inline container", "kubectl logs web web -c web", "error: only one of -c or an inline [CONTAINER] arg is allowed\n"],
    ["--tail below -1", "kubectl logs web --tail=-2", "error: --tail must be greater than or equal to -1\n"],
    ["-f", "kubectl logs web -f", 'error: "kubectl logs -f" is not available in the Pod Pilot console\n'],
  ])("refuses %s", (_name, line, stderr) => {
    const { run } = cluster();
    expect(run(line)).toEqual(err(stderr));
  });
});
