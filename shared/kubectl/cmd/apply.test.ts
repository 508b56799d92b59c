import { describe, expect, it } from "vitest";
import { TestCluster } from "../test-fixture.ts";

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

const LAST_APPLIED =
  '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n';

function live(c: TestCluster) {
  const d = c.client.get("deployments", "default", "web");
  if (!d.ok) throw new Error("no deployment");
  return d.object;
}

describe("kubectl apply -f -", () => {
  it("creates with the last-applied-configuration annotation, then is unchanged", () => {
    const c = new TestCluster();
    expect(c.run("kubectl apply -f -", MANIFEST)).toEqual({ stdout: "deployment.apps/web created\n", stderr: "", exitCode: 0 });
    expect(live(c).metadata.annotations).toEqual({ "kubectl.kubernetes.io/last-applied-configuration": LAST_APPLIED });
    expect(c.run("kubectl apply -f -", MANIFEST)).toEqual({ stdout: "deployment.apps/web unchanged\n", stderr: "", exitCode: 0 });
    expect(c.run("kubectl get deploy web -o yaml").stdout).toContain(
      `  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      ${LAST_APPLIED.trimEnd()}\n  creationTimestamp:`,
    );
  });

  it("configures changed fields and removes fields the manifest dropped", () => {
    const c = new TestCluster();
    c.run("kubectl apply -f -", MANIFEST.replace("    app: web\nspec:", "    app: web\n    tier: front\nspec:"));
    const changed = MANIFEST.replace("replicas: 3", "replicas: 5").replace("image: nginx:1.27", "image: nginx:1.28");
    expect(c.run("kubectl apply -f -", changed)).toEqual({ stdout: "deployment.apps/web configured\n", stderr: "", exitCode: 0 });
    const d = live(c);
    expect(d.spec.replicas).toBe(5);
    expect(d.spec.template.spec.containers[0]!.image).toBe("nginx:1.28");
    expect(d.spec.template.spec.containers[0]!.imagePullPolicy).toBe("IfNotPresent");
    expect(d.metadata.labels).toEqual({ app: "web" });
  });

  it("keeps fields others set on the live object", () => {
    const c = new TestCluster();
    c.run("kubectl apply -f -", MANIFEST);
    c.run("kubectl scale deploy web --replicas=7");
    c.run("kubectl label deploy web owner=ops");
    expect(c.run("kubectl apply -f -", MANIFEST).stdout).toBe("deployment.apps/web configured\n");
    expect(live(c).spec.replicas).toBe(3);
    expect(live(c).metadata.labels).toEqual({ app: "web", owner: "ops" });
  });

  it("warns when the live object has no annotation, and patches it in", () => {
    const c = new TestCluster();
    c.run("kubectl create deployment web --image=nginx:1.27");
    expect(c.run("kubectl apply -f -", MANIFEST)).toEqual({
      stdout: "deployment.apps/web configured\n",
      stderr:
        "Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n",
      exitCode: 0,
    });
    expect(live(c).metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toBe(LAST_APPLIED);
  });

  it("applies several documents and Lists, in order, into -n's namespace", () => {
    const c = new TestCluster();
    c.run("kubectl create ns shop");
    const docs = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata:
    name: tools
---
${MANIFEST}---
`;
    expect(c.run("kubectl apply -n shop -f -", docs)).toEqual({ stdout: "namespace/tools created\ndeployment.apps/web created\n", stderr: "", exitCode: 0 });
    expect(c.client.get("deployments", "shop", "web").ok).toBe(true);
    expect(c.run("kubectl apply -n tools -f -", MANIFEST.replace("  name: web\n", "  name: web\n  namespace: shop\n"))).toEqual({
      stdout: "",
      stderr: `error: the namespace from the provided object "shop" does not match the namespace "tools". You must pass '--namespace=shop' to perform this operation.\n`,
      exitCode: 1,
    });
  });

  it.each<[string, string, string]>([
    ["kubectl apply -f -", "", "error: no objects passed to apply\n"],
    ["kubectl apply", MANIFEST, "error: must specify one of -f and -k\n"],
    ["kubectl apply -f web.yaml", MANIFEST, 'error: the path "web.yaml" does not exist\n'],
    [
      "kubectl apply -f -",
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n",
      'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Service" in version "v1"\nensure CRDs are installed first\n',
    ],
    ["kubectl apply -f -", MANIFEST.replace("replicas: 3", "replicas: -1"), 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'],
    ["kubectl apply -f -", "metadata:\n  name: x\n", `error: unable to decode "STDIN": Object 'Kind' is missing in '{"metadata":{"name":"x"}}'\n`],
  ])("%s reports errors", (line, stdin, stderr) => {
    const c = new TestCluster();
    expect(c.run(line, stdin)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});
