import { describe, expect, it } from "vitest";
import { newPodInfo } from "../framework/node-info.ts";
import { makeNode, makePod } from "../testing/wrappers.ts";
import { Cache } from "./cache.ts";

const requested = (cache: Cache, node: string) => {
  const info = cache.get(node)!;
  return { cpu: info.requested.milliCPU, nonZeroCpu: info.nonZeroRequested.milliCPU, pods: info.pods.size };
};

describe("scheduler cache", () => {
  it("assumes a pod at once, confirms it when the binding is seen, forgets it if the binding fails", () => {
    const cache = new Cache();
    cache.addNode(makeNode("n1"));
    const pod = makePod("web", { requests: { cpu: "500m" } });
    cache.assumePod(newPodInfo(pod), "n1");
    expect(cache.isAssumedPod("uid-web")).toBe(true);
    expect(requested(cache, "n1")).toEqual({ cpu: 500, nonZeroCpu: 500, pods: 1 });
    cache.addPod({ ...pod, spec: { ...pod.spec, nodeName: "n1" } });
    expect(cache.isAssumedPod("uid-web")).toBe(false);
    expect(requested(cache, "n1")).toEqual({ cpu: 500, nonZeroCpu: 500, pods: 1 });

    const other = makePod("other");
    cache.assumePod(newPodInfo(other), "n1");
    // No requests: nothing for Filter, 100m for scoring.
    expect(requested(cache, "n1")).toEqual({ cpu: 500, nonZeroCpu: 600, pods: 2 });
    cache.forgetPod("uid-other");
    expect(requested(cache, "n1")).toEqual({ cpu: 500, nonZeroCpu: 500, pods: 1 });
  });

  it("moves a pod bound elsewhere than assumed", () => {
    const cache = new Cache();
    cache.addNode(makeNode("n1"));
    cache.addNode(makeNode("n2"));
    const pod = makePod("web", { requests: { cpu: "1" } });
    cache.assumePod(newPodInfo(pod), "n1");
    cache.addPod({ ...pod, spec: { ...pod.spec, nodeName: "n2" } });
    expect([requested(cache, "n1").cpu, requested(cache, "n2").cpu]).toEqual([0, 1000]);
  });

  it("keeps counting pods of a deleted node until they go, but lists only live nodes", () => {
    const cache = new Cache();
    const node = makeNode("n1");
    cache.addNode(node);
    cache.addNode(makeNode("n2"));
    const pod = makePod("web", { requests: { cpu: "1" }, nodeName: "n1" });
    cache.addPod(pod);
    cache.removeNode(node);
    expect(cache.list().map((n) => n.name)).toEqual(["n2"]);
    expect(cache.get("n1")).toBeUndefined();
    cache.addNode(node);
    expect(requested(cache, "n1").cpu).toBe(1000);
    cache.removePod(pod);
    expect(requested(cache, "n1").cpu).toBe(0);
  });

  it("counts pods whose node it has not seen yet once the node arrives", () => {
    const cache = new Cache();
    cache.addPod(makePod("early", { requests: { cpu: "1" }, nodeName: "late" }));
    expect(cache.list()).toEqual([]);
    cache.addNode(makeNode("late"));
    expect(requested(cache, "late")).toEqual({ cpu: 1000, nonZeroCpu: 1000, pods: 1 });
  });
});
