import { describe, expect, it } from "vitest";
import { MINUTE, webCluster } from "../test-fixture.ts";

/** The web cluster plus a NotReady node, a pending pod made a minute later, and a newer event. */
function cluster() {
  const w = webCluster();
  const { c, n1 } = w;
  c.node("worker-3", { ready: "False", ip: "10.0.0.13" });
  c.pod("pending-1", { phase: "Pending" });
  c.advance(MINUTE);
  c.event(n1, "Warning", "NodeNotReady", "Node worker-3 status is now: NodeNotReady", "node-controller");
  return w;
}

const ok = (stdout: string) => ({ stdout, stderr: "", exitCode: 0 });
const fail = (stderr: string, stdout = "", exitCode = 1) => ({ stdout, stderr, exitCode });

describe("kubectl get -o jsonpath", () => {
  it.each<[string, string]>([
    // No newline is added: the prompt follows the output directly.
    [`kubectl get pods -o jsonpath='{.items[*].metadata.name}'`, "pending-1 web-7b9f6c5d48-ab3cd web-7b9f6c5d48-x2kqp"],
    [`kubectl get pod web-7b9f6c5d48-x2kqp -o jsonpath='{.status.phase}'`, "Running"],
    [`kubectl get pod web-7b9f6c5d48-x2kqp -o=jsonpath={.spec.nodeName}`, "n1"],
    [
      `kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}'`,
      "n1\tTrue\nworker-2\tTrue\nworker-3\tFalse\n",
    ],
    [`kubectl get pods -o jsonpath='{.items[?(@.status.phase=="Pending")].metadata.name}'`, "pending-1"],
    [`kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="InternalIP")].address}'`, "10.0.0.11 10.0.0.12 10.0.0.13"],
    [`kubectl get nodes -o jsonpath='{.items[0].metadata.labels.kubernetes\\.io/hostname}'`, "n1"],
    [`kubectl get deploy web -o jsonpath='{.spec.replicas}/{.status.readyReplicas} {.spec.template.spec.containers[0].image}'`, "2/2 nginx:1.27"],
    [`kubectl get pod web-7b9f6c5d48-x2kqp -o jsonpath='{.spec.containers[0].resources}'`, '{"requests":{"cpu":"100m","memory":"128Mi"}}'],
    [`kubectl get pods -o jsonpath='{.items[-1:].metadata.name}'`, "web-7b9f6c5d48-x2kqp"],
    [`kubectl get pods -o jsonpath='{.items[*].metadata.ownerReferences[0].name}'`, "web-7b9f6c5d48 web-7b9f6c5d48"],
    [`kubectl get pod web-7b9f6c5d48-x2kqp -o jsonpath='{.metadata.annotations}'`, ""],
    [`kubectl get pods -l app=none -o jsonpath='{.kind} {.items}'`, "List []"],
    [`kubectl get pods -o jsonpath --template='{.items[0].metadata.name}'`, "pending-1"],
    [`kubectl get pods -o jsonpath-as-json='{.items[*].metadata.name}'`, '[\n    "pending-1",\n    "web-7b9f6c5d48-ab3cd",\n    "web-7b9f6c5d48-x2kqp"\n]\n'],
    [`kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\n"}{end}' | grep web | wc -l`, "2\n"],
  ])("%s", (line, stdout) => {
    expect(cluster().c.run(line)).toEqual(ok(stdout));
  });

  it("reports an index out of bounds with the template and the object", () => {
    expect(cluster().c.run(`kubectl get pods -l app=none -o jsonpath='{.items[0]}'`)).toEqual(
      fail(
        'error: error executing jsonpath "{.items[0]}": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n' +
          "\ttemplate was:\n\t\t{.items[0]}\n" +
          '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}\n\n\n',
      ),
    );
  });

  it("errors on a missing key with --allow-missing-template-keys=false", () => {
    const r = cluster().c.run(`kubectl get pod web-7b9f6c5d48-x2kqp -o jsonpath='{.status.nope}' --allow-missing-template-keys=false`);
    expect(r.stderr.startsWith('error: error executing jsonpath "{.status.nope}": Error executing template: nope is not found. Printing more information')).toBe(true);
    expect(r.stderr.endsWith("}}\n\n\n")).toBe(true);
    expect([r.stdout, r.exitCode]).toEqual(["", 1]);
  });

  it.each<[string, string]>([
    [`kubectl get pods -o jsonpath='{.items[}'`, "error: error parsing jsonpath {.items[}, unterminated array\n"],
    [`kubectl get pods -o jsonpath='{.items[?(@.a=="b")}'`, 'error: error parsing jsonpath {.items[?(@.a=="b")}, unclosed array expect ]\n'],
    [`kubectl get pods -o jsonpath='{.metadata.name'`, "error: error parsing jsonpath {.metadata.name, unclosed action\n"],
    [`kubectl get pods -o jsonpath='{metadata.name}'`, 'error: error executing jsonpath "{metadata.name}": Error executing template: unrecognized identifier metadata. Printing more information for debugging the template:\n'],
    ["kubectl get pods -o jsonpath", "error: template format specified but no template given\n"],
    ["kubectl get pods -o jsonpath=", "error: template format specified but no template given\n"],
    ["kubectl get pod nope -o jsonpath='{.a['", 'Error from server (NotFound): pods "nope" not found\n'],
    [
      "kubectl get pods -o go-template='{{.metadata.name}}'",
      'error: output format "go-template" is not available in the Pod Pilot console; use -o jsonpath, -o custom-columns, -o yaml, -o json, -o name or -o wide\n',
    ],
    [
      "kubectl get pods --template='{{.metadata.name}}'",
      'error: output format "go-template" is not available in the Pod Pilot console; use -o jsonpath, -o custom-columns, -o yaml, -o json, -o name or -o wide\n',
    ],
  ])("%s", (line, stderr) => {
    const r = cluster().c.run(line);
    expect([r.stdout, r.stderr.slice(0, stderr.length), r.exitCode]).toEqual(["", stderr, 1]);
  });
});

describe("kubectl get -o custom-columns", () => {
  it.each<[string, string]>([
    [
      "kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName",
      "NAME                   NODE\npending-1              <none>\nweb-7b9f6c5d48-ab3cd   n1\nweb-7b9f6c5d48-x2kqp   n1\n",
    ],
    [
      "kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGES:.spec.containers[*].image,IP:status.podIP --no-headers",
      "pending-1              nginx:1.27   <none>\nweb-7b9f6c5d48-ab3cd   nginx:1.27   10.244.1.6\nweb-7b9f6c5d48-x2kqp   nginx:1.27   10.244.1.5\n",
    ],
    [
      `kubectl get nodes -o custom-columns='NODE:.metadata.name,READY:.status.conditions[?(@.type=="Ready")].status,UNSCHEDULABLE:.spec.unschedulable'`,
      "NODE       READY   UNSCHEDULABLE\nn1         True    <none>\nworker-2   True    true\nworker-3   False   <none>\n",
    ],
    ["kubectl get deploy web -o custom-columns=name:metadata.name,selector:spec.selector.matchLabels", "name   selector\nweb    map[app:web]\n"],
    ["kubectl get pods -l app=none -o custom-columns=NAME:.metadata.name", "NAME\n"],
    ["kubectl get pods -o custom-columns --template=NAME:.metadata.name --sort-by=.metadata.creationTimestamp", "NAME\nweb-7b9f6c5d48-ab3cd\nweb-7b9f6c5d48-x2kqp\npending-1\n"],
  ])("%s", (line, stdout) => {
    expect(cluster().c.run(line)).toEqual(ok(stdout));
  });

  it.each<[string, string, string]>([
    ["kubectl get pods -o custom-columns", "", "error: custom-columns format specified but no custom columns given\n"],
    ["kubectl get pods -o custom-columns=NAME", "", "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n"],
    ["kubectl get pods -o custom-columns=NAME:{.a}}", "", "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n"],
    ["kubectl get pods -o custom-columns=C:.spec.containers[1].name", "C\n", "error: array index out of bounds: index 1, length 1\n"],
    [
      "kubectl get pods -o custom-columns-file=cols.txt",
      "",
      'error: output format "custom-columns-file" is not available in the Pod Pilot console; use -o jsonpath, -o custom-columns, -o yaml, -o json, -o name or -o wide\n',
    ],
  ])("%s", (line, stdout, stderr) => {
    expect(cluster().c.run(line)).toEqual(fail(stderr, stdout));
  });
});

describe("kubectl get --sort-by", () => {
  it("sorts events by their last timestamp", () => {
    const { c } = cluster();
    expect(c.run("kubectl get events").stdout.split("\n")[2]).toBe("0s          Warning   NodeNotReady        node/n1                    Node worker-3 status is now: NodeNotReady");
    expect(c.run("kubectl get events --sort-by=.lastTimestamp")).toEqual(
      ok(
        "LAST SEEN   TYPE      REASON              OBJECT                     MESSAGE\n" +
          "2m35s       Normal    RegisteredNode      node/n1                    Node n1 event: Registered Node n1 in Controller\n" +
          "2m35s       Normal    Scheduled           pod/web-7b9f6c5d48-x2kqp   Successfully assigned default/web-7b9f6c5d48-x2kqp to n1\n" +
          "2m35s       Normal    ScalingReplicaSet   deployment/web             Scaled up replica set web-7b9f6c5d48 from 0 to 2\n" +
          "0s          Warning   NodeNotReady        node/n1                    Node worker-3 status is now: NodeNotReady\n",
      ),
    );
  });

  it.each<[string, string]>([
    [
      "kubectl get pods --sort-by=.metadata.creationTimestamp",
      "NAME                   READY   STATUS    RESTARTS   AGE\n" +
        "web-7b9f6c5d48-ab3cd   1/1     Running   0          2m35s\n" +
        "web-7b9f6c5d48-x2kqp   1/1     Running   0          2m35s\n" +
        "pending-1              0/1     Pending   0          60s\n",
    ],
    [
      "kubectl get pods -o wide --sort-by={.status.podIP}",
      "NAME                   READY   STATUS    RESTARTS   AGE     IP           NODE     NOMINATED NODE   READINESS GATES\n" +
        "pending-1              0/1     Pending   0          60s     <none>       <none>   <none>           <none>\n" +
        "web-7b9f6c5d48-x2kqp   1/1     Running   0          2m35s   10.244.1.5   n1       <none>           <none>\n" +
        "web-7b9f6c5d48-ab3cd   1/1     Running   0          2m35s   10.244.1.6   n1       <none>           <none>\n",
    ],
    ["kubectl get pods --sort-by=.status.podIP -o name", "pod/pending-1\npod/web-7b9f6c5d48-x2kqp\npod/web-7b9f6c5d48-ab3cd\n"],
    ["kubectl get nodes --sort-by=.status.conditions[-1].status --no-headers -o name", "node/worker-3\nnode/n1\nnode/worker-2\n"],
    ["kubectl get pods --sort-by=.status.podIP -o jsonpath={.items[*].metadata.name}", "pending-1 web-7b9f6c5d48-x2kqp web-7b9f6c5d48-ab3cd"],
    ["kubectl get pods,deploy --sort-by=.metadata.creationTimestamp -o name", "pod/web-7b9f6c5d48-ab3cd\npod/web-7b9f6c5d48-x2kqp\ndeployment.apps/web\npod/pending-1\n"],
    [
      "kubectl get pods,deploy --sort-by=.metadata.uid --no-headers -o wide --sort-by={.metadata.name}",
      "pod/pending-1              0/1   Pending   0     60s     <none>       <none>   <none>   <none>\n" +
        "pod/web-7b9f6c5d48-ab3cd   1/1   Running   0     2m35s   10.244.1.6   n1       <none>   <none>\n" +
        "pod/web-7b9f6c5d48-x2kqp   1/1   Running   0     2m35s   10.244.1.5   n1       <none>   <none>\n" +
        "deployment.apps/web   2/2   2     2     2m35s   nginx   nginx:1.27   app=web\n",
    ],
    ["kubectl get pod web-7b9f6c5d48-x2kqp --sort-by=.nope -o name", "pod/web-7b9f6c5d48-x2kqp\n"],
    ["kubectl get pods -l app=none --sort-by=.nope -o name", ""],
  ])("%s", (line, stdout) => {
    expect(cluster().c.run(line)).toEqual(ok(stdout));
  });

  it.each<[string, string, number]>([
    ["kubectl get pods --sort-by=.nope", 'error: couldn\'t find any field with path "{.nope}" in the list of objects\n', 1],
    ["kubectl get pod web-7b9f6c5d48-x2kqp --sort-by=.nope", 'error: couldn\'t find any field with path "{.nope}" in the list of objects\n', 1],
    ["kubectl get pods -o name --sort-by=.nope", 'error: couldn\'t find any field with path "{.nope}" in the list of objects\n', 1],
    ["kubectl get pods --sort-by='{.a['", "error: sorting error: unterminated array\n", 1],
    // Each table must have the field: deployments have no podIP.
    ["kubectl get deploy,pods --sort-by=.status.podIP", 'error: couldn\'t find any field with path "{.status.podIP}" in the list of objects\n', 1],
    ["kubectl get pods -o yaml --sort-by='{.a['", "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n", 1],
    [
      "kubectl get pods --sort-by=.metadata.labels",
      "F0101 09:07:35.000000    1455 sorter.go:375] Field {.metadata.labels} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}\n",
      255,
    ],
  ])("%s", (line, stderr, exitCode) => {
    expect(cluster().c.run(line)).toEqual(fail(stderr, "", exitCode));
  });
});
