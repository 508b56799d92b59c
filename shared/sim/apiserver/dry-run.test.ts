import { describe, expect, it } from "vitest";
import type { Deployment } from "../api/apps-v1.ts";
import type { Pod } from "../api/core-v1.ts";
import { ADMIN, deployment, must, newTestApiServer, pod } from "./test-fixture.ts";

// dryRun=All: every stage runs (defaulting, admission, validation, conflicts), nothing is stored.
describe("dry run", () => {
  it("creates nothing, but answers with the object the server would store", () => {
    const { api } = newTestApiServer();
    const rev = api.revision;
    const r = must(api.request(ADMIN, { verb: "create", resource: "pods", namespace: "default", body: pod("web"), dryRun: true }));
    expect(r.metadata.uid).toBeDefined();
    expect(r.metadata.resourceVersion).toBeUndefined();
    expect((r as Pod).spec.serviceAccountName).toBe("default");
    expect(api.revision).toBe(rev);
    expect(api.get(ADMIN, "pods", "default", "web").ok).toBe(false);
  });

  it("still refuses what the real request would refuse", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "deployments", "default", deployment("web")));
    const again = api.request(ADMIN, { verb: "create", resource: "deployments", namespace: "default", body: deployment("web"), dryRun: true });
    expect(again.ok ? "" : again.status.reason).toBe("AlreadyExists");
    const bad = api.request(ADMIN, { verb: "patch", resource: "deployments", namespace: "default", name: "web", patch: { spec: { replicas: -1 } }, dryRun: true });
    expect(bad.ok ? "" : bad.status.reason).toBe("Invalid");
  });

  it("patches and deletes nothing", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "deployments", "default", deployment("web")));
    const rev = api.revision;
    const patched = must(api.request(ADMIN, { verb: "patch", resource: "deployments", namespace: "default", name: "web", patch: { spec: { replicas: 5 } }, dryRun: true }));
    expect((patched as Deployment).spec.replicas).toBe(5);
    must(api.request(ADMIN, { verb: "delete", resource: "deployments", namespace: "default", name: "web", dryRun: true }));
    expect(api.revision).toBe(rev);
    expect(must(api.get(ADMIN, "deployments", "default", "web")).spec.replicas).toBe(1);
  });
});
