import { describe, expect, it } from "vitest";
import { Cluster } from "../cluster.ts";
import { parseImageReference } from "./images.ts";
import { newContainerRecord, reapExits, startContainer, type PodRuntime } from "./runtime.ts";

describe("container logs on the machine", () => {
  it("keeps the current instance's log and the one before it", () => {
    const c = newContainerRecord("boom", "busybox:1.36");
    const rt: PodRuntime = { sandboxReady: true, startTime: 0, containers: [c], terminal: false };
    const image = parseImageReference("busybox:1.36");
    for (let i = 1; i <= 3; i++) {
      startContainer(c, image, `containerd://${i}`, i * 1000, 0, { at: i * 1000 + 1, code: 1 }, `run ${i}\n`);
      reapExits(rt, i * 1000 + 1);
    }
    expect([...c.logs]).toEqual([
      ["containerd://2", "run 2\n"],
      ["containerd://3", "run 3\n"],
    ]);
  });

  it("are served by a running kubelet only, and survive its crash", () => {
    const cluster = new Cluster({ seed: 1, nodes: [{ name: "node-1", zone: "zone-a", cpu: "4", memory: "8Gi", index: 1 }] });
    cluster.admin.create("pods", "default", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "hello", namespace: "default" },
      spec: { restartPolicy: "Never", containers: [{ name: "hello", image: "busybox:1.36", command: ["echo", "hello", "world"] }] },
    });
    cluster.runFor(60_000);
    const kubelet = cluster.kubelets.get("node-1")!;
    const pod = (): Parameters<typeof kubelet.containerLogs>[0] => {
      const got = cluster.admin.get("pods", "default", "hello");
      if (!got.ok) throw new Error("no pod");
      return got.object;
    };
    expect(kubelet.containerLogs(pod(), "hello", false)).toEqual({ ok: true, object: "hello world\n" });
    cluster.injectFault({ type: "node-crash", node: "node-1" });
    expect(kubelet.containerLogs(pod(), "hello", false)).toBeUndefined();
    cluster.injectFault({ type: "node-restart", node: "node-1" });
    cluster.runFor(10_000);
    expect(kubelet.containerLogs(pod(), "hello", false)).toEqual({ ok: true, object: "hello world\n" });
  });
});
