import { describe, expect, it } from "vitest";
import { Cluster } from "../cluster.ts";

function cluster(): Cluster {
  const c = new Cluster({ seed: 1, nodes: [{ name: "node-1", zone: "zone-a", cpu: "4", memory: "8Gi", index: 1 }] });
  c.admin.create("pods", "default", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web", namespace: "default" },
    spec: {
      containers: [
        { name: "a", image: "busybox:1.36", args: ["sh", "-c", "echo one; echo two; echo three"] },
        { name: "b", image: "nginx:1.27" },
      ],
    },
  });
  c.runFor(60_000);
  return c;
}

describe("GET pods/NAME/log", () => {
  it("serves the kubelet's log, tailed", () => {
    const c = cluster();
    expect(c.admin.getLogs("default", "web", { container: "a" })).toEqual({ ok: true, object: "one\ntwo\nthree\n" });
    expect(c.admin.getLogs("default", "web", { container: "a", tailLines: 2 })).toEqual({ ok: true, object: "two\nthree\n" });
    expect(c.admin.getLogs("default", "web", { container: "a", tailLines: 9 })).toEqual({ ok: true, object: "one\ntwo\nthree\n" });
    expect(c.admin.getLogs("default", "web", { container: "b" })).toEqual({ ok: true, object: "" });
  });

  it("answers LogLocation's errors as BadRequest, a missing pod as NotFound", () => {
    const c = cluster();
    const message = (r: ReturnType<Cluster["admin"]["getLogs"]>): string => (r.ok ? "" : `${r.status.reason}: ${r.status.message}`);
    expect(message(c.admin.getLogs("default", "web"))).toBe("BadRequest: a container name must be specified for pod web, choose one of: [a b]");
    expect(message(c.admin.getLogs("default", "web", { container: "c" }))).toBe("BadRequest: container c is not valid for pod web");
    expect(message(c.admin.getLogs("default", "nope"))).toBe('NotFound: pods "nope" not found');
    expect(message(c.admin.getLogs("kube-system", "web"))).toBe('NotFound: pods "web" not found');
  });

  it("keeps logs out of etcd", () => {
    const c = cluster();
    const before = c.stateHash();
    c.admin.getLogs("default", "web", { container: "a" });
    expect(c.stateHash()).toBe(before);
  });
});
