// The pod lifecycle on a node, one stage per transition (kwok's pod stages, with
// the kubelet's real steps). A pod worker in some state picks the one stage whose
// `when` matches, waits its delay, performs its steps, and moves to `next`.
// Timings are what a kubelet with containerd typically shows; tune them here.

import { loadPodStages } from "./schema.ts";

/** Every state a pod worker can be in while its pod still runs here. */
const LIVE = ["New", "Admitted", "EnsureImage", "Pulling", "PullFailed", "PullBackOff", "NeverPull", "CreateContainer", "ContainerStarted", "Running", "CrashLoopBackOff", "SandboxChanged"] as const;

export const POD_STAGES = loadPodStages("shared/sim/kubelet/stages/pod-stages.ts", [
  // --- start -----------------------------------------------------------------
  {
    // canAdmitPod: the scheduler's resource fit against the pods already here.
    name: "pod-admit",
    appliesTo: "pod",
    when: { state: ["New"], fits: true },
    delay: { ms: 0, jitterMs: 0 },
    steps: [],
    next: "Admitted",
  },
  {
    name: "pod-reject",
    appliesTo: "pod",
    when: { state: ["New"], fits: false },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ action: "rejectPod" }],
    next: "Rejected",
  },
  {
    // RunPodSandbox and CNI ADD; the status manager then reports ContainerCreating.
    name: "pod-sandbox",
    appliesTo: "pod",
    when: { state: ["Admitted"] },
    delay: { ms: 300, jitterMs: 400 },
    steps: [{ action: "createSandbox" }, { action: "writeStatus" }],
    next: "EnsureImage",
  },
  {
    name: "image-present",
    appliesTo: "container",
    when: { state: ["EnsureImage"], needsPull: false, imagePresent: true },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ event: "AlreadyPresent" }],
    next: "CreateContainer",
  },
  {
    name: "image-never-pull",
    appliesTo: "container",
    when: { state: ["EnsureImage"], needsPull: false, imagePresent: false },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ event: "NeverPull" }, { action: "neverPull" }, { event: "ErrImageNeverPull" }, { action: "writeStatus" }],
    next: "NeverPull",
  },
  {
    name: "image-pull-backoff",
    appliesTo: "container",
    when: { state: ["EnsureImage"], needsPull: true, inPullBackOff: true },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ event: "BackOffPull" }, { action: "pullBackOff" }, { event: "ImagePullBackOff" }, { action: "writeStatus" }],
    next: "PullBackOff",
  },
  {
    name: "image-pull-start",
    appliesTo: "container",
    when: { state: ["EnsureImage"], needsPull: true, inPullBackOff: false },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ event: "Pulling" }],
    next: "Pulling",
  },
  {
    // Downloading and unpacking the layers.
    name: "image-pulled",
    appliesTo: "container",
    when: { state: ["Pulling"], pullable: true, imageCached: false },
    delay: { ms: 2000, jitterMs: 3000 },
    serialImagePull: true,
    steps: [{ action: "storeImage" }, { event: "Pulled" }],
    next: "CreateContainer",
  },
  {
    // The content is already there (or arriving for another pod): only the manifest is checked.
    name: "image-repulled",
    appliesTo: "container",
    when: { state: ["Pulling"], pullable: true, imageCached: true },
    delay: { ms: 300, jitterMs: 500 },
    serialImagePull: true,
    steps: [{ action: "storeImage" }, { event: "Pulled" }],
    next: "CreateContainer",
  },
  {
    name: "image-pull-failed",
    appliesTo: "container",
    when: { state: ["Pulling"], pullable: false },
    delay: { ms: 700, jitterMs: 800 },
    serialImagePull: true,
    steps: [{ event: "FailedPull" }, { action: "pullFailed" }, { event: "ErrImagePull" }, { action: "writeStatus" }],
    next: "PullFailed",
  },
  {
    // The new sandbox's PLEG event (relist every 1 s) syncs the pod again at once.
    name: "pull-failed-relist",
    appliesTo: "container",
    when: { state: ["PullFailed"], retrying: false },
    delay: { ms: 1000, jitterMs: 0 },
    steps: [],
    next: "EnsureImage",
  },
  {
    // After a failed sync the pod worker waits backOffPeriod (10 s, jitter 0.5).
    name: "pull-failed-resync",
    appliesTo: "container",
    when: { state: ["PullFailed"], retrying: true },
    delay: { ms: 10_000, jitterMs: 5000 },
    steps: [],
    next: "EnsureImage",
  },
  {
    name: "pull-backoff-resync",
    appliesTo: "container",
    when: { state: ["PullBackOff"] },
    delay: { ms: 10_000, jitterMs: 5000 },
    steps: [],
    next: "EnsureImage",
  },
  {
    name: "never-pull-resync",
    appliesTo: "container",
    when: { state: ["NeverPull"] },
    delay: { ms: 10_000, jitterMs: 5000 },
    steps: [],
    next: "EnsureImage",
  },
  {
    // CreateContainer + StartContainer.
    name: "container-start",
    appliesTo: "container",
    when: { state: ["CreateContainer"] },
    delay: { ms: 300, jitterMs: 400 },
    steps: [{ action: "startContainer" }, { event: "Created" }, { event: "Started" }],
    next: "ContainerStarted",
  },
  {
    name: "next-container",
    appliesTo: "pod",
    when: { state: ["ContainerStarted"], moreContainers: true },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ action: "nextContainer" }],
    next: "EnsureImage",
  },
  {
    // PLEG's next relist sees the containers running (with no readiness probe they
    // are ready), or already dead if their command returned at once.
    name: "pod-ready",
    appliesTo: "pod",
    when: { state: ["ContainerStarted"], moreContainers: false },
    delay: { ms: 1000, jitterMs: 0 },
    steps: [{ action: "writeStatus" }],
    next: "Running",
  },

  // --- containers that exit ---------------------------------------------------
  {
    // PLEG's relist (every 1 s) finds the process gone: Completed or Error.
    name: "container-died",
    appliesTo: "pod",
    when: { state: ["Running"], containerDied: true },
    delay: { ms: 1000, jitterMs: 0 },
    steps: [{ action: "writeStatus" }],
    next: "Running",
  },
  {
    // The restart policy wants it back and doBackOff lets it: started again at once.
    name: "container-restart",
    appliesTo: "pod",
    when: { state: ["Running"], containerDied: false, restartable: true },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ action: "restartContainer" }],
    next: "EnsureImage",
  },
  {
    // doBackOff refuses: Warning BackOff, and CrashLoopBackOff from the next status on.
    name: "container-back-off",
    appliesTo: "pod",
    when: { state: ["Running"], containerDied: false, restartable: false, inRestartBackOff: true },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ event: "BackOffRestart" }, { action: "crashLoopBackOff" }],
    next: "CrashLoopBackOff",
  },
  {
    // The failed sync is retried after backOffPeriod (10 s, jitter 0.5): the status
    // now shows CrashLoopBackOff, and the back-off is checked again.
    name: "crash-loop-resync",
    appliesTo: "pod",
    when: { state: ["CrashLoopBackOff"] },
    delay: { ms: 10_000, jitterMs: 5000 },
    steps: [{ action: "writeStatus" }],
    next: "Running",
  },
  {
    // Nothing runs and nothing will restart (Never, or OnFailure after exit 0): the
    // pod is terminal, Succeeded or Failed, and its sandbox is stopped.
    name: "pod-completed",
    appliesTo: "pod",
    when: { state: ["Running"], containerDied: false, restartable: false, inRestartBackOff: false, containersRunning: false },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ action: "stopContainers" }, { action: "writeStatus" }],
    next: "Finished",
  },

  // --- deletion --------------------------------------------------------------
  {
    name: "pod-killing",
    appliesTo: "pod",
    when: { state: [...LIVE], deletion: ["graceful"] },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ event: "Killing" }],
    next: "Stopping",
  },
  {
    // SIGTERM until the processes exit; SIGKILL if the grace period runs out first.
    name: "pod-stopped",
    appliesTo: "pod",
    when: { state: ["Stopping"], deletion: ["graceful"] },
    delay: { ms: 500, jitterMs: 1000 },
    boundedByGracePeriod: true,
    steps: [{ action: "stopContainers" }, { action: "writeStatus" }, { action: "deletePod" }],
    next: "Gone",
  },
  {
    // Force-deleted (or deleted by someone else): the kubelet just kills what is left.
    name: "pod-removed",
    appliesTo: "pod",
    when: { state: [...LIVE, "Rebooted", "Finished", "Rejected"], deletion: ["removed"] },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ event: "Killing" }, { action: "stopContainers" }],
    next: "Gone",
  },
  {
    name: "pod-removed-while-stopping",
    appliesTo: "pod",
    when: { state: ["Stopping"], deletion: ["removed"] },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ action: "stopContainers" }],
    next: "Gone",
  },

  // --- after a reboot --------------------------------------------------------
  {
    // containerd marks the containers lost with the machine as exited 255 "Unknown".
    name: "pod-rebooted",
    appliesTo: "pod",
    when: { state: ["Rebooted"], restartPolicy: ["Always", "OnFailure"] },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ action: "writeStatus" }],
    next: "SandboxChanged",
  },
  {
    name: "pod-rebooted-no-restart",
    appliesTo: "pod",
    when: { state: ["Rebooted"], restartPolicy: ["Never"] },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ action: "writeStatus" }],
    next: "Finished",
  },
  {
    name: "sandbox-changed",
    appliesTo: "pod",
    when: { state: ["SandboxChanged"] },
    delay: { ms: 1000, jitterMs: 1000 },
    steps: [{ event: "SandboxChanged" }, { action: "createSandbox" }],
    // container-restart then starts the containers the restart policy restarts.
    next: "Running",
  },
  {
    // Nothing left to stop: the containers died with the machine, or never ran.
    name: "pod-delete-stopped",
    appliesTo: "pod",
    when: { state: ["Rebooted", "Finished", "Rejected"], deletion: ["graceful"] },
    delay: { ms: 0, jitterMs: 0 },
    steps: [{ action: "deletePod" }],
    next: "Gone",
  },
]);
