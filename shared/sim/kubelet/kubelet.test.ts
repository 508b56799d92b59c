import { describe, expect, it } from "vitest";
import type { Node, Pod } from "../api/core-v1.ts";
import { podStatusText } from "../../kubectl/printers/pod-status.ts";
import { ADMIN, stageMs, newKubeletFixture, tablesWithoutJitter, type KubeletFixture } from "./testing.ts";
import { DEFAULT_KUBELET_TABLES, NODE_STATUS_REPORT_FREQUENCY_MS } from "./kubelet.ts";

const SANDBOX = stageMs("pod-sandbox");
const PULL = stageMs("image-pulled");
const REPULL = stageMs("image-repulled");
const PULL_FAIL = stageMs("image-pull-failed");
const START = stageMs("container-start");
const READY = stageMs("pod-ready");
const RELIST = stageMs("pull-failed-relist");
const RESYNC = stageMs("pull-backoff-resync");
const STOP = stageMs("pod-stopped");
const SANDBOX_CHANGED = stageMs("sandbox-changed");

const NGINX_SIZE = 72_195_292;
const NOT_FOUND =
  'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found';

/** The pod's STATUS column each time a write changed it: [ms, status]. */
function timeline(f: KubeletFixture, name: string): [number, string][] {
  const out: [number, string][] = [];
  for (const e of f.log) {
    if (e.object.kind !== "Pod" || e.object.metadata.name !== name) continue;
    const status = e.type === "DELETED" ? "<deleted>" : podStatusText(e.object as Pod);
    if (out.at(-1)?.[1] !== status) out.push([e.at, status]);
  }
  return out;
}

function nodeWrites(f: KubeletFixture, from: number, to: number): number {
  return f.log.filter((e) => e.object.kind === "Node" && e.type === "MODIFIED" && e.at >= from && e.at < to).length;
}

function condition(node: Node, type: string) {
  return node.status!.conditions!.find((c) => c.type === type)!;
}

describe("registration", () => {
  it("registers the Node with labels, taints, capacity, conditions, addresses and node info", () => {
    const f = newKubeletFixture({ nodes: [{ name: "node-1", zone: "zone-b", cpu: "8", memory: "8Gi", index: 3, labels: { tier: "web" }, taints: [{ key: "dedicated", value: "web", effect: "NoSchedule" }] }] });
    const node = f.node();
    expect(node.metadata.labels).toEqual({
      "beta.kubernetes.io/arch": "amd64",
      "beta.kubernetes.io/os": "linux",
      "kubernetes.io/arch": "amd64",
      "kubernetes.io/hostname": "node-1",
      "kubernetes.io/os": "linux",
      "topology.kubernetes.io/zone": "zone-b",
      tier: "web",
    });
    expect(node.metadata.annotations).toEqual({ "volumes.kubernetes.io/controller-managed-attach-detach": "true" });
    expect(node.spec).toEqual({ podCIDR: "10.244.3.0/24", podCIDRs: ["10.244.3.0/24"], taints: [{ key: "dedicated", value: "web", effect: "NoSchedule" }] });
    const s = node.status!;
    expect(s.capacity).toEqual({ cpu: "8", "ephemeral-storage": "101430960Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "8Gi", pods: "110" });
    // Allocatable keeps back the hard eviction thresholds: 100Mi of memory, 10% of the disk.
    expect(s.allocatable).toEqual({ cpu: "8", "ephemeral-storage": "91287864Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "8092Mi", pods: "110" });
    const t0 = f.now(0);
    expect(s.conditions).toEqual([
      { type: "MemoryPressure", status: "False", lastHeartbeatTime: t0, lastTransitionTime: t0, reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available" },
      { type: "DiskPressure", status: "False", lastHeartbeatTime: t0, lastTransitionTime: t0, reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure" },
      { type: "PIDPressure", status: "False", lastHeartbeatTime: t0, lastTransitionTime: t0, reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available" },
      { type: "Ready", status: "True", lastHeartbeatTime: t0, lastTransitionTime: t0, reason: "KubeletReady", message: "kubelet is posting ready status" },
    ]);
    expect(s.addresses).toEqual([
      { type: "InternalIP", address: "10.0.0.13" },
      { type: "Hostname", address: "node-1" },
    ]);
    expect(s.daemonEndpoints).toEqual({ kubeletEndpoint: { Port: 10250 } });
    expect(s.nodeInfo).toMatchObject({
      kernelVersion: "6.8.0-85-generic",
      osImage: "Ubuntu 24.04.3 LTS",
      containerRuntimeVersion: "containerd://2.1.4",
      kubeletVersion: "v1.34.10",
      kubeProxyVersion: "",
      operatingSystem: "linux",
      architecture: "amd64",
    });
    expect(s.nodeInfo!.machineID).toMatch(/^[0-9a-f]{32}$/);
    expect(s.nodeInfo!.bootID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(s.images!.map((i) => i.names[1])).toEqual(["registry.k8s.io/kube-proxy:v1.34.10", "registry.k8s.io/pause:3.10.1"]);
  });

  it("records Starting and the condition events", () => {
    const f = newKubeletFixture();
    expect(f.events("node-1")).toEqual([
      "Normal Starting: Starting kubelet.",
      "Normal NodeAllocatableEnforced: Updated Node Allocatable limit across pods",
      "Normal NodeHasSufficientMemory: Node node-1 status is now: NodeHasSufficientMemory",
      "Normal NodeHasNoDiskPressure: Node node-1 status is now: NodeHasNoDiskPressure",
      "Normal NodeHasSufficientPID: Node node-1 status is now: NodeHasSufficientPID",
      "Normal NodeReady: Node node-1 status is now: NodeReady",
    ]);
    const ev = must(f.api.list(ADMIN, "events")).items.find((e) => e.reason === "Starting")!;
    expect(ev.involvedObject).toMatchObject({ kind: "Node", name: "node-1", uid: "node-1" });
    expect(ev.source).toEqual({ component: "kubelet", host: "node-1" });
  });
});

describe("heartbeats", () => {
  it("renews kube-node-lease/<node> every 10 s", () => {
    const f = newKubeletFixture();
    const lease = f.lease();
    expect(lease.spec).toEqual({ holderIdentity: "node-1", leaseDurationSeconds: 40, renewTime: "2026-01-01T09:00:00.000000Z" });
    expect(lease.metadata.ownerReferences).toEqual([{ apiVersion: "v1", kind: "Node", name: "node-1", uid: f.node().metadata.uid }]);
    const seen: string[] = [];
    for (let t = 5_000; t <= 35_000; t += 5_000) {
      f.advanceTo(t);
      seen.push(f.lease().spec.renewTime!);
    }
    expect(seen).toEqual([
      "2026-01-01T09:00:00.000000Z",
      "2026-01-01T09:00:10.000000Z",
      "2026-01-01T09:00:10.000000Z",
      "2026-01-01T09:00:20.000000Z",
      "2026-01-01T09:00:20.000000Z",
      "2026-01-01T09:00:30.000000Z",
      "2026-01-01T09:00:30.000000Z",
    ]);
  });

  it("posts an unchanged node status only every 5 min, refreshing the heartbeats", () => {
    const f = newKubeletFixture();
    f.advanceTo(NODE_STATUS_REPORT_FREQUENCY_MS - 1);
    expect(nodeWrites(f, 0, NODE_STATUS_REPORT_FREQUENCY_MS)).toBe(0);
    f.advanceTo(NODE_STATUS_REPORT_FREQUENCY_MS + 20_000);
    expect(nodeWrites(f, 0, NODE_STATUS_REPORT_FREQUENCY_MS + 20_000)).toBe(1);
    const ready = condition(f.node(), "Ready");
    expect(ready.lastHeartbeatTime).toBe("2026-01-01T09:05:00Z");
    expect(ready.lastTransitionTime).toBe("2026-01-01T09:00:00Z");
    expect(condition(f.node(), "MemoryPressure").lastHeartbeatTime).toBe("2026-01-01T09:05:00Z");
  });

  it("posts a changed status at the next 10 s tick (a new image on the node)", () => {
    const f = newKubeletFixture();
    f.createPod("web", "nginx:1.27");
    f.advanceTo(9_999);
    expect(nodeWrites(f, 0, 10_000)).toBe(0);
    f.advanceTo(10_000);
    expect(nodeWrites(f, 10_000, 10_001)).toBe(1);
    expect(f.node().status!.images![0]).toEqual({
      names: [expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/), "docker.io/library/nginx:1.27"],
      sizeBytes: NGINX_SIZE,
    });
    f.advanceTo(60_000);
    expect(nodeWrites(f, 10_001, 60_000)).toBe(0);
  });
});

describe("pod lifecycle", () => {
  it("takes a pod from Pending through ContainerCreating to Running at the stage times", () => {
    const f = newKubeletFixture();
    f.createPod("web", "nginx:1.27");
    f.advanceTo(10_000);
    const running = SANDBOX + PULL + START + READY;
    expect(timeline(f, "web")).toEqual([
      [0, "Pending"],
      [SANDBOX, "ContainerCreating"],
      [running, "Running"],
    ]);
    expect(f.events("web")).toEqual([
      'Normal Pulling: Pulling image "nginx:1.27"',
      `Normal Pulled: Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: ${NGINX_SIZE} bytes.`,
      "Normal Created: Created container: web",
      "Normal Started: Started container web",
    ]);
    const pulled = must(f.api.list(ADMIN, "events")).items.find((e) => e.reason === "Pulled")!;
    expect(pulled.firstTimestamp).toBe(f.now(SANDBOX + PULL));
    expect(pulled.source).toEqual({ component: "kubelet", host: "node-1" });
  });

  it("reports ContainerCreating with the sandbox's IP and unready conditions", () => {
    const f = newKubeletFixture();
    f.createPod("web", "nginx:1.27");
    f.advanceTo(SANDBOX);
    const pod = f.pod("web")!;
    const t = f.now(SANDBOX);
    expect(pod.status).toMatchObject({
      observedGeneration: 1,
      phase: "Pending",
      hostIP: "10.0.0.11",
      hostIPs: [{ ip: "10.0.0.11" }],
      podIP: "10.244.1.2",
      podIPs: [{ ip: "10.244.1.2" }],
      startTime: t,
      qosClass: "BestEffort",
    });
    expect(pod.status!.conditions!.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ["PodReadyToStartContainers", "True", undefined, undefined],
      ["Initialized", "True", undefined, undefined],
      ["Ready", "False", "ContainersNotReady", "containers with unready status: [web]"],
      ["ContainersReady", "False", "ContainersNotReady", "containers with unready status: [web]"],
      ["PodScheduled", "True", undefined, undefined],
    ]);
    expect(pod.status!.conditions![0]).toEqual({ type: "PodReadyToStartContainers", status: "True", lastProbeTime: null, lastTransitionTime: t, observedGeneration: 1 });
    expect(pod.status!.containerStatuses).toEqual([
      { name: "web", state: { waiting: { reason: "ContainerCreating" } }, lastState: {}, ready: false, restartCount: 0, image: "nginx:1.27", imageID: "", started: false },
    ]);
  });

  it("reports Running with the runtime's container and image IDs", () => {
    const f = newKubeletFixture();
    f.createPod("web", "nginx:1.27");
    const running = SANDBOX + PULL + START + READY;
    f.advanceTo(running);
    const pod = f.pod("web")!;
    expect(pod.status!.phase).toBe("Running");
    expect(pod.status!.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual([
      "PodReadyToStartContainers=True",
      "Initialized=True",
      "Ready=True",
      "ContainersReady=True",
      "PodScheduled=True",
    ]);
    const ready = pod.status!.conditions!.find((c) => c.type === "Ready")!;
    expect(ready.lastTransitionTime).toBe(f.now(running));
    const [cs] = pod.status!.containerStatuses!;
    expect(cs).toEqual({
      name: "web",
      state: { running: { startedAt: f.now(SANDBOX + PULL + START) } },
      lastState: {},
      ready: true,
      restartCount: 0,
      image: "docker.io/library/nginx:1.27",
      imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
      containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/),
      started: true,
    });
  });

  it("uses the image already on the node (IfNotPresent), and pulls again for Always", () => {
    const f = newKubeletFixture();
    f.createPod("a", "nginx:1.27");
    f.advanceTo(10_000);
    f.createPod("b", "nginx:1.27");
    f.createPod("c", [{ name: "web", image: "nginx:1.27", imagePullPolicy: "Always" }]);
    f.advanceTo(20_000);
    expect(f.events("b")).toEqual([
      'Normal Pulled: Container image "nginx:1.27" already present on machine',
      "Normal Created: Created container: web",
      "Normal Started: Started container web",
    ]);
    expect(timeline(f, "b")).toEqual([
      [10_000, "Pending"],
      [10_000 + SANDBOX, "ContainerCreating"],
      [10_000 + SANDBOX + START + READY, "Running"],
    ]);
    expect(f.events("c").slice(0, 2)).toEqual(['Normal Pulling: Pulling image "nginx:1.27"', `Normal Pulled: Successfully pulled image "nginx:1.27" in 300ms (300ms including waiting). Image size: ${NGINX_SIZE} bytes.`]);
    expect(f.pod("b")!.status!.podIP).toBe("10.244.1.3");
    expect(f.pod("c")!.status!.podIP).toBe("10.244.1.4");
  });

  it("pulls one image at a time: a second pull waits for the first", () => {
    const f = newKubeletFixture();
    f.createPod("a", "redis:7");
    f.createPod("b", "redis:7");
    f.advanceTo(10_000);
    const wait = PULL + REPULL;
    expect(f.events("b")[1]).toBe(`Normal Pulled: Successfully pulled image "redis:7" in ${REPULL}ms (${wait / 1000}s including waiting). Image size: 49406915 bytes.`);
    expect(timeline(f, "b").at(-1)).toEqual([SANDBOX + wait + START + READY, "Running"]);
  });

  it("starts containers one after another", () => {
    const f = newKubeletFixture();
    f.createPod("two", [
      { name: "web", image: "nginx:1.27" },
      { name: "cache", image: "redis:7" },
    ]);
    f.advanceTo(20_000);
    expect(f.events("two")).toEqual([
      'Normal Pulling: Pulling image "nginx:1.27"',
      `Normal Pulled: Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: ${NGINX_SIZE} bytes.`,
      "Normal Created: Created container: web",
      "Normal Started: Started container web",
      'Normal Pulling: Pulling image "redis:7"',
      "Normal Pulled: Successfully pulled image \"redis:7\" in 2s (2s including waiting). Image size: 49406915 bytes.",
      "Normal Created: Created container: cache",
      "Normal Started: Started container cache",
    ]);
    expect(timeline(f, "two").at(-1)).toEqual([SANDBOX + 2 * (PULL + START) + READY, "Running"]);
  });
});

describe("jitter", () => {
  it("draws stage delays from the kubelet's stream: the same seed replays the same times", () => {
    const run = (seed: number) => {
      const f = newKubeletFixture({ tables: DEFAULT_KUBELET_TABLES, seed });
      for (let i = 0; i < 4; i++) f.createPod(`p${i}`, "nginx:1.27");
      f.advanceTo(30_000);
      return [0, 1, 2, 3].map((i) => timeline(f, `p${i}`));
    };
    const a = run(5);
    expect(run(5)).toEqual(a);
    expect(run(6)).not.toEqual(a);
    // pod-sandbox is 300 ms plus up to 400 ms of jitter.
    for (const t of a) {
      expect(t[1]![0]).toBeGreaterThanOrEqual(300);
      expect(t[1]![0]).toBeLessThanOrEqual(700);
      expect(t.at(-1)![1]).toBe("Running");
    }
    expect(new Set(a.map((t) => t.at(-1)![0])).size).toBeGreaterThan(1);
  });
});

describe("admission", () => {
  it("rejects a pod that does not fit next to the running ones: Failed, OutOfcpu", () => {
    const f = newKubeletFixture();
    f.createPod("big", [{ name: "web", image: "nginx:1.27", resources: { requests: { cpu: "3", memory: "1Gi" } } }]);
    f.createPod("more", [{ name: "web", image: "nginx:1.27", resources: { requests: { cpu: "1500m" } } }]);
    f.advanceTo(10_000);
    expect(podStatusText(f.pod("big")!)).toBe("Running");
    const more = f.pod("more")!;
    expect(podStatusText(more)).toBe("OutOfcpu");
    expect(more.status).toEqual({
      phase: "Failed",
      reason: "OutOfcpu",
      message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 1500, used: 3000, capacity: 4000",
      startTime: f.now(0),
      qosClass: "Burstable",
    });
    expect(f.events("more")).toEqual(["Warning OutOfcpu: Node didn't have enough resource: cpu, requested: 1500, used: 3000, capacity: 4000"]);
    // A failed pod is deleted at once.
    must(f.admin.delete("pods", "default", "more"));
    expect(f.pod("more")).toBeUndefined();
    f.settle();
    expect(f.kubelet.hasWork()).toBe(false);
  });

  it("checks the pod count first, then memory (bytes)", () => {
    const f = newKubeletFixture({ nodes: [{ pods: 2 }] });
    f.createPod("a", [{ name: "web", image: "nginx:1.27", resources: { requests: { memory: "7Gi" } } }]);
    f.createPod("b", [{ name: "web", image: "nginx:1.27", resources: { requests: { memory: "1Gi" } } }]);
    f.createPod("c", "nginx:1.27");
    f.advanceTo(1_000);
    expect(f.pod("b")!.status!.message).toBe("Pod was rejected: Node didn't have enough resource: memory, requested: 1073741824, used: 7516192768, capacity: 8485076992");
    // The rejected pod holds nothing: "c" is the second of two.
    expect(podStatusText(f.pod("c")!)).toBe("ContainerCreating");
    f.createPod("d", [{ name: "web", image: "nginx:1.27", resources: { requests: { memory: "9Gi" } } }]);
    f.advanceTo(2_000);
    expect(f.pod("d")!.status!.reason).toBe("OutOfpods");
    expect(f.pod("d")!.status!.message).toBe("Pod was rejected: Node didn't have enough resource: pods, requested: 1, used: 2, capacity: 2");
  });
});

describe("image pull failures", () => {
  it("goes ErrImagePull → ImagePullBackOff and retries on the back-off (10 s doubling)", () => {
    const f = newKubeletFixture();
    f.createPod("bad", "nginx:doesnotexist");
    f.advanceTo(80_000);
    // Pull attempts start at 0.3 s, then when a resync finds the back-off over:
    // 10 s after the 1st failure, 20 s after the 2nd, 40 s after the 3rd.
    const fail1 = SANDBOX + PULL_FAIL;
    const pull2 = fail1 + RELIST + RESYNC;
    const fail2 = pull2 + PULL_FAIL;
    const pull3 = fail2 + 2 * RESYNC;
    const fail3 = pull3 + PULL_FAIL;
    const pull4 = fail3 + 4 * RESYNC;
    expect(pull2 - fail1).toBeGreaterThanOrEqual(10_000);
    expect(pull3 - fail2).toBeGreaterThanOrEqual(20_000);
    expect(pull4 - fail3).toBeGreaterThanOrEqual(40_000);
    expect(timeline(f, "bad")).toEqual([
      [0, "Pending"],
      [SANDBOX, "ContainerCreating"],
      [fail1, "ErrImagePull"],
      [fail1 + RELIST, "ImagePullBackOff"],
      [fail2, "ErrImagePull"],
      [fail2 + RESYNC, "ImagePullBackOff"],
      [fail3, "ErrImagePull"],
      [fail3 + RESYNC, "ImagePullBackOff"],
      [pull4 + PULL_FAIL, "ErrImagePull"],
    ]);
    const pulling = must(f.api.list(ADMIN, "events")).items.find((e) => e.reason === "Pulling")!;
    expect(pulling.count).toBe(4);
    expect(pulling.lastTimestamp).toBe(f.now(pull4));
  });

  it("records Failed and BackOff events with the runtime's error", () => {
    const f = newKubeletFixture();
    f.createPod("bad", "nginx:doesnotexist");
    f.advanceTo(SANDBOX + PULL_FAIL + RELIST);
    expect(f.events("bad")).toEqual([
      'Normal Pulling: Pulling image "nginx:doesnotexist"',
      `Warning Failed: Failed to pull image "nginx:doesnotexist": ${NOT_FOUND}`,
      "Warning Failed: Error: ErrImagePull",
      'Normal BackOff: Back-off pulling image "nginx:doesnotexist"',
      "Warning Failed: Error: ImagePullBackOff",
    ]);
    const [cs] = f.pod("bad")!.status!.containerStatuses!;
    expect(cs!.state).toEqual({ waiting: { reason: "ImagePullBackOff", message: `Back-off pulling image "nginx:doesnotexist": ErrImagePull: ${NOT_FOUND}` } });
    expect(cs!.image).toBe("nginx:doesnotexist");
    expect(cs!.imageID).toBe("");
  });

  it("shows ErrImagePull's message while the first failure is fresh", () => {
    const f = newKubeletFixture();
    f.createPod("bad", "nginx:doesnotexist");
    f.advanceTo(SANDBOX + PULL_FAIL);
    expect(f.pod("bad")!.status!.containerStatuses![0]!.state).toEqual({ waiting: { reason: "ErrImagePull", message: NOT_FOUND } });
    expect(f.pod("bad")!.status!.phase).toBe("Pending");
  });

  it("words a repository that does not exist as Docker Hub does", () => {
    const f = newKubeletFixture();
    f.createPod("bad", "invalid/app:1.0");
    f.advanceTo(SANDBOX + PULL_FAIL);
    expect(f.events("bad")[1]).toBe(
      'Warning Failed: Failed to pull image "invalid/app:1.0": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/invalid/app:1.0": failed to resolve reference "docker.io/invalid/app:1.0": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it("reports ErrImageNeverPull when the policy forbids pulling a missing image", () => {
    const f = newKubeletFixture();
    f.createPod("never", [{ name: "web", image: "busybox:1.36", imagePullPolicy: "Never" }]);
    f.advanceTo(SANDBOX);
    expect(f.events("never")).toEqual(['Warning ErrImageNeverPull: Container image "busybox:1.36" is not present with pull policy of Never', "Warning Failed: Error: ErrImageNeverPull"]);
    expect(podStatusText(f.pod("never")!)).toBe("ErrImageNeverPull");
  });
});

describe("deletion", () => {
  function runningPod(f: KubeletFixture, name = "web", grace?: number): number {
    f.createPod(name, "nginx:1.27", grace === undefined ? {} : { grace });
    const t = SANDBOX + PULL + START + READY;
    f.advanceTo(t);
    return t;
  }

  it("stops the containers, reports them Completed, then deletes the pod with grace 0", () => {
    const f = newKubeletFixture();
    const t = runningPod(f);
    f.advanceTo(5_000);
    must(f.admin.delete("pods", "default", "web"));
    f.settle();
    expect(podStatusText(f.pod("web")!)).toBe("Terminating");
    const stopped = 5_000 + STOP;
    f.advanceTo(stopped - 100);
    expect(f.pod("web")).toBeDefined();
    f.advanceTo(stopped);
    expect(f.pod("web")).toBeUndefined();
    expect(f.events("web").slice(4)).toEqual(["Normal Killing: Stopping container web"]);
    const last = f.log.filter((e) => e.object.kind === "Pod" && e.type === "MODIFIED").at(-1)!.object as Pod;
    expect(last.status!.phase).toBe("Succeeded");
    expect(last.status!.containerStatuses![0]!.state).toEqual({
      terminated: { exitCode: 0, reason: "Completed", startedAt: f.now(SANDBOX + PULL + START), finishedAt: f.now(stopped), containerID: last.status!.containerStatuses![0]!.containerID },
    });
    expect(last.status!.conditions!.find((c) => c.type === "Ready")).toMatchObject({ status: "False", reason: "PodCompleted" });
    expect(last.status!.conditions!.find((c) => c.type === "PodReadyToStartContainers")!.status).toBe("False");
    expect(timeline(f, "web").map(([, s]) => s)).toEqual(["Pending", "ContainerCreating", "Running", "Terminating", "Completed", "<deleted>"]);
    void t;
  });

  it("kills with SIGKILL (137) when the grace period runs out first", () => {
    const slow = tablesWithoutJitter({
      ...DEFAULT_KUBELET_TABLES,
      stages: DEFAULT_KUBELET_TABLES.stages.map((s) => (s.name === "pod-stopped" ? { ...s, delay: { ms: 5_000, jitterMs: 0 } } : s)),
    });
    const f = newKubeletFixture({ tables: slow });
    runningPod(f, "web", 1);
    f.advanceTo(5_000);
    must(f.admin.delete("pods", "default", "web"));
    f.settle();
    f.advanceTo(6_000);
    expect(f.pod("web")).toBeUndefined();
    const last = f.log.filter((e) => e.object.kind === "Pod" && e.type === "MODIFIED").at(-1)!.object as Pod;
    expect(last.status!.phase).toBe("Failed");
    expect(last.status!.containerStatuses![0]!.state.terminated).toMatchObject({ exitCode: 137, reason: "Error", finishedAt: f.now(6_000) });
  });

  it("reports containers that never ran as lost when the pod is deleted early", () => {
    const f = newKubeletFixture();
    f.createPod("bad", "nginx:doesnotexist");
    f.advanceTo(5_000);
    must(f.admin.delete("pods", "default", "bad"));
    f.settle();
    f.advanceTo(5_000 + STOP);
    expect(f.pod("bad")).toBeUndefined();
    expect(f.events("bad").filter((e) => e.includes("Killing"))).toEqual([]);
    const last = f.log.filter((e) => e.object.kind === "Pod" && e.type === "MODIFIED").at(-1)!.object as Pod;
    expect(last.status!.phase).toBe("Failed");
    expect(last.status!.containerStatuses![0]!.state).toEqual({
      terminated: { exitCode: 137, reason: "ContainerStatusUnknown", message: "The container could not be located when the pod was terminated" },
    });
  });

  it("kills the containers of a force-deleted pod and writes nothing more", () => {
    const f = newKubeletFixture();
    runningPod(f);
    must(f.admin.delete("pods", "default", "web", { gracePeriodSeconds: 0 }));
    const rev = f.api.revision;
    f.settle();
    expect(f.events("web").at(-1)).toBe("Normal Killing: Stopping container web");
    // The Killing event is the only write.
    expect(f.api.revision).toBe(rev + 1);
    expect(f.kubelet.hasWork()).toBe(false);
  });
});

describe("node crash and restart", () => {
  it("writes nothing while crashed: no lease renewal, no status, no pod work", () => {
    const f = newKubeletFixture();
    f.createPod("web", "nginx:1.27");
    f.advanceTo(25_000);
    f.kubelet.crash();
    expect(f.kubelet.running).toBe(false);
    const rev = f.api.revision;
    f.createPod("late", "nginx:1.27");
    f.advanceTo(400_000);
    expect(f.api.revision).toBe(rev + 1); // only the pod we created
    expect(f.lease().spec.renewTime).toBe("2026-01-01T09:00:20.000000Z");
    expect(f.kubelet.hasWork()).toBe(false);
    expect(f.kubelet.runOnce()).toBe(0);
  });

  it("reboots: re-posts Ready, renews the lease, deletes terminating pods, restarts containers", () => {
    const f = newKubeletFixture();
    f.createPod("web", "nginx:1.27");
    f.createPod("bye", "nginx:1.27");
    f.createPod("once", "nginx:1.27", { restartPolicy: "Never" });
    f.advanceTo(10_000);
    const bootBefore = f.node().status!.nodeInfo!.bootID;
    const podIP = f.pod("web")!.status!.podIP;
    const startedAt = f.pod("web")!.status!.containerStatuses![0]!.state.running!.startedAt;
    f.kubelet.crash();
    f.advanceTo(30_000);
    must(f.admin.delete("pods", "default", "bye"));
    // The node controller gives up on the silent node.
    const unknown = (c: NonNullable<NonNullable<Node["status"]>["conditions"]>[number]) => ({ ...c, status: "Unknown" as const, reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.", lastTransitionTime: f.now() });
    must(f.admin.patchStatus("nodes", undefined, "node-1", { status: { conditions: f.node().status!.conditions!.map(unknown) } }));
    f.advanceTo(60_000);

    f.kubelet.restart();
    f.settle();
    expect(f.kubelet.running).toBe(true);
    const node = f.node();
    const bootID = node.status!.nodeInfo!.bootID;
    expect(bootID).not.toBe(bootBefore);
    expect(condition(node, "Ready")).toMatchObject({ status: "True", reason: "KubeletReady", lastHeartbeatTime: f.now(60_000), lastTransitionTime: f.now(60_000) });
    expect(f.lease().spec.renewTime).toBe("2026-01-01T09:01:00.000000Z");
    // The new kubelet process posts its own start-up events (a fresh correlator:
    // new objects, not counts on the first boot's), plus Rebooted.
    const bootEvents = [
      "Normal Starting: Starting kubelet.",
      "Normal NodeAllocatableEnforced: Updated Node Allocatable limit across pods",
      "Normal NodeHasSufficientMemory: Node node-1 status is now: NodeHasSufficientMemory",
      "Normal NodeHasNoDiskPressure: Node node-1 status is now: NodeHasNoDiskPressure",
      "Normal NodeHasSufficientPID: Node node-1 status is now: NodeHasSufficientPID",
      "Normal NodeReady: Node node-1 status is now: NodeReady",
    ];
    expect(f.events("node-1")).toEqual([
      ...bootEvents,
      ...bootEvents.slice(0, 2),
      `Warning Rebooted: Node node-1 has been rebooted, boot id: ${bootID}`,
      ...bootEvents.slice(2),
    ]);
    const starting = must(f.api.list(ADMIN, "events")).items.filter((e) => e.reason === "Starting");
    expect(starting.map((e) => [e.count, e.firstTimestamp])).toEqual([
      [1, f.now(0)],
      [1, f.now(60_000)],
    ]);
    // The terminating pod's containers died with the machine: it goes at once.
    expect(f.pod("bye")).toBeUndefined();
    // Containers lost in the reboot show as exited 255 "Unknown" until restarted.
    expect(podStatusText(f.pod("web")!)).toBe("Unknown");
    expect(podStatusText(f.pod("once")!)).toBe("Unknown");
    expect(f.pod("once")!.status!.phase).toBe("Failed");

    const running = 60_000 + SANDBOX_CHANGED + START + READY;
    f.advanceTo(running + 5_000);
    expect(timeline(f, "web").filter(([t]) => t >= 60_000)).toEqual([
      [60_000, "Unknown"],
      [running, "Running"],
    ]);
    const [cs] = f.pod("web")!.status!.containerStatuses!;
    expect(cs!.restartCount).toBe(1);
    expect(cs!.lastState.terminated).toMatchObject({ exitCode: 255, reason: "Unknown", startedAt, finishedAt: f.now(60_000) });
    expect(cs!.state.running!.startedAt).toBe(f.now(60_000 + SANDBOX_CHANGED + START));
    expect(f.pod("web")!.status!.podIP).not.toBe(podIP);
    expect(f.events("web")).toEqual([
      'Normal Pulling: Pulling image "nginx:1.27"',
      `Normal Pulled: Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: ${NGINX_SIZE} bytes.`,
      "Normal Created: Created container: web",
      "Normal Started: Started container web",
      "Normal SandboxChanged: Pod sandbox changed, it will be killed and re-created.",
      'Normal Pulled: Container image "nginx:1.27" already present on machine',
      "Normal Created: Created container: web",
      "Normal Started: Started container web",
    ]);
    // restartPolicy Never: the container stays dead.
    expect(f.pod("once")!.status!.containerStatuses![0]!.restartCount).toBe(0);
  });

  it("restarts without NodeReady when the node never looked unhealthy", () => {
    const f = newKubeletFixture();
    f.advanceTo(10_000);
    f.kubelet.crash();
    f.advanceTo(20_000);
    f.kubelet.restart();
    f.settle();
    expect(f.events("node-1").map((e) => e.split(":")[0])).toEqual([
      "Normal Starting",
      "Normal NodeAllocatableEnforced",
      "Normal NodeHasSufficientMemory",
      "Normal NodeHasNoDiskPressure",
      "Normal NodeHasSufficientPID",
      "Normal NodeReady",
      "Normal Starting",
      "Normal NodeAllocatableEnforced",
      "Warning Rebooted",
    ]);
  });
});

function must<T>(r: { ok: true; object: T } | { ok: false; status: { message: string } }): T {
  if (!r.ok) throw new Error(r.status.message);
  return r.object;
}
