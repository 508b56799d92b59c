import { describe, expect, it } from "vitest";
import { runKubectl } from "../kubectl.ts";
import { TestCluster, streams, type Streams } from "../test-fixture.ts";

/** A console whose client records every request it is asked to send. */
function recording(c: TestCluster): { seen: string[]; run: (line: string, stdin?: string) => Streams } {
  const seen: string[] = [];
  const client = c.client.withInterceptor((_u, req, send) => {
    seen.push(`${req.verb} ${"resource" in req ? req.resource : "pods"}`);
    return send();
  });
  return { seen, run: (line, stdin) => streams(runKubectl({ ...c.env, client }, line, stdin)) };
}

// kubectl v1.34 no longer prints creationTimestamp: null (metav1.ObjectMeta's omitzero).
const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`;

const WEB_DEPLOYMENT_JSON = `{
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "web",
        "labels": {
            "app": "web"
        }
    },
    "spec": {
        "replicas": 1,
        "selector": {
            "matchLabels": {
                "app": "web"
            }
        },
        "template": {
            "metadata": {
                "labels": {
                    "app": "web"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "nginx",
                        "image": "nginx",
                        "resources": {}
                    }
                ]
            }
        },
        "strategy": {}
    },
    "status": {}
}
`;

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: ghcr.io/acme/api:2.1
`;

describe("kubectl create --dry-run", () => {
  it("prints the deployment kubectl would send, and sends nothing", () => {
    const c = new TestCluster();
    const { seen, run } = recording(c);
    const revision = c.api.revision;
    expect(run("kubectl create deployment web --image=nginx --dry-run=client -o yaml")).toEqual({ stdout: WEB_DEPLOYMENT, stderr: "", exitCode: 0 });
    expect(run("kubectl create deployment web --image=nginx --dry-run=client -o json")).toEqual({ stdout: WEB_DEPLOYMENT_JSON, stderr: "", exitCode: 0 });
    expect(run("kubectl create deploy web --image=nginx --dry-run=client")).toEqual({ stdout: "deployment.apps/web created (dry run)\n", stderr: "", exitCode: 0 });
    expect(run("kubectl create deploy web --image=nginx --dry-run=client -o name").stdout).toBe("deployment.apps/web\n");
    expect(seen).toEqual([]);
    expect(c.api.revision).toBe(revision);
  });

  it("keeps -n, --replicas, --port and --save-config's annotation in the printed deployment", () => {
    const c = new TestCluster();
    expect(c.run("kubectl create deploy web --image=nginx:1.27 --replicas=3 --port=80 -n kube-system --save-config --dry-run=client -o yaml").stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","namespace":"kube-system","labels":{"app":"web"}},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80}],"resources":{}}]}},"strategy":{}},"status":{}}
  labels:
    app: web
  name: web
  namespace: kube-system
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.27
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
`);
    expect(c.client.get("deployments", "kube-system", "web").ok).toBe(false);
  });

  it("prints the namespace kubectl would send", () => {
    const c = new TestCluster();
    const { seen, run } = recording(c);
    expect(run("kubectl create ns team-a --dry-run=client -o yaml").stdout).toBe("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\nspec: {}\nstatus: {}\n");
    expect(run("kubectl create ns team-a --dry-run=client -o json").stdout).toBe(
      '{\n    "kind": "Namespace",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "team-a"\n    },\n    "spec": {},\n    "status": {}\n}\n',
    );
    expect(run("kubectl create namespace team-a --dry-run=client").stdout).toBe("namespace/team-a created (dry run)\n");
    expect(seen).toEqual([]);
  });

  it("prints manifests from -f as read, with the namespace filled in", () => {
    const c = new TestCluster();
    const { seen, run } = recording(c);
    expect(run("kubectl create -f - --dry-run=client", MANIFEST)).toEqual({ stdout: "namespace/shop created (dry run)\ndeployment.apps/api created (dry run)\n", stderr: "", exitCode: 0 });
    expect(run("kubectl create -f - --dry-run=client -o yaml", MANIFEST.split("---\n")[1]).stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: default
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - image: ghcr.io/acme/api:2.1
        name: api
`);
    expect(seen).toEqual([]);
  });

  it("warns about the deprecated bare --dry-run", () => {
    const c = new TestCluster();
    expect(c.run("kubectl create deploy web --image=nginx --dry-run -o name")).toEqual({
      stdout: "deployment.apps/web\n",
      stderr: "W0101 09:00:00.000000    1000 helpers.go:731] --dry-run is deprecated and can be replaced with --dry-run=client.\n",
      exitCode: 0,
    });
  });

  it("sends a server dry run with dryRun=All, prints the server's answer, and stores nothing", () => {
    const c = new TestCluster();
    const { seen, run } = recording(c);
    const rev = c.api.revision;
    expect(run("kubectl create deployment web --image=nginx --dry-run=server")).toEqual({ stdout: "deployment.apps/web created (server dry run)\n", stderr: "", exitCode: 0 });
    expect(run("kubectl create ns team-a --dry-run=server")).toEqual({ stdout: "namespace/team-a created (server dry run)\n", stderr: "", exitCode: 0 });
    expect(run("kubectl create -f - --dry-run=server", MANIFEST).stdout).toMatch(/ created \(server dry run\)\n$/);
    expect(run("kubectl apply -f - --dry-run=server", MANIFEST).stdout).toMatch(/ created \(server dry run\)\n$/);
    expect(seen).toEqual(["create deployments", "create namespaces", "create namespaces", "create deployments", "create namespaces", "create deployments"]);
    expect(c.api.revision).toBe(rev);
    // The server's answer carries what it would store: defaults, a uid, no resourceVersion.
    const yaml = run("kubectl create deployment web --image=nginx --dry-run=server -o yaml").stdout;
    expect(yaml).toContain("  uid: ");
    expect(yaml).toContain("  progressDeadlineSeconds: 600\n");
    expect(yaml).not.toContain("resourceVersion");
  });

  it.each<[string, string]>([
    ["kubectl create deployment web --image=nginx --dry-run=maybe", 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'],
    ["kubectl create ns team-a --dry-run=", 'error: Invalid dry-run value (). Must be "none", "server", or "client".\n'],
    [
      "kubectl create ns team-a -o wide",
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    ],
    ["kubectl create -f -", "error: no objects passed to create\n"],
  ])("%s", (line, stderr) => {
    const c = new TestCluster();
    expect(c.run(line, "")).toEqual({ stdout: "", stderr, exitCode: 1 });
  });

  it("records the typed namespace as last-applied-configuration with --save-config", () => {
    const c = new TestCluster();
    c.run("kubectl create ns team-a --save-config");
    const ns = c.client.get("namespaces", undefined, "team-a");
    expect(ns.ok && ns.object.metadata.annotations).toEqual({
      "kubectl.kubernetes.io/last-applied-configuration": '{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"team-a"},"spec":{},"status":{}}\n',
    });
  });
});
