import { describe, expect, it } from "vitest";
import type { ApiResult } from "./errors.ts";
import type { ApiRequest } from "./types.ts";
import { ADMIN, deployment, must, newTestApiServer, pod } from "./test-fixture.ts";

const TIMED_OUT = { code: 503, reason: "ServiceUnavailable", message: "etcdserver: request timed out" };

const statusOf = (r: ApiResult<unknown>) => (r.ok ? undefined : r.status);

// etcd without quorum: every request that reaches storage gets etcd's timeout, the
// ones that write nothing too (they confirm with a quorum read); reads are the member's.
describe("storage without etcd quorum", () => {
  const cases: { name: string; req: ApiRequest }[] = [
    { name: "create", req: { verb: "create", resource: "pods", namespace: "default", body: pod("new") } },
    { name: "create, dry run", req: { verb: "create", resource: "pods", namespace: "default", body: pod("new"), dryRun: true } },
    { name: "create of a taken name", req: { verb: "create", resource: "pods", namespace: "default", body: pod("web") } },
    { name: "patch", req: { verb: "patch", resource: "deployments", namespace: "default", name: "web", patch: { spec: { replicas: 3 } } } },
    { name: "patch that changes nothing", req: { verb: "patch", resource: "deployments", namespace: "default", name: "web", patch: { spec: { replicas: 1 } } } },
    { name: "delete", req: { verb: "delete", resource: "deployments", namespace: "default", name: "web" } },
    { name: "delete of a pod already terminating", req: { verb: "delete", resource: "pods", namespace: "default", name: "web" } },
    { name: "bind", req: { verb: "bind", namespace: "default", name: "pending", node: "node-1" } },
  ];
  for (const c of cases) {
    it(`answers ${c.name} with etcd's timeout`, () => {
      const { api, etcd } = newTestApiServer();
      must(api.create(ADMIN, "deployments", "default", deployment("web")));
      must(api.create(ADMIN, "pods", "default", pod("web", { nodeName: "node-1" })));
      must(api.create(ADMIN, "pods", "default", pod("pending")));
      must(api.delete(ADMIN, "pods", "default", "web"));
      const rev = api.revision;
      etcd.members[0]!.healthy = false;
      expect(statusOf(api.request(ADMIN, c.req))).toMatchObject(TIMED_OUT);
      expect(api.revision).toBe(rev);
    });
  }

  it("still serves gets and lists, and still answers NotFound", () => {
    const { api, etcd } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    etcd.members[0]!.healthy = false;
    expect(must(api.get(ADMIN, "pods", "default", "web")).metadata.name).toBe("web");
    expect(must(api.list(ADMIN, "pods", "default")).items).toHaveLength(1);
    expect(statusOf(api.patch(ADMIN, "pods", "default", "nope", { metadata: { labels: { a: "b" } } }))).toMatchObject({ code: 404, reason: "NotFound" });
  });
});

describe("writes through etcd transactions", () => {
  it("stores an object with its write's revision as resourceVersion", () => {
    const { api } = newTestApiServer();
    const created = must(api.create(ADMIN, "pods", "default", pod("web")));
    expect(created.metadata.resourceVersion).toBe(String(api.revision));
    expect(must(api.get(ADMIN, "pods", "default", "web"))).toBe(created);
  });
});
