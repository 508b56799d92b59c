import { describe, expect, it } from "vitest";
import type { Container, LimitRange, LimitRangeItem, Pod } from "../../api/core-v1.ts";
import { ADMIN, must, newTestApiServer, pod } from "../test-fixture.ts";

const limitRange = (...limits: LimitRangeItem[]): LimitRange => ({ apiVersion: "v1", kind: "LimitRange", metadata: { name: "limits" }, spec: { limits } });
const withResources = (resources: Container["resources"], name = "web"): Pod => pod("x", { containers: [{ name, image: "nginx:1.27", resources }] });

describe("LimitRanger", () => {
  it("fills container defaults and says so in the annotation", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "limitranges", "default", limitRange({ type: "Container", default: { cpu: "200m", memory: "128Mi" }, defaultRequest: { cpu: "100m" } })));
    const p = must(api.create(ADMIN, "pods", "default", withResources({ limits: { memory: "64Mi" } })));
    expect(p.spec.containers[0]!.resources).toEqual({ limits: { memory: "64Mi", cpu: "200m" }, requests: { memory: "64Mi", cpu: "100m" } });
    expect(p.metadata.annotations).toEqual({ "kubernetes.io/limit-ranger": "LimitRanger plugin set: cpu request for container web; cpu limit for container web" });
  });

  it("defaults a LimitRange's default to max and its default request to the default", () => {
    const { api } = newTestApiServer();
    const lr = must(api.create(ADMIN, "limitranges", "default", limitRange({ type: "Container", max: { cpu: "1" }, min: { memory: "64Mi" } })));
    expect(lr.spec.limits[0]).toEqual({ type: "Container", max: { cpu: "1" }, min: { memory: "64Mi" }, default: { cpu: "1" }, defaultRequest: { cpu: "1", memory: "64Mi" } });
  });

  it.each<[string, LimitRangeItem, Container["resources"], string]>([
    ["over the container max", { type: "Container", max: { cpu: "500m" } }, { limits: { cpu: "1" } }, 'pods "x" is forbidden: maximum cpu usage per Container is 500m, but limit is 1'],
    // The defaulted limit lands under the request, which validation refuses before LimitRanger's own check.
    [
      "request over the defaulted limit",
      { type: "Container", max: { cpu: "500m" } },
      { requests: { cpu: "600m" } },
      'Pod "x" is invalid: spec.containers[0].resources.requests: Invalid value: "600m": must be less than or equal to cpu limit of 500m',
    ],
    ["under the container min", { type: "Container", min: { memory: "64Mi" } }, { requests: { memory: "32Mi" } }, 'pods "x" is forbidden: minimum memory usage per Container is 64Mi, but request is 32Mi'],
    [
      "ratio too high",
      { type: "Container", maxLimitRequestRatio: { cpu: "2" } },
      { requests: { cpu: "100m" }, limits: { cpu: "500m" } },
      'pods "x" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000',
    ],
    [
      "pod total over the pod max",
      { type: "Pod", max: { cpu: "1" } },
      { limits: { cpu: "1" } },
      'pods "x" is forbidden: maximum cpu usage per Pod is 1, but limit is 2',
    ],
    [
      "pod without limits",
      { type: "Pod", max: { memory: "1Gi" }, min: { cpu: "100m" } },
      {},
      'pods "x" is forbidden: [minimum cpu usage per Pod is 100m.  No request is specified, maximum memory usage per Pod is 1Gi.  No limit is specified]',
    ],
  ])("refuses %s", (_name, item, resources, message) => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "limitranges", "default", limitRange(item)));
    const body = withResources(resources);
    if (item.type === "Pod") body.spec.containers.push({ name: "side", image: "busybox:1.36", resources: structuredClone(resources) });
    const r = api.create(ADMIN, "pods", "default", body);
    expect(r.ok ? "admitted" : r.status.message).toBe(message);
  });
});
