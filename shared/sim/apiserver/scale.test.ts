import { describe, expect, it } from "vitest";
import type { Scale } from "../api/autoscaling-v1.ts";
import { ADMIN, deployment, must, newTestApiServer } from "./test-fixture.ts";

describe("the scale subresource (deployments/scale)", () => {
  it("GET returns an autoscaling/v1 Scale of the deployment", () => {
    const { api } = newTestApiServer();
    const d = must(api.create(ADMIN, "deployments", "default", deployment("web")));
    const scale = must(api.getScale(ADMIN, "deployments", "default", "web"));
    expect(scale).toEqual({
      apiVersion: "autoscaling/v1",
      kind: "Scale",
      metadata: { name: "web", namespace: "default", uid: d.metadata.uid, resourceVersion: d.metadata.resourceVersion, creationTimestamp: d.metadata.creationTimestamp },
      spec: { replicas: 1 },
      status: { replicas: 0, selector: "app=web" },
    });
  });

  it("PATCH changes spec.replicas of the deployment, and nothing under dry run", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "deployments", "default", deployment("web")));
    const rev = api.revision;
    const dry = must(api.request(ADMIN, { verb: "patch", resource: "deployments", namespace: "default", name: "web", patch: { spec: { replicas: 4 } }, subresource: "scale", dryRun: true }));
    expect((dry as unknown as Scale).spec.replicas).toBe(4);
    expect(api.revision).toBe(rev);
    must(api.request(ADMIN, { verb: "patch", resource: "deployments", namespace: "default", name: "web", patch: { spec: { replicas: 3 } }, subresource: "scale" }));
    const d = must(api.get(ADMIN, "deployments", "default", "web"));
    expect(d.spec.replicas).toBe(3);
    expect(d.metadata.generation).toBe(2);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["a missing deployment", { name: "nope", replicas: 2 }, "NotFound", 'deployments.apps "nope" not found'],
    ["negative replicas", { name: "web", replicas: -1 }, "Invalid", 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [
      "replicas beyond int32",
      { name: "web", replicas: 2147483648 },
      "BadRequest",
      'Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal number 2147483648 into Go struct field ScaleSpec.spec.replicas of type int32',
    ],
    ["a stale resourceVersion", { name: "web", replicas: 2, resourceVersion: "1" }, "Conflict", 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again'],
  ])("PUT refuses %s", (_name, c, reason, message) => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "deployments", "default", deployment("web")));
    const body = { apiVersion: "autoscaling/v1", kind: "Scale", metadata: { name: c.name as string, namespace: "default", resourceVersion: c.resourceVersion as string | undefined }, spec: { replicas: c.replicas as number } };
    const res = api.request(ADMIN, { verb: "update", resource: "deployments", namespace: "default", body, subresource: "scale" });
    expect(res.ok ? "" : `${res.status.reason}: ${res.status.message}`).toBe(`${reason}: ${message}`);
  });

  it("PATCH refuses replicas that do not decode as int32, on the patch field", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "deployments", "default", deployment("web")));
    const res = api.request(ADMIN, { verb: "patch", resource: "deployments", namespace: "default", name: "web", patch: { spec: { replicas: 2147483648 } }, subresource: "scale" });
    expect(res.ok ? "" : res.status.reason).toBe("Invalid");
    expect(res.ok ? "" : res.status.message).toMatch(/json: cannot unmarshal number 2147483648 into Go struct field ScaleSpec\.spec\.replicas of type int32$/);
    expect(must(api.get(ADMIN, "deployments", "default", "web")).spec.replicas).toBe(1);
  });

  it("is not served for pods", () => {
    const { api } = newTestApiServer();
    const res = api.getScale(ADMIN, "pods", "default", "x");
    expect(res.ok ? "" : res.status.reason).toBe("NotFound");
  });
});
