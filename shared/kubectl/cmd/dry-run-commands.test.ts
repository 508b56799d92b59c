import { describe, expect, it } from "vitest";
import type { ApiRequest } from "../../sim/apiserver/types.ts";
import { runKubectl } from "../kubectl.ts";
import { streams, webCluster, type TestCluster } from "../test-fixture.ts";

/** Runs a line on a console whose client records every write it sends. */
function recorded(c: TestCluster, line: string, stdin?: string): { result: ReturnType<typeof streams>; sent: ApiRequest[] } {
  const sent: ApiRequest[] = [];
  const client = c.client.withInterceptor((_u, req, send) => {
    sent.push(req);
    return send();
  });
  return { result: streams(runKubectl({ ...c.env, client }, line, stdin)), sent };
}

const API = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: nginx
`;

const POD = "web-7b9f6c5d48-x2kqp";

// Every mutating command, under --dry-run=client and --dry-run=server: kubectl's exact
// lines, and the cluster unchanged (etcd's revision is where every write would show).
// A client dry run sends nothing; a server dry run sends each write with dryRun=All.
describe.each<[string, string | undefined, string]>([
  ["kubectl scale deployment web --replicas=5", undefined, "deployment.apps/web scaled$\n"],
  ["kubectl cordon n1", undefined, "node/n1 cordoned$\n"],
  ["kubectl uncordon worker-2", undefined, "node/worker-2 uncordoned$\n"],
  ["kubectl cordon worker-2", undefined, "node/worker-2 already cordoned$\n"],
  [
    "kubectl drain n1",
    undefined,
    "node/n1 cordoned$\nevicting pod default/web-7b9f6c5d48-ab3cd$\nevicting pod default/web-7b9f6c5d48-x2kqp$\nnode/n1 drained$\n",
  ],
  ["kubectl delete deployment web", undefined, 'deployment.apps "web" deleted from default namespace$\n'],
  ["kubectl delete node worker-2", undefined, 'node "worker-2" deleted$\n'],
  ["kubectl delete pods --all", undefined, `pod "web-7b9f6c5d48-ab3cd" deleted from default namespace$\npod "${POD}" deleted from default namespace$\n`],
  [`kubectl label pod ${POD} tier=front`, undefined, `pod/${POD} labeled$\n`],
  [`kubectl annotate pod ${POD} owner=me`, undefined, `pod/${POD} annotated$\n`],
  ["kubectl taint node n1 dedicated=db:NoSchedule", undefined, "node/n1 tainted$\n"],
  [`kubectl patch deployment web -p '{"spec":{"replicas":3}}'`, undefined, "deployment.apps/web patched$\n"],
  [`kubectl patch deployment web --subresource=scale -p '{"spec":{"replicas":3}}'`, undefined, "scale.autoscaling/web patched$\n"],
  ["kubectl apply -f -", API, "deployment.apps/api created$\n"],
  ["kubectl create -f -", API, "deployment.apps/api created$\n"],
  ["kubectl create deployment api --image=nginx", undefined, "deployment.apps/api created$\n"],
  ["kubectl create namespace team-a", undefined, "namespace/team-a created$\n"],
  ["kubectl set image deployment/web nginx=nginx:1.28", undefined, "deployment.apps/web image updated$\n"],
  ["kubectl run tmp --image=busybox --restart=Never", undefined, "pod/tmp created$\n"],
])("%s", (line, stdin, expected) => {
  it.each<["client" | "server", string]>([
    ["client", " (dry run)"],
    ["server", " (server dry run)"],
  ])("--dry-run=%s prints kubectl's line and changes nothing", (mode, suffix) => {
    const { c } = webCluster();
    const rev = c.api.revision;
    const { result, sent } = recorded(c, `${line} --dry-run=${mode}`, stdin);
    expect(result).toEqual({ stdout: expected.replaceAll("$", suffix), stderr: "", exitCode: 0 });
    expect(c.api.revision).toBe(rev);
    if (mode === "client") expect(sent).toEqual([]);
    else {
      // A node already cordoned needs no write.
      expect(sent.length > 0).toBe(!expected.includes("already"));
      expect(sent.every((r) => r.dryRun === true)).toBe(true);
    }
  });
});

describe("dry run against objects that exist", () => {
  it("apply configures and replace replaces nothing", () => {
    const { c } = webCluster();
    const live = c.run("kubectl get deployment web -o yaml").stdout;
    const rev = c.api.revision;
    expect(c.run("kubectl apply -f - --dry-run=server", live.replace("replicas: 2", "replicas: 4"))).toEqual({
      stdout: "deployment.apps/web configured (server dry run)\n",
      stderr:
        "Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n",
      exitCode: 0,
    });
    expect(c.run("kubectl replace -f - --dry-run=server", live).stdout).toBe("deployment.apps/web replaced (server dry run)\n");
    expect(c.run("kubectl replace -f - --dry-run=client", live).stdout).toBe("deployment.apps/web replaced (dry run)\n");
    expect(c.api.revision).toBe(rev);
  });

  it("a server dry run still gets the API server's refusals", () => {
    const { c } = webCluster();
    expect(c.run(`kubectl patch deployment web -p '{"spec":{"replicas":-1}}' --dry-run=server`).stderr).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
    expect(c.run("kubectl create deployment web --image=nginx --dry-run=server").stderr).toBe('error: failed to create deployment: deployments.apps "web" already exists\n');
    expect(c.run("kubectl scale deployment nope --replicas=1 --dry-run=server").stderr).toBe("error: no objects passed to scale\n");
  });

  it("delete does not wait under dry run, and scale -o yaml shows the new size", () => {
    const { c } = webCluster();
    expect(c.run("kubectl scale deployment web --replicas=7 --dry-run=client -o yaml").stdout).toContain("\n  replicas: 7\n");
    expect(c.must(c.client.get("deployments", "default", "web")).spec.replicas).toBe(2);
  });

  it("the deprecation warning reaches the console before the result", () => {
    const { c } = webCluster();
    const r = c.runOrdered("kubectl scale deployment web --replicas=5 --dry-run");
    expect(r.output.map((o) => o.stream)).toEqual(["stderr", "stdout"]);
    expect(r.output[0]!.text).toMatch(/helpers\.go:731\] --dry-run is deprecated and can be replaced with --dry-run=client\.\n$/);
    expect(r.output[1]!.text).toBe("deployment.apps/web scaled (dry run)\n");
  });
});
