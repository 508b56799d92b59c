import { describe, expect, it } from "vitest";
import { MINUTE, SECOND, TestCluster, webCluster } from "../test-fixture.ts";

describe("kubectl get: tables", () => {
  it("lists pods", () => {
    const { c } = webCluster();
    expect(c.run("kubectl get pods")).toEqual({
      stdout:
        "NAME                   READY   STATUS    RESTARTS   AGE\n" +
        "web-7b9f6c5d48-ab3cd   1/1     Running   0          95s\n" +
        "web-7b9f6c5d48-x2kqp   1/1     Running   0          95s\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("adds the wide columns with <none> for missing values", () => {
    const { c } = webCluster();
    c.pod("pending-1", { phase: "Pending" });
    expect(c.run("kubectl get po -o wide").stdout).toBe(
      "NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n" +
        "pending-1              0/1     Pending   0          0s    <none>       <none>   <none>           <none>\n" +
        "web-7b9f6c5d48-ab3cd   1/1     Running   0          95s   10.244.1.6   n1       <none>           <none>\n" +
        "web-7b9f6c5d48-x2kqp   1/1     Running   0          95s   10.244.1.5   n1       <none>           <none>\n",
    );
  });

  it("prints nodes with roles, SchedulingDisabled and NotReady", () => {
    const { c } = webCluster();
    c.node("worker-3", { ready: "Unknown", ip: "10.0.0.13" });
    c.node("worker-4", { ready: "none", ip: "10.0.0.14", labels: { "kubernetes.io/role": "infra" } });
    c.advance(2 * MINUTE);
    expect(c.run("kubectl get nodes").stdout).toBe(
      "NAME       STATUS                     ROLES           AGE     VERSION\n" +
        "n1         Ready                      control-plane   8m35s   v1.34.10\n" +
        "worker-2   Ready,SchedulingDisabled   <none>          8m35s   v1.34.10\n" +
        "worker-3   NotReady                   <none>          2m      v1.34.10\n" +
        "worker-4   Unknown                    infra           2m      v1.34.10\n",
    );
    expect(c.run("kubectl get no n1 -o wide").stdout).toBe(
      "NAME   STATUS   ROLES           AGE     VERSION    INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION   CONTAINER-RUNTIME\n" +
        "n1     Ready    control-plane   8m35s   v1.34.10   10.0.0.11     <none>        Ubuntu 24.04.1 LTS   6.8.0-1021-aws   containerd://2.0.5\n",
    );
  });

  it("prints one table per type, kind-prefixed and separated by a blank line", () => {
    const { c } = webCluster();
    expect(c.run("kubectl get deploy,rs").stdout).toBe(
      "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n" +
        "deployment.apps/web   2/2     2            2           95s\n" +
        "\n" +
        "NAME                             DESIRED   CURRENT   READY   AGE\n" +
        "replicaset.apps/web-7b9f6c5d48   2         2         2       95s\n",
    );
    expect(c.run("kubectl get deployments.apps,replicaset -o wide").stdout).toBe(
      "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\n" +
        "deployment.apps/web   2/2     2            2           95s   nginx        nginx:1.27   app=web\n" +
        "\n" +
        "NAME                             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR\n" +
        "replicaset.apps/web-7b9f6c5d48   2         2         2       95s   nginx        nginx:1.27   app=web,pod-template-hash=7b9f6c5d48\n",
    );
  });

  it("expands all, and leaves out empty types without a separator", () => {
    const { c } = webCluster();
    c.run("kubectl delete deploy web");
    expect(c.run("kubectl get all").stdout).toBe(
      "NAME                       READY   STATUS    RESTARTS   AGE\n" +
        "pod/web-7b9f6c5d48-ab3cd   1/1     Running   0          95s\n" +
        "pod/web-7b9f6c5d48-x2kqp   1/1     Running   0          95s\n" +
        "\n" +
        "NAME                             DESIRED   CURRENT   READY   AGE\n" +
        "replicaset.apps/web-7b9f6c5d48   2         2         2       95s\n",
    );
  });

  it("prints -A with a NAMESPACE column, --show-labels and -L, --no-headers", () => {
    const { c } = webCluster();
    c.pod("coredns-668d6bf9bc-7qzkp", { namespace: "kube-system", node: "n1", labels: { "k8s-app": "kube-dns" }, ip: "10.244.1.2" });
    expect(c.run("kubectl get pods -A --show-labels").stdout).toBe(
      "NAMESPACE     NAME                       READY   STATUS    RESTARTS   AGE   LABELS\n" +
        "default       web-7b9f6c5d48-ab3cd       1/1     Running   0          95s   app=web,pod-template-hash=7b9f6c5d48\n" +
        "default       web-7b9f6c5d48-x2kqp       1/1     Running   0          95s   app=web,pod-template-hash=7b9f6c5d48\n" +
        "kube-system   coredns-668d6bf9bc-7qzkp   1/1     Running   0          0s    k8s-app=kube-dns\n",
    );
    expect(c.run("kubectl get pods -L app,pod-template-hash --no-headers").stdout).toBe(
      "web-7b9f6c5d48-ab3cd   1/1   Running   0     95s   web   7b9f6c5d48\n" + "web-7b9f6c5d48-x2kqp   1/1   Running   0     95s   web   7b9f6c5d48\n",
    );
    expect(c.run("kubectl get pods -L example.com/tier").stdout.split("\n")[0]).toBe("NAME                   READY   STATUS    RESTARTS   AGE   TIER");
  });

  it("filters with -l and --field-selector", () => {
    const { c } = webCluster();
    c.pod("other", { labels: { app: "other" }, phase: "Pending" });
    expect(c.run("kubectl get pods -l app=other").stdout).toBe("NAME    READY   STATUS    RESTARTS   AGE\nother   0/1     Pending   0          0s\n");
    expect(c.run("kubectl get pods -l 'app in (web),pod-template-hash' --no-headers").stdout.split("\n").length).toBe(3);
    expect(c.run("kubectl get pods --field-selector status.phase=Pending -o name").stdout).toBe("pod/other\n");
    expect(c.run("kubectl get pods --field-selector spec.nodeName=n1,metadata.name!=web-7b9f6c5d48-ab3cd -o name").stdout).toBe("pod/web-7b9f6c5d48-x2kqp\n");
    expect(c.run("kubectl get pods --field-selector foo=bar")).toEqual({
      stdout: "",
      stderr: 'Error from server (BadRequest): Unable to find {"" "v1" "pods"} that match label selector "", field selector "foo=bar": field label not supported: foo\n',
      exitCode: 1,
    });
  });

  it("gets objects by name, type/name, and reports the missing ones after the table", () => {
    const { c } = webCluster();
    expect(c.run("kubectl get pod web-7b9f6c5d48-x2kqp nope")).toEqual({
      stdout: "NAME                   READY   STATUS    RESTARTS   AGE\nweb-7b9f6c5d48-x2kqp   1/1     Running   0          95s\n",
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(c.run("kubectl get pod/web-7b9f6c5d48-x2kqp deploy/web").stdout).toBe(
      "NAME                       READY   STATUS    RESTARTS   AGE\npod/web-7b9f6c5d48-x2kqp   1/1     Running   0          95s\n\nNAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   2/2     2            2           95s\n",
    );
    expect(c.run("kubectl get pods a b")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): pods "a" not found\nError from server (NotFound): pods "b" not found\n', exitCode: 1 });
    expect(c.run("kubectl get pod nope --ignore-not-found")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("prints namespaces, leases and events", () => {
    const { c } = webCluster();
    expect(c.run("kubectl get ns").stdout).toBe(
      "NAME              STATUS   AGE\ndefault           Active   6m35s\nkube-node-lease   Active   6m35s\nkube-system       Active   6m35s\n",
    );
    expect(c.run("kubectl get leases -n kube-node-lease").stdout).toBe("NAME   HOLDER   AGE\nn1     n1       6m35s\n");
    expect(c.run("kubectl get events").stdout).toBe(
      "LAST SEEN   TYPE     REASON              OBJECT                     MESSAGE\n" +
        "95s         Normal   RegisteredNode      node/n1                    Node n1 event: Registered Node n1 in Controller\n" +
        "95s         Normal   Scheduled           pod/web-7b9f6c5d48-x2kqp   Successfully assigned default/web-7b9f6c5d48-x2kqp to n1\n" +
        "95s         Normal   ScalingReplicaSet   deployment/web             Scaled up replica set web-7b9f6c5d48 from 0 to 2\n",
    );
  });

  it("says No resources found on stderr, naming the namespace unless the type is cluster-scoped or -A", () => {
    const c = new TestCluster();
    expect(c.run("kubectl get pods")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", exitCode: 0 });
    expect(c.run("kubectl get deploy -n kube-system")).toEqual({ stdout: "", stderr: "No resources found in kube-system namespace.\n", exitCode: 0 });
    expect(c.run("kubectl get nodes")).toEqual({ stdout: "", stderr: "No resources found\n", exitCode: 0 });
    expect(c.run("kubectl get pods -A")).toEqual({ stdout: "", stderr: "No resources found\n", exitCode: 0 });
    expect(c.run("kubectl get pods,nodes")).toEqual({ stdout: "", stderr: "No resources found\n", exitCode: 0 });
  });

  it("shows restarts with the time of the last one", () => {
    const c = new TestCluster();
    c.node("n1");
    c.pod("crash", {
      node: "n1",
      ready: false,
      statuses: [{ state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 40s restarting failed container=nginx" } }, restartCount: 4, lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: c.ts() } } }],
    });
    c.advance(3 * MINUTE + 12 * SECOND);
    expect(c.run("kubectl get pods").stdout).toBe("NAME    READY   STATUS             RESTARTS        AGE\ncrash   0/1     CrashLoopBackOff   4 (3m12s ago)   3m12s\n");
  });
});

describe("kubectl get: yaml, json and name", () => {
  it("prints one named object bare, a query as a List", () => {
    const { c } = webCluster();
    const ns = c.run("kubectl get ns default -o yaml").stdout;
    const uid = c.client.get("namespaces", undefined, "default");
    if (!uid.ok) throw new Error("no namespace");
    expect(ns).toBe(
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: \"2026-01-01T09:00:00Z\"\n  labels:\n    kubernetes.io/metadata.name: default\n  name: default\n" +
        `  resourceVersion: "${uid.object.metadata.resourceVersion}"\n  uid: ${uid.object.metadata.uid}\nspec:\n  finalizers:\n  - kubernetes\nstatus:\n  phase: Active\n`,
    );
    expect(c.run("kubectl get pods -l app=none -o yaml").stdout).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(c.run("kubectl get pods -l app=none -o json").stdout).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
    const list = c.run("kubectl get leases -A -o yaml").stdout;
    expect(list.startsWith("apiVersion: v1\nitems:\n- apiVersion: coordination.k8s.io/v1\n  kind: Lease\n  metadata:\n")).toBe(true);
    expect(list.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it("prints names with their group", () => {
    const { c } = webCluster();
    expect(c.run("kubectl get deploy,rs,pods,nodes -o name").stdout).toBe(
      "deployment.apps/web\nreplicaset.apps/web-7b9f6c5d48\npod/web-7b9f6c5d48-ab3cd\npod/web-7b9f6c5d48-x2kqp\nnode/n1\nnode/worker-2\n",
    );
  });

  it("prints a missing single object as just the error", () => {
    const { c } = webCluster();
    expect(c.run("kubectl get pod nope -o yaml")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });
});

describe("kubectl get: errors", () => {
  it.each<[string, string]>([
    ["kubectl get foo", 'error: the server doesn\'t have a resource type "foo"\n'],
    ["kubectl get pods,foo", 'error: the server doesn\'t have a resource type "foo"\n'],
    [
      "kubectl get",
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    ],
    [
      "kubectl get pods -o foo",
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    ],
    ["kubectl get pod x -A", "error: a resource cannot be retrieved by name across all namespaces\n"],
    ["kubectl get pods -l app=web x", "error: name cannot be provided when a selector is specified\n"],
    ["kubectl get pod/a/b", "error: arguments in resource/name form may not have more than one slash\n"],
    [
      "kubectl get pod pod/x",
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    ],
    ["kubectl get pods --bogus", "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"],
    ["kubectl get pods -o", "error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n"],
  ])("%s", (line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});
