import { describe, expect, it } from "vitest";
import type { ApiRequest, UserInfo } from "../apiserver/types.ts";
import { deployment, must, newTestApiServer, pod } from "../apiserver/test-fixture.ts";
import { Client } from "./client.ts";

describe("Client", () => {
  it("sends every write through ApiServer.request, seen by the recorder as the user's", () => {
    const { api } = newTestApiServer();
    const seen: [string, ApiRequest][] = [];
    const alice: UserInfo = { name: "alice", groups: ["system:masters"] };
    const client = new Client(api, alice).withInterceptor((user, req, send) => (seen.push([user.name, req]), send()));
    must(client.create("pods", "default", pod("web")));
    must(client.patch("pods", "default", "web", { metadata: { labels: { a: "b" } } }));
    must(client.patchStatus("pods", "default", "web", { status: { phase: "Running" } }));
    const current = must(client.get("pods", "default", "web"));
    must(client.update("pods", { ...structuredClone(current), metadata: { ...structuredClone(current.metadata), labels: { a: "c" } } }));
    must(client.updateStatus("pods", structuredClone(must(client.get("pods", "default", "web")))));
    must(client.bind("default", "web", "node-1"));
    must(client.evict("default", "web"));
    must(client.delete("pods", "default", "web", { gracePeriodSeconds: 0 }));
    expect(seen.map(([user, r]) => `${user} ${r.verb}${"subresource" in r && r.subresource ? `/${r.subresource}` : ""}`)).toEqual([
      "alice create",
      "alice patch",
      "alice patch/status",
      "alice update",
      "alice update/status",
      "alice bind",
      "alice evict",
      "alice delete",
    ]);
    expect(seen[0]![1]).toMatchObject({ verb: "create", resource: "pods", namespace: "default" });
  });

  it("reads without recording", () => {
    const { api } = newTestApiServer();
    const seen: ApiRequest[] = [];
    const client = new Client(api, { name: "bob", groups: ["system:masters"] }, { interceptor: (_u, r, send) => (seen.push(r), send()) });
    must(client.create("deployments", "default", deployment()));
    client.get("deployments", "default", "web");
    expect(must(client.list("deployments", "default")).items).toHaveLength(1);
    expect(seen).toHaveLength(1);
    expect(client.user.name).toBe("bob");
  });

  it("hands each warning of an answer to its warning handler, through interceptors and impersonation", () => {
    const { api } = newTestApiServer();
    const warnings: string[] = [];
    const client = new Client(api, { name: "bob", groups: ["system:masters"] })
      .withWarningHandler((w) => warnings.push(w))
      .withInterceptor((_u, _r, send) => send())
      .withImpersonation(undefined);
    const body = { ...deployment(), spec: { ...deployment().spec, replica: 2 } } as never;
    const r = client.create("deployments", "default", body);
    expect(r.ok && r.warnings).toEqual(['unknown field "spec.replica"']);
    expect(warnings).toEqual(['unknown field "spec.replica"']);
  });

  it("returns API errors as values", () => {
    const { api } = newTestApiServer();
    const r = new Client(api, { name: "bob", groups: ["system:masters"] }).delete("pods", "default", "ghost");
    expect(r.ok).toBe(false);
    expect(r.ok ? undefined : r.status.message).toBe('pods "ghost" not found');
  });
});
