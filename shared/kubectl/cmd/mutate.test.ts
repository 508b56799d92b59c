import { describe, expect, it } from "vitest";
import { TestCluster, webCluster } from "../test-fixture.ts";

describe("kubectl scale", () => {
  it.each(["kubectl scale deployment web --replicas=3", "kubectl scale deploy/web --replicas 3", "kubectl scale deployment.apps/web --replicas=3", "kubectl scale --replicas=3 deployments web"])(
    "%s",
    (line) => {
      const { c } = webCluster();
      expect(c.run(line)).toEqual({ stdout: "deployment.apps/web scaled\n", stderr: "", exitCode: 0 });
      const d = c.client.get("deployments", "default", "web");
      expect(d.ok && d.object.spec.replicas).toBe(3);
    },
  );

  it("scales replicasets, checks --current-replicas, prints names with -o name", () => {
    const { c } = webCluster();
    expect(c.run("kubectl scale rs web-7b9f6c5d48 --replicas=0 -o name").stdout).toBe("replicaset.apps/web-7b9f6c5d48\n");
    expect(c.run("kubectl scale deploy web --current-replicas=5 --replicas=1")).toEqual({ stdout: "", stderr: "error: Expected replicas to be 5, was 2\n", exitCode: 1 });
  });

  it.each<[string, string]>([
    // NewCmdScale marks --replicas required, so cobra refuses before Validate.
    ["kubectl scale deploy web", 'error: required flag(s) "replicas" not set\n'],
    ["kubectl scale deploy web --replicas=-1", "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n"],
    // v1.34 drops the lookup error (1.35 prints the NotFound).
    ["kubectl scale deploy nope --replicas=1", "error: no objects passed to scale\n"],
    ["kubectl scale deploy web --replicas=two", 'error: invalid argument "two" for "--replicas" flag: strconv.ParseInt: parsing "two": invalid syntax\nSee \'kubectl scale --help\' for usage.\n'],
  ])("%s", (line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});

describe("kubectl delete", () => {
  it("prints the v1.34 line with the namespace, and cluster-scoped without", () => {
    const { c } = webCluster();
    expect(c.run("kubectl delete pod web-7b9f6c5d48-ab3cd")).toEqual({ stdout: 'pod "web-7b9f6c5d48-ab3cd" deleted from default namespace\n', stderr: "", exitCode: 0 });
    expect(c.run("kubectl delete deploy/web rs/web-7b9f6c5d48").stdout).toBe(
      'deployment.apps "web" deleted from default namespace\nreplicaset.apps "web-7b9f6c5d48" deleted from default namespace\n',
    );
    expect(c.run("kubectl delete node worker-2").stdout).toBe('node "worker-2" deleted\n');
  });

  it("deletes gracefully by default and at once with --force", () => {
    const { c } = webCluster();
    c.run("kubectl delete pod web-7b9f6c5d48-ab3cd");
    expect(c.run("kubectl get pod web-7b9f6c5d48-ab3cd --no-headers").stdout).toBe("web-7b9f6c5d48-ab3cd   1/1   Terminating   0     95s\n");
    expect(c.run("kubectl delete pod web-7b9f6c5d48-x2kqp --grace-period=0 --force")).toEqual({
      stdout: 'pod "web-7b9f6c5d48-x2kqp" force deleted from default namespace\n',
      stderr:
        "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
      exitCode: 0,
    });
    expect(c.run("kubectl get pod web-7b9f6c5d48-x2kqp").stderr).toBe('Error from server (NotFound): pods "web-7b9f6c5d48-x2kqp" not found\n');
    expect(c.run("kubectl delete pod web-7b9f6c5d48-ab3cd --force").stdout).toBe('pod "web-7b9f6c5d48-ab3cd" force deleted from default namespace\n');
  });

  it("deletes by selector or --all, and says No resources found on stdout", () => {
    const { c } = webCluster();
    expect(c.run("kubectl delete pods -l app=web").stdout).toBe(
      'pod "web-7b9f6c5d48-ab3cd" deleted from default namespace\npod "web-7b9f6c5d48-x2kqp" deleted from default namespace\n',
    );
    expect(c.run("kubectl delete pods -l app=none")).toEqual({ stdout: "No resources found\n", stderr: "", exitCode: 0 });
    expect(c.run("kubectl delete deploy --all -o name").stdout).toBe("deployment.apps/web\n");
  });

  it.each<[string, string]>([
    ["kubectl delete pod nope", 'Error from server (NotFound): pods "nope" not found\n'],
    ["kubectl delete pods", "error: resource(s) were provided, but no name was specified\n"],
    [
      "kubectl delete",
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    ["kubectl delete pod x --grace-period=5 --force", "error: --force and --grace-period greater than 0 cannot be specified together\n"],
    ["kubectl delete pod x --now --grace-period=3", "error: --now and --grace-period cannot be specified together\n"],
    ["kubectl delete pods --all -l app=web", "error: cannot set --all and --selector at the same time\n"],
    ["kubectl delete pod x -o yaml", "error: unexpected -o output mode: yaml. We only support '-o name'\n"],
    ["kubectl delete ns default", 'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n'],
  ])("%s", (line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });

  it("ignores missing objects with --ignore-not-found", () => {
    const { c } = webCluster();
    expect(c.run("kubectl delete pod nope --ignore-not-found")).toEqual({ stdout: "No resources found\n", stderr: "", exitCode: 0 });
  });
});

describe("kubectl label", () => {
  it("adds, overwrites and removes labels", () => {
    const { c } = webCluster();
    expect(c.run("kubectl label nodes n1 disk=ssd zone=a")).toEqual({ stdout: "node/n1 labeled\n", stderr: "", exitCode: 0 });
    expect(c.run("kubectl label node n1 disk=ssd").stdout).toBe("node/n1 not labeled\n");
    expect(c.run("kubectl label node n1 disk=hdd --overwrite").stdout).toBe("node/n1 labeled\n");
    expect(c.run("kubectl label node n1 disk-").stdout).toBe("node/n1 unlabeled\n");
    expect(c.run("kubectl label node n1 gone-")).toEqual({ stdout: 'label "gone" not found.\nnode/n1 not labeled\n', stderr: "", exitCode: 0 });
    expect(c.run("kubectl get node n1 --show-labels --no-headers").stdout).toBe(
      "n1    Ready   control-plane   6m35s   v1.34.10   kubernetes.io/arch=amd64,kubernetes.io/hostname=n1,kubernetes.io/os=linux,node-role.kubernetes.io/control-plane=,zone=a\n",
    );
    expect(c.run("kubectl label pods --all tier=front").stdout).toBe("pod/web-7b9f6c5d48-ab3cd labeled\npod/web-7b9f6c5d48-x2kqp labeled\n");
    expect(c.run("kubectl label deploy/web tier=front -o name").stdout).toBe("deployment.apps/web\n");
  });

  it.each<[string, string]>([
    ["kubectl label pod web-7b9f6c5d48-ab3cd app=x", "error: 'app' already has a value (web), and --overwrite is false\n"],
    ["kubectl label pod web-7b9f6c5d48-ab3cd a=b=c", "error: invalid label spec: a=b=c\n"],
    [
      "kubectl label pod web-7b9f6c5d48-ab3cd 'a=b c'",
      `error: invalid label value: "a=b c": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
    ],
    ["kubectl label pod web-7b9f6c5d48-ab3cd a=b a-", "error: can not both modify and remove a label in the same command\n"],
    ["kubectl label pod", "error: at least one label update is required\n"],
    ["kubectl label pod a=b x", "error: all resources must be specified before label changes: x\n"],
    ["kubectl label pod nope a=b", 'Error from server (NotFound): pods "nope" not found\n'],
  ])("%s", (line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});

describe("kubectl taint", () => {
  it("adds, refuses duplicates, overwrites and removes taints", () => {
    const { c } = webCluster();
    expect(c.run("kubectl taint nodes n1 dedicated=gpu:NoSchedule")).toEqual({ stdout: "node/n1 tainted\n", stderr: "", exitCode: 0 });
    expect(c.run("kubectl taint nodes n1 dedicated=gpu:NoSchedule")).toEqual({
      stdout: "",
      stderr: "error: node n1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n",
      exitCode: 1,
    });
    expect(c.run("kubectl taint node n1 dedicated=cpu:NoSchedule --overwrite").stdout).toBe("node/n1 modified\n");
    expect(c.run("kubectl taint no n1 spot:PreferNoSchedule").stdout).toBe("node/n1 tainted\n");
    const n1 = c.client.get("nodes", undefined, "n1");
    expect(n1.ok && n1.object.spec.taints).toEqual([
      { key: "spot", effect: "PreferNoSchedule" },
      { key: "dedicated", value: "cpu", effect: "NoSchedule" },
    ]);
    expect(c.run("kubectl taint nodes n1 dedicated:NoSchedule-").stdout).toBe("node/n1 untainted\n");
    expect(c.run("kubectl taint nodes n1 spot-").stdout).toBe("node/n1 untainted\n");
    const after = c.client.get("nodes", undefined, "n1");
    expect(after.ok && after.object.spec.taints).toBeUndefined();
  });

  it.each<[string, string]>([
    ["kubectl taint nodes n1 gone-", 'error: taint "gone" not found\n'],
    ["kubectl taint nodes n1 x:NoSchedule-", 'error: taint "x:NoSchedule" not found\n'],
    ["kubectl taint nodes n1 a=b:Sometimes", "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n"],
    [
      "kubectl taint nodes n1 a=b",
      "error: invalid taint spec: a=b, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples\n",
    ],
    [
      "kubectl taint nodes n1 =b:NoSchedule",
      "error: invalid taint spec: =b:NoSchedule, name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples\n",
    ],
    ["kubectl taint nodes n1", "error: at least one taint update is required\n"],
    ["kubectl taint pods x a=b:NoSchedule", "error: invalid resource type pods, only node types are supported\n"],
    ["kubectl taint nodes a=b:NoSchedule", "error: at least one resource name must be specified since 'all' parameter is not set\n"],
    ["kubectl taint nodes n1 a:NoSchedule a-", "error: can not both modify and remove the following taint(s) in the same command: a=\n"],
    ["kubectl taint nodes nope a=b:NoSchedule", 'Error from server (NotFound): nodes "nope" not found\n'],
  ])("%s", (line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});

describe("kubectl create", () => {
  it("creates the deployment kubectl generates", () => {
    const c = new TestCluster();
    expect(c.run("kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80")).toEqual({ stdout: "deployment.apps/web created\n", stderr: "", exitCode: 0 });
    const d = c.client.get("deployments", "default", "web");
    if (!d.ok) throw new Error("not created");
    expect(d.object.metadata.labels).toEqual({ app: "web" });
    expect(d.object.spec.replicas).toBe(3);
    expect(d.object.spec.selector).toEqual({ matchLabels: { app: "web" } });
    expect(d.object.spec.template.metadata?.labels).toEqual({ app: "web" });
    expect(d.object.spec.template.spec.containers.map((x) => [x.name, x.image, x.ports])).toEqual([["nginx", "nginx:1.27", [{ containerPort: 80, protocol: "TCP" }]]]);
  });

  it("names containers after the image, with a suffix when the name needs sanitising", () => {
    const c = new TestCluster();
    c.run("kubectl create deploy api --image=registry.example.com:5000/team/api-server@sha256:abc -- sleep 3600");
    c.run("kubectl create deploy two --image=ghcr.io/acme/web:1.0,redis:7");
    c.run("kubectl create deploy dotted -n kube-system --image=docker.io/my_org/node.js");
    const names = (ns: string, name: string): string[] => {
      const d = c.client.get("deployments", ns, name);
      return d.ok ? d.object.spec.template.spec.containers.map((x) => x.name) : [];
    };
    expect(names("default", "api")).toEqual(["api-server"]);
    const api = c.client.get("deployments", "default", "api");
    expect(api.ok && api.object.spec.template.spec.containers[0]!.command).toEqual(["sleep", "3600"]);
    expect(names("default", "two")).toEqual(["web", "redis"]);
    const dotted = names("kube-system", "dotted");
    expect(dotted).toHaveLength(1);
    expect(dotted[0]).toMatch(/^node-js-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it("creates namespaces and reports the errors kubectl reports", () => {
    const c = new TestCluster();
    expect(c.run("kubectl create namespace team-a").stdout).toBe("namespace/team-a created\n");
    expect(c.run("kubectl create ns team-a")).toEqual({ stdout: "", stderr: 'Error from server (AlreadyExists): namespaces "team-a" already exists\n', exitCode: 1 });
    c.run("kubectl create deployment web --image=nginx");
    expect(c.run("kubectl create deployment web --image=nginx")).toEqual({ stdout: "", stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n', exitCode: 1 });
    expect(c.run("kubectl create deployment web2")).toEqual({ stdout: "", stderr: 'error: required flag(s) "image" not set\n', exitCode: 1 });
    expect(c.run("kubectl create deployment --image=nginx")).toEqual({ stdout: "", stderr: "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n", exitCode: 1 });
    expect(c.run("kubectl create deployment a b --image=nginx")).toEqual({ stdout: "", stderr: "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n", exitCode: 1 });
    expect(c.run("kubectl create deployment x --image=a,b -- sleep 1")).toEqual({ stdout: "", stderr: "error: cannot specify multiple --image options and command\n", exitCode: 1 });
    expect(c.run("kubectl create")).toEqual({ stdout: "", stderr: "Error: must specify one of -f and -k\n\n", exitCode: 1 });
    expect(c.run("kubectl create foo")).toEqual({
      stdout: "",
      stderr: "Error: must specify one of -f and -k\n\nerror: unknown command \"foo\"\nSee 'kubectl create -h' for help and examples\n",
      exitCode: 1,
    });
  });

  it("creates from standard input", () => {
    const c = new TestCluster();
    const ns = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n";
    expect(c.run("kubectl create -f -", ns)).toEqual({
      stdout: "namespace/shop created\n",
      stderr: 'Error from server (AlreadyExists): error when creating "STDIN": namespaces "shop" already exists\n',
      exitCode: 1,
    });
  });
});
