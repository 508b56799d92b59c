import { describe, expect, it } from "vitest";
import type { PodSpec } from "../api/core-v1.ts";
import { admitPod, podRequests } from "./admission.ts";

const node = { milliCPU: 4000, memory: 8 * 2 ** 30, ephemeralStorage: 10 * 2 ** 30, pods: 3 };

describe("podRequests (resourcehelper.PodRequests)", () => {
  it("adds up app containers and takes an init container's peak when larger", () => {
    const spec: PodSpec = {
      containers: [
        { name: "a", image: "x", resources: { requests: { cpu: "250m", memory: "64Mi" } } },
        { name: "b", image: "x", resources: { requests: { cpu: "1", "ephemeral-storage": "1Gi" } } },
      ],
      initContainers: [{ name: "init", image: "x", resources: { requests: { cpu: "2", memory: "32Mi" } } }],
    };
    expect(podRequests(spec)).toEqual({ milliCPU: 2000, memory: 64 * 2 ** 20, ephemeralStorage: 2 ** 30 });
  });
});

describe("admitPod (the kubelet's generalFilter)", () => {
  const r = (milliCPU: number, memory = 0) => ({ milliCPU, memory, ephemeralStorage: 0 });

  it("admits what fits, exactly up to allocatable", () => {
    expect(admitPod(r(1000), [r(3000)], node)).toBeUndefined();
  });

  it("reports the pod count before any resource", () => {
    expect(admitPod(r(9000), [r(0), r(0), r(0)], node)).toEqual({ reason: "OutOfpods", message: "Node didn't have enough resource: pods, requested: 1, used: 3, capacity: 3" });
  });

  it("reports cpu in millicores, then memory in bytes", () => {
    expect(admitPod(r(1001, 9 * 2 ** 30), [r(3000)], node)).toEqual({ reason: "OutOfcpu", message: "Node didn't have enough resource: cpu, requested: 1001, used: 3000, capacity: 4000" });
    expect(admitPod(r(0, 2 ** 30), [r(0, 7.5 * 2 ** 30)], node)?.message).toBe("Node didn't have enough resource: memory, requested: 1073741824, used: 8053063680, capacity: 8589934592");
  });

  it("lets a pod that requests nothing onto a full node", () => {
    expect(admitPod(r(0), [r(4000, 8 * 2 ** 30)], node)).toBeUndefined();
  });
});
