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

const NGINX_POD = `apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`;

const NGINX_POD_JSON = `{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "nginx",
        "labels": {
            "run": "nginx"
        }
    },
    "spec": {
        "containers": [
            {
                "name": "nginx",
                "image": "nginx",
                "resources": {}
            }
        ],
        "restartPolicy": "Always",
        "dnsPolicy": "ClusterFirst"
    },
    "status": {}
}
`;

describe("kubectl run", () => {
  it("creates the pod kubectl's generator builds", () => {
    const c = new TestCluster();
    const { seen, run } = recording(c);
    expect(run("kubectl run nginx --image=nginx")).toEqual({ stdout: "pod/nginx created\n", stderr: "", exitCode: 0 });
    expect(seen).toEqual(["create pods"]);
    const pod = c.client.get("pods", "default", "nginx");
    if (!pod.ok) throw new Error("not created");
    expect(pod.object.metadata.labels).toEqual({ run: "nginx" });
    expect(pod.object.spec.containers.map((x) => [x.name, x.image])).toEqual([["nginx", "nginx"]]);
    expect([pod.object.spec.dnsPolicy, pod.object.spec.restartPolicy]).toEqual(["ClusterFirst", "Always"]);
  });

  it("reports AlreadyExists from the server", () => {
    const c = new TestCluster();
    c.run("kubectl run nginx --image=nginx");
    expect(c.run("kubectl run nginx --image=nginx")).toEqual({ stdout: "", stderr: 'Error from server (AlreadyExists): pods "nginx" already exists\n', exitCode: 1 });
  });

  it("creates into -n's namespace with the restart policy, labels and -o name asked for", () => {
    const c = new TestCluster();
    expect(c.run("kubectl run job-1 -n kube-system --image=busybox:1.36 --restart=OnFailure -l app=batch,tier=jobs -o name").stdout).toBe("pod/job-1\n");
    const pod = c.client.get("pods", "kube-system", "job-1");
    if (!pod.ok) throw new Error("not created");
    expect(pod.object.metadata.labels).toEqual({ app: "batch", tier: "jobs" });
    expect(pod.object.spec.restartPolicy).toBe("OnFailure");
  });

  it("prints the object it would send under --dry-run=client, and sends nothing", () => {
    const c = new TestCluster();
    const { seen, run } = recording(c);
    const revision = c.api.revision;
    expect(run("kubectl run nginx --image=nginx --dry-run=client -o yaml")).toEqual({ stdout: NGINX_POD, stderr: "", exitCode: 0 });
    expect(run("kubectl run nginx --image=nginx --dry-run=client -o json")).toEqual({ stdout: NGINX_POD_JSON, stderr: "", exitCode: 0 });
    expect(run("kubectl run nginx --image=nginx --dry-run=client")).toEqual({ stdout: "pod/nginx created (dry run)\n", stderr: "", exitCode: 0 });
    expect(run("kubectl run nginx --image=nginx --dry-run=client -o name")).toEqual({ stdout: "pod/nginx\n", stderr: "", exitCode: 0 });
    expect(seen).toEqual([]);
    expect(c.api.revision).toBe(revision);
    expect(c.client.get("pods", "default", "nginx").ok).toBe(false);
  });

  it("fills every field the flags reach, as the generator does", () => {
    const c = new TestCluster();
    const line =
      "kubectl run web --image=nginx:1.27 --labels=app=web,tier=front --annotations=team=shop --env=MODE=prod --env=DEBUG= --port=8080 " +
      "--image-pull-policy=IfNotPresent --restart=Never --privileged --command --dry-run=client -o yaml -- /bin/sh -c 'sleep 1'";
    expect(c.run(line).stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  annotations:
    team: shop
  labels:
    app: web
    tier: front
  name: web
spec:
  containers:
  - command:
    - /bin/sh
    - -c
    - sleep 1
    env:
    - name: MODE
      value: prod
    - name: DEBUG
    image: nginx:1.27
    imagePullPolicy: IfNotPresent
    name: web
    ports:
    - containerPort: 8080
    resources: {}
    securityContext:
      privileged: true
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`);
    // Without --command the words after NAME are the container's args.
    expect(c.run("kubectl run s --image=busybox --dry-run=client -o json -- sleep 3600").stdout).toContain('"image": "busybox",\n                "args": [\n                    "sleep",\n                    "3600"\n                ],\n');
  });

  it("sets the namespace on a client dry run only when -n is given", () => {
    const c = new TestCluster();
    expect(c.run("kubectl run x --image=busybox -it --attach=false --dry-run=client -o yaml -n kube-system").stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  labels:
    run: x
  name: x
  namespace: kube-system
spec:
  containers:
  - image: busybox
    name: x
    resources: {}
    stdin: true
    stdinOnce: true
    tty: true
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
  });

  it("records the typed object as last-applied-configuration with --save-config", () => {
    const c = new TestCluster();
    expect(c.run("kubectl run x --image=busybox --save-config").stdout).toBe("pod/x created\n");
    const pod = c.client.get("pods", "default", "x");
    expect(pod.ok && pod.object.metadata.annotations).toEqual({
      "kubectl.kubernetes.io/last-applied-configuration":
        '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"x","labels":{"run":"x"}},"spec":{"containers":[{"name":"x","image":"busybox","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}\n',
    });
  });

  it("prints the created pod in struct order for -o json", () => {
    const c = new TestCluster();
    const out = c.run("kubectl run x --image=nginx -o json").stdout;
    expect(out.startsWith('{\n    "kind": "Pod",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "x",\n        "namespace": "default",\n        "uid": ')).toBe(true);
    expect(out).toContain('"status": {\n        "phase": "Pending",\n        "qosClass": "BestEffort"\n    }\n}\n');
  });

  it("applies --overrides to the generated pod", () => {
    const c = new TestCluster();
    const merge = c.run(`kubectl run y --image=busybox --overrides='{"spec":{"nodeName":"n1","containers":[{"name":"y","image":"busybox","args":["sleep","1"]}]}}' --dry-run=client -o json`);
    expect(merge.stdout).toContain('"containers": [\n            {\n                "name": "y",\n                "image": "busybox",\n                "args": [\n                    "sleep",\n                    "1"\n                ],\n                "resources": {}\n            }\n        ],\n        "restartPolicy": "Always",\n        "dnsPolicy": "ClusterFirst",\n        "nodeName": "n1"\n');
    const strategic = c.run(`kubectl run y --image=busybox --override-type=strategic --overrides='{"spec":{"containers":[{"name":"y","args":["sleep","1"]}]}}' --dry-run=client -o yaml`);
    expect(strategic.stdout).toContain('  containers:\n  - args:\n    - sleep\n    - "1"\n    image: busybox\n    name: "y"\n    resources: {}\n');
  });

  it("warns about the deprecated bare and boolean --dry-run, as klog prints it", () => {
    const c = new TestCluster();
    expect(c.run("kubectl run nginx --image=nginx --dry-run")).toEqual({
      stdout: "pod/nginx created (dry run)\n",
      stderr: "W0101 09:00:00.000000    1000 helpers.go:731] --dry-run is deprecated and can be replaced with --dry-run=client.\n",
      exitCode: 0,
    });
    c.advance(125_500);
    expect(c.run("kubectl run nginx --image=nginx --dry-run=true").stderr).toBe(
      "W0101 09:02:05.500000    1125 helpers.go:745] --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n",
    );
    expect(c.run("kubectl run nginx --image=nginx --dry-run=false")).toEqual({
      stdout: "pod/nginx created\n",
      stderr: "W0101 09:02:05.500000    1125 helpers.go:748] --dry-run=false is deprecated (boolean value) and can be replaced with --dry-run=none.\n",
      exitCode: 0,
    });
  });

  it("sends a server dry run, and stores nothing", () => {
    const c = new TestCluster();
    const { seen, run } = recording(c);
    const rev = c.api.revision;
    expect(run("kubectl run web --image=nginx --dry-run=server")).toEqual({ stdout: "pod/web created (server dry run)\n", stderr: "", exitCode: 0 });
    expect(seen).toEqual(["create pods"]);
    expect(c.api.revision).toBe(rev);
  });

  it("says what the console cannot do, without creating anything", () => {
    const c = new TestCluster();
    const { seen, run } = recording(c);
    const attach =
      'error: "kubectl run" with -i/--stdin, -t/--tty, --attach or --rm is not available in the Pod Pilot console: attaching to a container needs a container runtime\n';
    expect(run("kubectl run -it shell --image=busybox --restart=Never --rm -- sh")).toEqual({ stdout: "", stderr: attach, exitCode: 1 });
    expect(run("kubectl run shell --image=busybox --attach").stderr).toBe(attach);
    expect(run("kubectl run web --image=nginx --port=80 --expose").stderr).toBe('error: "kubectl run --expose" is not available in the Pod Pilot console: the simulated cluster has no Services\n');
    expect(run("kubectl run web --image=nginx --override-type=json --overrides='[]'").stderr).toBe(
      'error: "--override-type=json" is not available in the Pod Pilot console; use merge or strategic\n',
    );
    expect(seen).toEqual([]);
  });

  it.each<[string, string]>([
    ["kubectl run", 'error: required flag(s) "image" not set\n'],
    ["kubectl run nginx", 'error: required flag(s) "image" not set\n'],
    ["kubectl run --image=nginx", "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
    ["kubectl run --image=nginx -- sleep 1", "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
    ["kubectl run x --image=", "error: --image is required\n"],
    ["kubectl run x --image=NGINX", 'error: Invalid image name "NGINX": invalid reference format\n'],
    ["kubectl run x --image=nginx --restart=Sometimes", "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n"],
    ["kubectl run x --image=nginx --restart=always", "error: invalid restart policy: always\nSee 'kubectl run -h' for help and examples\n"],
    ["kubectl run x --image=nginx -t", "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n"],
    ["kubectl run x --image=nginx --rm", "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n"],
    ["kubectl run x --image=nginx --rm --cascade=bogus", 'error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n'],
    [
      "kubectl run x --image=nginx -i --dry-run=client",
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n",
    ],
    ["kubectl run x --image=nginx --expose", "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n"],
    ["kubectl run x --image=nginx --image-pull-policy=Sometimes", "error: invalid image pull policy: Sometimes\nSee 'kubectl run -h' for help and examples\n"],
    ["kubectl run x --image=nginx --pod-running-timeout=0s", "error: --pod-running-timeout must be higher than zero\nSee 'kubectl run -h' for help and examples\n"],
    ["kubectl run x --image=nginx --env=1A=b", "error: invalid env: 1A=b\n"],
    ["kubectl run x --image=nginx --env=NOVALUE", "error: invalid env: NOVALUE\n"],
    ["kubectl run x --image=nginx --annotations=a --annotations=b=c --annotations==d", "error: invalid annotations format: a, =d\n"],
    ["kubectl run x --image=nginx --labels=a", "error: unexpected label spec: a\n"],
    ["kubectl run x --image=nginx --labels==b", "error: unexpected empty label key\n"],
    ["kubectl run x --image=nginx --port=http", 'error: strconv.Atoi: parsing "http": invalid syntax\n'],
    ["kubectl run x --image=nginx --dry-run=bogus", 'error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n'],
    [
      "kubectl run x --image=nginx -o wide",
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    ],
    ["kubectl run x --image=nginx --overrides='{\"spec\":'", "error: Invalid JSON Patch\n"],
    ["kubectl run x --image=nginx --override-type=xml --overrides='{}'", "error: invalid override type: xml\n"],
    ["kubectl run x --image=nginx --template={{.kind}}", 'error: output format "go-template" is not available in the Pod Pilot console; use -o yaml, -o json, -o name or -o wide\n'],
  ])("%s", (line, stderr) => {
    const c = new TestCluster();
    const { seen, run } = recording(c);
    expect(run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
    expect(seen).toEqual([]);
  });

  it("lets the server judge names and values the client does not check", () => {
    const c = new TestCluster();
    const r = c.run("kubectl run Web --image=nginx");
    expect(r.exitCode).toBe(1);
    expect(r.stderr.startsWith('The Pod "Web" is invalid: ')).toBe(true);
  });
});
