import { describe, expect, it } from "vitest";
import { runKubectl } from "./kubectl.ts";
import { TestCluster, webCluster } from "./test-fixture.ts";

describe("runKubectl: the console line", () => {
  it("accepts k as kubectl and flags before the subcommand", () => {
    const { c } = webCluster();
    const expected = c.run("kubectl get pods -n default");
    expect(c.run("k get pods")).toEqual(expected);
    expect(c.run("kubectl -n default get pods")).toEqual(expected);
    expect(c.run("kubectl get -o wide pods").stdout).toBe(c.run("kubectl get pods -o wide").stdout);
    expect(c.run("kubectl --namespace=kube-system get pods").stderr).toBe("No resources found in kube-system namespace.\n");
  });

  it("does nothing for an empty line", () => {
    const c = new TestCluster();
    expect(c.run("   ")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("refuses other programs with exit code 127", () => {
    const c = new TestCluster();
    expect(c.run("ls -l")).toEqual({ stdout: "", stderr: 'ls: command not found (this console runs kubectl commands only; try "kubectl get pods")\n', exitCode: 127 });
  });

  it("reports unknown commands with cobra's suggestions", () => {
    const c = new TestCluster();
    expect(c.run("kubectl frobnicate")).toEqual({ stdout: "", stderr: 'error: unknown command "frobnicate" for "kubectl"\n', exitCode: 1 });
    expect(c.run("kubectl foo").stderr).toBe('error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n');
    expect(c.run("kubectl gte pods")).toEqual({ stdout: "", stderr: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n', exitCode: 1 });
    expect(c.run("kubectl des pod x").stderr).toBe('error: unknown command "des" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tdescribe\n');
    // -A is not a root flag, so cobra takes "get" as its value and "pods" as the command.
    expect(c.run("kubectl -A get pods").stderr).toBe('error: unknown command "pods" for "kubectl"\n\nDid you mean this?\n\tlogs\n');
  });

  it("says which real kubectl commands the console does not run", () => {
    const c = new TestCluster();
    expect(c.run("kubectl logs web -f")).toEqual({ stdout: "", stderr: 'error: "kubectl logs -f" is not available in the Pod Pilot console\n', exitCode: 1 });
    expect(c.run("kubectl exec web -- ls").stderr).toBe('error: "kubectl exec" is not available in the Pod Pilot console\n');
  });

  it("reports quoting errors as the shell would", () => {
    const c = new TestCluster();
    expect(c.run("kubectl get 'pods")).toEqual({ stdout: "", stderr: "bash: unexpected EOF while looking for matching `''\n", exitCode: 2 });
  });

  it("prints the root help for a bare kubectl", () => {
    const c = new TestCluster();
    const help = c.run("kubectl").stdout;
    expect(help.startsWith("kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nBasic Commands (Beginner):\n  create          Create a resource from a file or from stdin\n")).toBe(true);
    expect(help.endsWith('Use "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
    expect(c.run("kubectl --bogus")).toEqual({ stdout: "", stderr: "error: unknown flag: --bogus\nSee 'kubectl --help' for usage.\n", exitCode: 1 });
  });

  it("prints version, api-resources and cluster-info", () => {
    const c = new TestCluster();
    expect(c.run("kubectl version").stdout).toBe("Client Version: v1.34.10\nKustomize Version: v5.7.1\nServer Version: v1.34.10\n");
    expect(c.run("kubectl version --client").stdout).toBe("Client Version: v1.34.10\nKustomize Version: v5.7.1\n");
    expect(c.run("kubectl api-resources").stdout).toBe(
      "NAME                  SHORTNAMES   APIVERSION                     NAMESPACED   KIND\n" +
        "events                ev           v1                             true         Event\n" +
        "limitranges           limits       v1                             true         LimitRange\n" +
        "namespaces            ns           v1                             false        Namespace\n" +
        "nodes                 no           v1                             false        Node\n" +
        "pods                  po           v1                             true         Pod\n" +
        "resourcequotas        quota        v1                             true         ResourceQuota\n" +
        "serviceaccounts       sa           v1                             true         ServiceAccount\n" +
        "deployments           deploy       apps/v1                        true         Deployment\n" +
        "replicasets           rs           apps/v1                        true         ReplicaSet\n" +
        "leases                             coordination.k8s.io/v1         true         Lease\n" +
        "clusterrolebindings                rbac.authorization.k8s.io/v1   false        ClusterRoleBinding\n" +
        "clusterroles                       rbac.authorization.k8s.io/v1   false        ClusterRole\n" +
        "rolebindings                       rbac.authorization.k8s.io/v1   true         RoleBinding\n" +
        "roles                              rbac.authorization.k8s.io/v1   true         Role\n" +
        "priorityclasses       pc           scheduling.k8s.io/v1           false        PriorityClass\n",
    );
    expect(c.run("kubectl api-resources --namespaced=false -o name").stdout).toBe(
      "namespaces\nnodes\nclusterrolebindings.rbac.authorization.k8s.io\nclusterroles.rbac.authorization.k8s.io\npriorityclasses.scheduling.k8s.io\n",
    );
    expect(c.run("kubectl api-resources --categories=all -o name").stdout).toBe("pods\ndeployments.apps\nreplicasets.apps\n");
    expect(c.run("kubectl api-resources --verbs=list,watch --api-group=scheduling.k8s.io -o name").stdout).toBe("priorityclasses.scheduling.k8s.io\n");
    expect(c.run("kubectl api-resources --verbs=list --verbs=proxy -o name").stdout).toBe("");
    expect(c.run("kubectl api-resources --categories=all,bogus -o name").stdout).toBe("");
    expect(c.run("kubectl cluster-info").stdout).toBe(
      "Kubernetes control plane is running at https://127.0.0.1:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it("writes through the client, so a recorder sees each request", () => {
    const { c } = webCluster();
    const seen: string[] = [];
    const env = { ...c.env, client: c.client.withInterceptor((_u, req, send) => (seen.push(`${req.verb} ${"resource" in req ? req.resource : "pods"}`), send())) };
    const r = (line: string) => runKubectl(env, line);
    r("kubectl get pods");
    r("kubectl cordon n1");
    r("kubectl scale deploy web --replicas=3");
    expect(seen).toEqual(["patch nodes", "patch deployments"]);
  });
});
