import { describe, expect, it } from "vitest";
import type { Pod, ServiceAccount } from "../../api/core-v1.ts";
import { ADMIN, container, must, newTestApiServer, pod } from "../test-fixture.ts";

const SA_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

describe("ServiceAccount admission", () => {
  it("refuses a pod naming a missing service account, as kube-apiserver v1.34 does", () => {
    const { api } = newTestApiServer();
    const cases: [string, Pod, string][] = [
      ["named account", pod("a", { serviceAccountName: "ci" }), 'pods "a" is forbidden: error looking up service account default/ci: serviceaccount "ci" not found'],
      ["generateName", { ...pod("", { serviceAccountName: "ci" }), metadata: { generateName: "web-" } }, 'pods "web-" is forbidden: error looking up service account default/ci: serviceaccount "ci" not found'],
    ];
    for (const [name, body, message] of cases) {
      const r = api.create(ADMIN, "pods", "default", body);
      expect(r.ok ? undefined : r.status, name).toMatchObject({ code: 403, reason: "Forbidden", message });
    }
    must(api.delete(ADMIN, "serviceaccounts", "default", "default"));
    const r = api.create(ADMIN, "pods", "default", pod("b"));
    expect(r.ok ? undefined : r.status.message).toBe('pods "b" is forbidden: error looking up service account default/default: serviceaccount "default" not found');
  });

  it("lets a pod without containers through to validation, which refuses it (found by the fuzzer)", () => {
    const { api } = newTestApiServer();
    const body = { ...pod("p"), spec: { containers: null } } as unknown as Pod;
    const r = api.request(ADMIN, { verb: "create", resource: "pods", namespace: "default", body, fieldValidation: "Strict" });
    expect(r.ok ? undefined : r.status.message).toBe('Pod "p" is invalid: spec.containers: Required value');
  });

  it("mounts the token volume in every container unless the pod or the account opts out", () => {
    const { api } = newTestApiServer();
    const quiet: ServiceAccount = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "quiet" }, automountServiceAccountToken: false };
    must(api.create(ADMIN, "serviceaccounts", "default", quiet));
    const mounted = (p: Pod): (string | undefined)[] => [...(p.spec.initContainers ?? []), ...p.spec.containers].map((c) => c.volumeMounts?.find((m) => m.mountPath === SA_PATH)?.name);
    const cases: [string, Pod, boolean][] = [
      ["default account", pod("a", { initContainers: [container("init", "busybox")], containers: [container("a"), container("b")] }), true],
      ["pod opts out", pod("b", { automountServiceAccountToken: false }), false],
      ["account opts out", pod("c", { serviceAccountName: "quiet" }), false],
      ["pod wins over account", pod("d", { serviceAccountName: "quiet", automountServiceAccountToken: true }), true],
    ];
    for (const [name, body, automount] of cases) {
      const p = must(api.create(ADMIN, "pods", "default", body));
      const volumes = (p.spec.volumes ?? []).filter((v) => v.name.startsWith("kube-api-access-"));
      expect(volumes.length, name).toBe(automount ? 1 : 0);
      expect(mounted(p), name).toEqual(mounted(p).map(() => (automount ? volumes[0]!.name : undefined)));
    }
  });

  it("keeps a mount the pod already has at the token path, and a kube-api-access volume it already has", () => {
    const { api } = newTestApiServer();
    const own = container("own", "nginx", { volumeMounts: [{ name: "mine", mountPath: SA_PATH }] });
    const p = must(api.create(ADMIN, "pods", "default", pod("a", { containers: [own, container("other")], volumes: [{ name: "mine", emptyDir: {} }] })));
    expect(p.spec.containers[0]!.volumeMounts).toEqual([{ name: "mine", mountPath: SA_PATH }]);
    expect(p.spec.containers[1]!.volumeMounts).toEqual([{ name: p.spec.volumes![1]!.name, readOnly: true, mountPath: SA_PATH }]);
    const q = must(api.create(ADMIN, "pods", "default", pod("b", { volumes: [{ name: "kube-api-access-abcde", emptyDir: {} }] })));
    expect(q.spec.volumes).toEqual([{ name: "kube-api-access-abcde", emptyDir: {} }]);
    expect(q.spec.containers[0]!.volumeMounts).toEqual([{ name: "kube-api-access-abcde", readOnly: true, mountPath: SA_PATH }]);
  });

  it("copies the account's imagePullSecrets to a pod that names none", () => {
    const { api } = newTestApiServer();
    const ci: ServiceAccount = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "ci" }, imagePullSecrets: [{ name: "regcred" }] };
    must(api.create(ADMIN, "serviceaccounts", "default", ci));
    expect(must(api.create(ADMIN, "pods", "default", pod("a", { serviceAccountName: "ci" }))).spec.imagePullSecrets).toEqual([{ name: "regcred" }]);
    expect(must(api.create(ADMIN, "pods", "default", pod("b", { serviceAccountName: "ci", imagePullSecrets: [{ name: "own" }] }))).spec.imagePullSecrets).toEqual([{ name: "own" }]);
  });
});
