import { describe, expect, it } from "vitest";
import type { Container, PodSpec } from "./core-v1.ts";
import { podQOSClass } from "./qos.ts";

const c = (resources?: Container["resources"], name = "app"): Container => ({ name, image: "nginx:1.27", resources });
const spec = (...containers: Container[]): PodSpec => ({ containers });

describe("podQOSClass", () => {
  it("is BestEffort without cpu or memory requests and limits", () => {
    expect(podQOSClass(spec(c()))).toBe("BestEffort");
    expect(podQOSClass(spec(c({})))).toBe("BestEffort");
    expect(podQOSClass(spec(c({ requests: { "ephemeral-storage": "1Gi" }, limits: { "nvidia.com/gpu": "1" } })))).toBe("BestEffort");
    expect(podQOSClass(spec(c({ requests: { cpu: "0", memory: "0" } })))).toBe("BestEffort");
  });

  it("is Guaranteed when every container limits cpu and memory and requests equal limits", () => {
    const r = { cpu: "500m", memory: "128Mi" };
    expect(podQOSClass(spec(c({ requests: r, limits: r })))).toBe("Guaranteed");
    expect(podQOSClass(spec(c({ requests: r, limits: r }), c({ requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "1000m", memory: "1024Mi" } }, "b")))).toBe("Guaranteed");
  });

  it("treats requests as defaulted from limits when the API server filled them", () => {
    expect(podQOSClass(spec(c({ limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1", memory: "1Gi" } })))).toBe("Guaranteed");
  });

  it("is Burstable otherwise", () => {
    expect(podQOSClass(spec(c({ requests: { cpu: "250m" } })))).toBe("Burstable");
    expect(podQOSClass(spec(c({ limits: { cpu: "1" }, requests: { cpu: "1" } })))).toBe("Burstable");
    expect(podQOSClass(spec(c({ requests: { cpu: "500m", memory: "128Mi" }, limits: { cpu: "1", memory: "128Mi" } })))).toBe("Burstable");
    // One container without limits spoils Guaranteed for the pod.
    const r = { cpu: "500m", memory: "128Mi" };
    expect(podQOSClass(spec(c({ requests: r, limits: r }), c(undefined, "sidecar")))).toBe("Burstable");
  });

  it("is Burstable when a limited resource has a zero request", () => {
    expect(podQOSClass(spec(c({ requests: { cpu: "0", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } })))).toBe("Burstable");
  });

  it("counts init containers", () => {
    const r = { cpu: "1", memory: "1Gi" };
    expect(podQOSClass({ containers: [c({ requests: r, limits: r })], initContainers: [c({ requests: { cpu: "100m" } }, "init")] })).toBe("Burstable");
    expect(podQOSClass({ containers: [c()], initContainers: [c({ requests: { memory: "64Mi" } }, "init")] })).toBe("Burstable");
  });
});
