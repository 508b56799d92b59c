import { describe, expect, it } from "vitest";
import type { Deployment, ReplicaSet } from "../../sim/api/apps-v1.ts";
import { SECOND, TestCluster, blocking, webCluster } from "../test-fixture.ts";

function deployment(c: TestCluster): Deployment {
  return c.must(c.client.get("deployments", "default", "web"));
}

/** webCluster after `set image nginx=nginx:1.28` rolled out: revision 1 (1.27) and revision 2 (1.28, with a change cause). */
function twoRevisions(): TestCluster {
  const { c, rs } = webCluster();
  expect(c.run("kubectl set image deployment/web nginx=nginx:1.28").stdout).toBe("deployment.apps/web image updated\n");
  const d = deployment(c);
  const labels = { app: "web", "pod-template-hash": "5d8c7f9b6a" };
  const template = structuredClone(d.spec.template) as ReplicaSet["spec"]["template"];
  template.metadata = { labels };
  c.create("replicasets", {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: "web-5d8c7f9b6a",
      namespace: "default",
      labels,
      annotations: { "deployment.kubernetes.io/revision": "2", "kubernetes.io/change-cause": "kubectl set image deployment/web nginx=nginx:1.28" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas: 2, selector: { matchLabels: labels }, template },
  });
  void rs;
  return c;
}

describe("kubectl rollout status", () => {
  it("reports a finished rollout", () => {
    const { c } = webCluster();
    expect(c.run("kubectl rollout status deployment/web")).toEqual({ stdout: 'deployment "web" successfully rolled out\n', stderr: "", exitCode: 0 });
    expect(c.run("kubectl rollout status deploy web --revision=1").stderr).toBe("error: desired revision (1) is different from the running revision (0)\n");
    // Annotation changes bump a deployment's generation; the controller then observes it.
    const d = c.must(c.client.patch("deployments", "default", "web", { metadata: { annotations: { "deployment.kubernetes.io/revision": "1" } } }));
    c.setStatus("deployments", d, { ...d.status, observedGeneration: d.metadata.generation });
    expect(c.run("kubectl rollout status deploy web --revision=1").stdout).toBe('deployment "web" successfully rolled out\n');
    expect(c.run("kubectl rollout status deploy web --revision=2").stderr).toBe("error: desired revision (2) is different from the running revision (1)\n");
  });

  it("reports each stage of a rollout in progress", () => {
    const { c, d } = webCluster();
    const status = (s: Record<string, number>) => c.setStatus("deployments", deployment(c), { ...deployment(c).status, ...s });
    status({ updatedReplicas: 1 });
    expect(c.run("kubectl rollout status deploy/web").stdout).toBe('Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n');
    status({ updatedReplicas: 2, replicas: 3 });
    expect(c.run("kubectl rollout status deploy/web").stdout).toBe('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n');
    status({ replicas: 2, availableReplicas: 1 });
    expect(c.run("kubectl rollout status deploy/web").stdout).toBe('Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...\n');
    c.run("kubectl set image deploy/web nginx=nginx:1.28");
    expect(c.run("kubectl rollout status deploy/web").stdout).toBe("Waiting for deployment spec update to be observed...\n");
    void d;
  });

  it("fails for a timed-out rollout, other kinds, missing objects and no arguments", () => {
    const { c } = webCluster();
    const d = deployment(c);
    const conditions = d.status!.conditions!.map((x) => (x.type === "Progressing" ? { ...x, status: "False", reason: "ProgressDeadlineExceeded" } : x));
    c.setStatus("deployments", d, { ...d.status, conditions });
    expect(c.run("kubectl rollout status deploy/web")).toEqual({ stdout: "", stderr: 'error: deployment "web" exceeded its progress deadline\n', exitCode: 1 });
    expect(c.run("kubectl rollout status pod/web-7b9f6c5d48-x2kqp").stderr).toBe("error: no status viewer has been implemented for Pod\n");
    expect(c.run("kubectl rollout status deploy/nope").stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(c.run("kubectl rollout status").stderr).toBe("error: required resource not specified\n");
  });
});

describe("kubectl rollout status --watch", () => {
  const status = (c: TestCluster, s: Record<string, unknown>) => c.setStatus("deployments", deployment(c), { ...deployment(c).status, ...s });

  it("prints each new state of a rollout until it finishes", () => {
    const { c } = webCluster();
    c.run("kubectl set image deploy/web nginx=nginx:1.28");
    const con = blocking(c, (t) => {
      if (t === 2 * SECOND) status(c, { observedGeneration: 2, updatedReplicas: 0 });
      if (t === 4 * SECOND) status(c, { updatedReplicas: 1, replicas: 3 });
      if (t === 6 * SECOND) status(c, { updatedReplicas: 2, replicas: 3 });
      if (t === 8 * SECOND) status(c, { replicas: 2, availableReplicas: 1 });
      if (t === 9 * SECOND) status(c, { availableReplicas: 2 });
    });
    expect(con.run("kubectl rollout status deployment/web")).toEqual({
      stdout:
        "Waiting for deployment spec update to be observed...\n" +
        'Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...\n' +
        'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n' +
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n' +
        'Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...\n' +
        'deployment "web" successfully rolled out\n',
      stderr: "",
      exitCode: 0,
    });
    expect(con.waited()).toBe(9 * SECOND);
  });

  it("prints once with --watch=false, or where the console cannot block", () => {
    const { c } = webCluster();
    status(c, { updatedReplicas: 1 });
    const con = blocking(c, (t) => t === SECOND && status(c, { updatedReplicas: 2 }));
    const once = 'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n';
    expect(con.run("kubectl rollout status deploy/web --watch=false").stdout).toBe(once);
    expect(c.run("kubectl rollout status deploy/web").stdout).toBe(once);
    expect(con.waited()).toBe(0);
  });

  it("gives up at --timeout, or past the progress deadline by default", () => {
    const { c } = webCluster();
    status(c, { updatedReplicas: 1 });
    const con = blocking(c);
    expect(con.run("kubectl rollout status deploy/web --timeout=5s")).toEqual({
      stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n',
      stderr: "error: timed out waiting for the condition\n",
      exitCode: 1,
    });
    expect(con.waited()).toBe(5 * SECOND);
    // progressDeadlineSeconds defaults to 600: the watch lasts 600 s + 60 s.
    expect(con.run("kubectl rollout status deploy/web").stderr).toBe("error: timed out waiting for the condition\n");
    expect(con.waited()).toBe(665 * SECOND);
  });

  it("fails when the rollout exceeds its progress deadline or the deployment goes away", () => {
    const { c } = webCluster();
    status(c, { updatedReplicas: 1 });
    const con = blocking(c, (t) => {
      if (t !== 3 * SECOND) return;
      const conditions = deployment(c).status!.conditions!.map((x) => (x.type === "Progressing" ? { ...x, status: "False", reason: "ProgressDeadlineExceeded" } : x));
      status(c, { conditions });
    });
    expect(con.run("kubectl rollout status deploy/web").stderr).toBe('error: deployment "web" exceeded its progress deadline\n');
    expect(con.waited()).toBe(3 * SECOND);
    const { c: c2 } = webCluster();
    status(c2, { updatedReplicas: 1 });
    const con2 = blocking(c2, (t) => t === 2 * SECOND && c2.client.delete("deployments", "default", "web"));
    expect(con2.run("kubectl rollout status deploy/web").stderr).toBe("error: object has been deleted\n");
  });
});

describe("kubectl rollout history", () => {
  it("lists revisions with their change causes", () => {
    const { c } = webCluster();
    expect(c.run("kubectl rollout history deployment web")).toEqual({ stdout: "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n", stderr: "", exitCode: 0 });
    const c2 = twoRevisions();
    expect(c2.run("kubectl rollout history deploy/web").stdout).toBe(
      "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web nginx=nginx:1.28\n\n",
    );
  });

  it("-o prints each revision's ReplicaSet through PrintFlags", () => {
    const c = twoRevisions();
    const names = c.run("kubectl rollout history deploy/web -o name").stdout.split("\n");
    expect(names).toHaveLength(3);
    expect(names.slice(0, 2).every((n) => n.startsWith("replicaset.apps/web-"))).toBe(true);
    expect(c.run("kubectl rollout history deploy/web -o name --revision=2").stdout).toBe(`${names[1]}\n`);
    expect(c.run("kubectl rollout history deploy/web -o yaml --revision=1").stdout).toContain('deployment.kubernetes.io/revision: "1"\n');
    expect(c.run("kubectl rollout history deploy/web -o yaml").stdout.split("\n---\napiVersion: apps/v1\n")).toHaveLength(2);
    expect(c.run("kubectl rollout history deploy/web -o name --revision=3")).toEqual({ stdout: "", stderr: "error: unable to find the specified revision\n", exitCode: 1 });
    expect(c.run("kubectl rollout history deploy/web -o jsonpath={.metadata.name}").stderr).toBe(
      'error: output format "jsonpath" is not available in the Pod Pilot console; use -o yaml, -o json, -o name or -o wide\n',
    );
    expect(c.run("kubectl rollout history deploy/web --template={{.kind}}").stdout).toBe(c.run("kubectl rollout history deploy/web").stdout);
  });

  it("prints one revision's pod template untabulated, as kubectl does", () => {
    const c = twoRevisions();
    expect(c.run("kubectl rollout history deploy/web --revision=2").stdout).toBe(
      "deployment.apps/web with revision #2\n" +
        "Pod Template:\n" +
        "  Labels:\tapp=web\n" +
        "\tpod-template-hash=5d8c7f9b6a\n" +
        "  Annotations:\tkubernetes.io/change-cause: kubectl set image deployment/web nginx=nginx:1.28\n" +
        "  Containers:\n" +
        "   nginx:\n" +
        "    Image:\tnginx:1.28\n" +
        "    Port:\t80/TCP\n" +
        "    Host Port:\t0/TCP\n" +
        "    Environment:\t<none>\n" +
        "    Mounts:\t<none>\n" +
        "  Volumes:\t<none>\n" +
        "  Node-Selectors:\t<none>\n" +
        "  Tolerations:\t<none>\n" +
        "\n",
    );
    expect(c.run("kubectl rollout history deploy/web --revision=3")).toEqual({ stdout: "", stderr: "error: unable to find the specified revision\n", exitCode: 1 });
  });

  it("has no history without ReplicaSets", () => {
    const c = new TestCluster();
    c.deployment("web", 1);
    expect(c.run("kubectl rollout history deploy/web").stdout).toBe("deployment.apps/web \nNo rollout history found.\n");
  });
});

describe("kubectl rollout undo", () => {
  it("rolls back to the previous revision, then skips a rollback to the same template", () => {
    const c = twoRevisions();
    expect(c.run("kubectl rollout undo deployment/web")).toEqual({ stdout: "deployment.apps/web rolled back\n", stderr: "", exitCode: 0 });
    const d = deployment(c);
    expect(d.spec.template.spec.containers[0]!.image).toBe("nginx:1.27");
    expect(d.spec.template.metadata?.labels).toEqual({ app: "web" });
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBeUndefined();
    expect(c.run("kubectl rollout undo deployment/web --to-revision=1").stdout).toBe("deployment.apps/web skipped rollback (current template already matches revision 1)\n");
    expect(c.run("kubectl rollout undo deployment/web --to-revision=2").stdout).toBe("deployment.apps/web rolled back\n");
    expect(deployment(c).metadata.annotations?.["kubernetes.io/change-cause"]).toBe("kubectl set image deployment/web nginx=nginx:1.28");
  });

  it.each<[string, string]>([
    ["kubectl rollout undo deploy/web --to-revision=7", "error: unable to find specified revision 7 in history\n"],
    ["kubectl rollout undo deploy/web --to-revision=-1", "error: unable to find specified revision -1 in history\n"],
    ["kubectl rollout undo pod/web-7b9f6c5d48-x2kqp", 'error: no rollbacker has been implemented for "Pod"\n'],
  ])("%s", (line, stderr) => {
    const c = twoRevisions();
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });

  it("needs an older revision and an unpaused deployment", () => {
    const { c } = webCluster();
    expect(c.run("kubectl rollout undo deploy/web").stderr).toBe('error: no rollout history found for deployment "web"\n');
    const c2 = twoRevisions();
    c2.run("kubectl rollout pause deploy/web");
    expect(c2.run("kubectl rollout undo deploy/web").stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
  });
});

describe("kubectl rollout pause, resume, restart", () => {
  it("pauses and resumes once each", () => {
    const { c } = webCluster();
    expect(c.run("kubectl rollout pause deploy/web")).toEqual({ stdout: "deployment.apps/web paused\n", stderr: "", exitCode: 0 });
    expect(deployment(c).spec.paused).toBe(true);
    expect(c.run("kubectl rollout pause deploy/web")).toEqual({ stdout: "", stderr: 'error: deployments.apps "web" is already paused\n', exitCode: 1 });
    expect(c.run("kubectl rollout restart deploy/web").stderr).toBe('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n');
    expect(c.run("kubectl rollout resume deploy/web")).toEqual({ stdout: "deployment.apps/web resumed\n", stderr: "", exitCode: 0 });
    expect(deployment(c).spec.paused).toBeUndefined();
    expect(c.run("kubectl rollout resume deploy/web").stderr).toBe('error: deployments.apps "web" is not paused\n');
    expect(c.run("kubectl rollout pause node/n1").stderr).toBe('error: nodes "n1" pausing is not supported\n');
  });

  it("restarts by stamping the pod template, once per second", () => {
    const { c } = webCluster();
    expect(c.run("kubectl rollout restart deployment web")).toEqual({ stdout: "deployment.apps/web restarted\n", stderr: "", exitCode: 0 });
    expect(deployment(c).spec.template.metadata?.annotations).toEqual({ "kubectl.kubernetes.io/restartedAt": c.ts() });
    expect(c.run("kubectl rollout restart deployment web").stderr).toBe(
      "error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n",
    );
    c.advance(1000);
    expect(c.run("kubectl rollout restart deployment web -o name").stdout).toBe("deployment.apps/web\n");
  });

  it("prints its help without a subcommand and rejects unknown ones", () => {
    const { c } = webCluster();
    const r = c.run("kubectl rollout");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("Manage the rollout of one or many resources.\n");
    expect(c.run("kubectl rollout foo").stderr).toBe("error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n");
  });
});

describe("kubectl set image", () => {
  it("updates named containers", () => {
    const { c } = webCluster();
    expect(c.run("kubectl set image deploy/web nginx=nginx:1.28")).toEqual({ stdout: "deployment.apps/web image updated\n", stderr: "", exitCode: 0 });
    expect(deployment(c).spec.template.spec.containers[0]!.image).toBe("nginx:1.28");
    // Nothing changes the second time: no patch, no line.
    expect(c.run("kubectl set image deploy/web nginx=nginx:1.28")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(c.run("kubectl set image deploy/web *=nginx:1.29 --dry-run=client").stdout).toBe("deployment.apps/web image updated (dry run)\n");
    expect(deployment(c).spec.template.spec.containers[0]!.image).toBe("nginx:1.28");
    expect(c.run("kubectl set image pod/web-7b9f6c5d48-x2kqp nginx=nginx:1.28").stdout).toBe("pod/web-7b9f6c5d48-x2kqp image updated\n");
  });

  it.each<[string, string]>([
    ["kubectl set image deploy/web foo=nginx:1.28", 'error: unable to find container named "foo"\n'],
    ["kubectl set image deploy/web", "error: at least one image update is required\nSee 'kubectl set image -h' for help and examples\n"],
    ["kubectl set image nginx=nginx:1.28", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl set image -h' for help and examples\n"],
    ["kubectl set image deploy/nope nginx=nginx:1.28", 'Error from server (NotFound): deployments.apps "nope" not found\n'],
  ])("%s", (line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});

describe("kubectl top, api-versions", () => {
  it("has no metrics API", () => {
    const { c } = webCluster();
    expect(c.run("kubectl top pods")).toEqual({ stdout: "", stderr: "error: Metrics API not available\n", exitCode: 1 });
    expect(c.run("kubectl top nodes").stderr).toBe("error: Metrics API not available\n");
  });

  it("validates its flags first (TopNodeOptions/TopPodOptions.Validate); each subcommand has its own", () => {
    const { c } = webCluster();
    const cases: [string, string][] = [
      ["kubectl top pod --sort-by=name", "error: --sort-by accepts only cpu or memory\n"],
      ["kubectl top node --sort-by=name", "error: --sort-by accepts only cpu or memory\n"],
      ["kubectl top pod web -l app=web", "error: only one of NAME or selector can be provided\n"],
      ["kubectl top pod web --field-selector=spec.nodeName=n1", "error: only one of NAME or selector can be provided\n"],
      ["kubectl top node n1 -l a=b", "error: only one of NAME or --selector can be provided\n"],
      ["kubectl top pod -A --containers --sum --no-headers --sort-by=cpu -l app=web", "error: Metrics API not available\n"],
      ["kubectl top node --show-capacity --no-headers --sort-by=memory", "error: Metrics API not available\n"],
      ["kubectl top node --containers", "error: unknown flag: --containers\nSee 'kubectl top node --help' for usage.\n"],
    ];
    for (const [line, stderr] of cases) expect(c.run(line), line).toEqual({ stdout: "", stderr, exitCode: 1 });
  });

  it("lists the served group versions", () => {
    const { c } = webCluster();
    expect(c.run("kubectl api-versions")).toEqual({ stdout: "apps/v1\ncoordination.k8s.io/v1\nrbac.authorization.k8s.io/v1\nscheduling.k8s.io/v1\nv1\n", stderr: "", exitCode: 0 });
  });
});

describe("kubectl rollout undo --dry-run", () => {
  it("shows the template it would restore under a client dry run, checks it on the server under a server dry run, and changes nothing", () => {
    const c = twoRevisions();
    const rev = c.api.revision;
    expect(c.run("kubectl rollout undo deployment/web --dry-run=client")).toEqual({
      // printTemplate writes the describer's lines to a plain buffer: no tabwriter, the tabs stay.
      stdout: "deployment.apps/web Pod Template:\n  Labels:\tapp=web\n\tpod-template-hash=7b9f6c5d48\n  Containers:\n   nginx:\n    Image:\tnginx:1.27\n    Port:\t80/TCP\n    Host Port:\t0/TCP\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n (dry run)\n",
      stderr: "",
      exitCode: 0,
    });
    expect(c.run("kubectl rollout undo deployment/web --dry-run=server").stdout).toBe("deployment.apps/web rolled back (server dry run)\n");
    expect(c.run("kubectl rollout undo deployment/web --to-revision=2 --dry-run=server").stdout).toBe(
      "deployment.apps/web skipped rollback (current template already matches revision 2) (server dry run)\n",
    );
    expect(c.api.revision).toBe(rev);
    expect(deployment(c).spec.template.spec.containers[0]!.image).toBe("nginx:1.28");
  });

  it("pause, resume and restart have no --dry-run flag in kubectl v1.34", () => {
    const c = twoRevisions();
    expect(c.run("kubectl rollout pause deployment/web --dry-run=client").stderr).toBe("error: unknown flag: --dry-run\nSee 'kubectl rollout pause --help' for usage.\n");
  });
});
