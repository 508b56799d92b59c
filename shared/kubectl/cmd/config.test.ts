import { describe, expect, it } from "vitest";
import { TestCluster } from "../test-fixture.ts";

const VIEW = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;

describe("kubectl config", () => {
  it("views the player's kubeconfig with credentials omitted", () => {
    const c = new TestCluster();
    expect(c.run("kubectl config view")).toEqual({ stdout: VIEW, stderr: "", exitCode: 0 });
    expect(c.run("kubectl config view --minify").stdout).toBe(VIEW);
    expect(c.run("kubectl config view --raw").stdout).toMatch(/client-key-data: LS0tLS1CRUdJTi/);
    expect(c.run("kubectl config current-context").stdout).toBe("kubernetes-admin@kubernetes\n");
  });

  it("switches the namespace commands act in with set-context --current", () => {
    const c = new TestCluster();
    c.must(c.client.create("namespaces", undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } }));
    expect(c.run("kubectl config set-context --current --namespace=team-a")).toEqual({ stdout: 'Context "kubernetes-admin@kubernetes" modified.\n', stderr: "", exitCode: 0 });
    expect(c.run("kubectl get pods").stderr).toBe("No resources found in team-a namespace.\n");
    expect(c.run("kubectl get pods -n default").stderr).toBe("No resources found in default namespace.\n");
    expect(c.run("kubectl config get-contexts")).toEqual({
      stdout: "CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   team-a\n",
      stderr: "",
      exitCode: 0,
    });
    expect(c.run("kubectl config view --minify").stdout).toContain("    namespace: team-a\n");
  });

  it("creates contexts, switches between them, and lists them sorted with the current one starred", () => {
    const c = new TestCluster();
    expect(c.run("kubectl config set-context dev --namespace=dev --cluster=kubernetes --user=kubernetes-admin").stdout).toBe('Context "dev" created.\n');
    expect(c.run("kubectl config set-context dev --namespace=dev2").stdout).toBe('Context "dev" modified.\n');
    expect(c.run("kubectl config use-context dev")).toEqual({ stdout: 'Switched to context "dev".\n', stderr: "", exitCode: 0 });
    expect(c.run("kubectl config current-context").stdout).toBe("dev\n");
    expect(c.run("kubectl config get-contexts").stdout).toBe(
      "CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n" +
        "*         dev                           kubernetes   kubernetes-admin   dev2\n" +
        "          kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n",
    );
    expect(c.run("kubectl config get-contexts -o name").stdout).toBe("dev\nkubernetes-admin@kubernetes\n");
    expect(c.run("kubectl get deployments").stderr).toBe("No resources found in dev2 namespace.\n");
    expect(c.run("kubectl get deployments --context=kubernetes-admin@kubernetes").stderr).toBe("No resources found in default namespace.\n");
  });

  it.each<[string, string]>([
    ["kubectl config use-context nope", 'error: no context exists with the name: "nope"\n'],
    ["kubectl config set-context", "error: you must specify a non-empty context name or --current\n"],
    ["kubectl config set-context dev --current", "error: you cannot specify both a context name and --current\n"],
    ["kubectl config get-contexts nope", "error: context nope not found\n"],
    ["kubectl get pods --context=nope", "error: context was not found for specified context: nope\n"],
    ["kubectl config view -o wide", 'error: unable to match a printer suitable for the output format "wide", allowed formats are: json,yaml\n'],
  ])("%s", (line, stderr) => {
    const c = new TestCluster();
    expect(c.run(line).stderr).toBe(stderr);
  });
});
