// The kubelet's pod workers (pkg/kubelet/pod_workers.go), driven by the stage
// tables: each pod bound here has a worker in some state; a sync picks the one
// stage whose `when` matches the pod's facts, waits its delay on the simulated
// clock, performs its steps through the API server, and moves on. A scheduled
// stage runs unless the pod's deletion state changes first. Containers whose
// command ends exit on their own (container-process.ts); the worker sees it at
// its next sync and restarts them as the restart policy and back-off allow.

import type { Pod, PodStatus } from "../api/core-v1.ts";
import type { DeepReadonly } from "../api/meta.ts";
import type { Client } from "../clientgo/client.ts";
import type { EventRecorder } from "../clientgo/events.ts";
import type { SimClock, TimerHandle } from "../kernel/clock.ts";
import { deepEqual } from "../kernel/equal.ts";
import type { Rng } from "../kernel/rng.ts";
import { parseTime, rfc3339 } from "../kernel/time.ts";
import { admitPod, podRequests, REJECTED_MESSAGE_PREFIX, type Allocatable, type Rejection, type Requests } from "./admission.ts";
import type { Backoff } from "./backoff.ts";
import { containerProcess } from "./container-process.ts";
import { backOffPullingMessage, neverPullMessage, POD_EVENTS, type PodEventContext } from "./events.ts";
import { imageSizeBytes, parseImageReference, pullErrorMessage, pullFailureFor, type ImageStore } from "./images.ts";
import { goDuration } from "./go-duration.ts";
import type { HostLocalIpam } from "./ipam.ts";
import { buildPodStatus } from "./pod-status.ts";
import {
  crashLoopBackOffMessage,
  newContainerRecord,
  reapExits,
  REASON_CRASH_LOOP_BACK_OFF,
  REASON_ERR_IMAGE_NEVER_PULL,
  REASON_ERR_IMAGE_PULL,
  REASON_IMAGE_PULL_BACK_OFF,
  startContainer,
  stopContainer,
  type ContainerRecord,
  type PodRuntime,
} from "./runtime.ts";
import type { Action, CommandTable, Deletion, Delay, ImageTable, Stage, When, WorkerState } from "./stages/schema.ts";

type PodView = DeepReadonly<Pod>;

/** What the workers share with their kubelet. */
export interface PodWorkersEnv {
  readonly hostIP: string;
  /** status.allocatable, for admission. */
  readonly allocatable: Allocatable;
  readonly clock: SimClock;
  readonly rng: Rng;
  readonly epochMs: number;
  readonly client: Client;
  readonly recorder: EventRecorder;
  readonly stages: readonly Stage[];
  readonly imageTable: ImageTable;
  /** What containers' commands do. */
  readonly commands: CommandTable;
  /** Machine state: outlives a crash. */
  readonly images: ImageStore;
  readonly ipam: HostLocalIpam;
  readonly runtimes: Map<string, PodRuntime>;
  /** Process state: a restarted kubelet starts with empty back-offs. */
  readonly imageBackOff: Backoff;
  readonly restartBackOff: Backoff;
  /** Queues the pod's uid for a sync (a stage's timer fired). */
  enqueue(uid: string): void;
}

/** The facts a stage's `when` selects on. */
interface Facts {
  readonly state: WorkerState;
  readonly deletion: Deletion;
  readonly imagePresent: boolean;
  readonly imageCached: boolean;
  readonly needsPull: boolean;
  readonly inPullBackOff: boolean;
  readonly pullable: boolean;
  readonly retrying: boolean;
  readonly moreContainers: boolean;
  readonly containerDied: boolean;
  readonly restartable: boolean;
  readonly inRestartBackOff: boolean;
  readonly containersRunning: boolean;
  readonly restartPolicy: "Always" | "OnFailure" | "Never";
  readonly fits: boolean;
}

interface Scheduled {
  readonly stage: Stage;
  readonly deletion: Deletion;
  /** How long until the steps run. */
  readonly delayMs: number;
  /** For pulls: the pull itself, and the time including the wait for earlier pulls. */
  readonly pullMs: number;
  readonly pullTotalMs: number;
  /** The grace period ran out before the containers stopped. */
  readonly sigkill: boolean;
  handle?: TimerHandle;
  fired: boolean;
}

interface PodWorker {
  readonly uid: string;
  pod: PodView;
  removed: boolean;
  state: WorkerState;
  /** The container being started (containers start one after another). */
  index: number;
  readonly runtime: PodRuntime;
  /** Resource requests are immutable: worked out once, for admission. */
  readonly requests: Requests;
  scheduled?: Scheduled;
  /** The status this kubelet last wrote (the status manager's cache). */
  lastStatus?: PodStatus;
  /** Last pull error per image, quoted in ImagePullBackOff's message. */
  readonly pullErrors: Map<string, string>;
  /** Per container, the exited instance the last status computed (what PLEG has relisted). */
  readonly reported: Map<string, string>;
  /** Per container, the wake-up at its process's exit. */
  readonly exitWakeUps: Map<string, TimerHandle>;
}

/** Pods that hold no resources on the node: not admitted yet, refused, finished or gone. */
const NOT_ACTIVE: readonly WorkerState[] = ["New", "Rejected", "Finished", "Gone"];

/** A stage should settle in a few hops; more means the tables loop on zero delays. */
const MAX_HOPS = 64;

export function stageMatches(when: When, f: Facts): boolean {
  return (
    when.state.includes(f.state) &&
    when.deletion.includes(f.deletion) &&
    (when.imagePresent === undefined || when.imagePresent === f.imagePresent) &&
    (when.imageCached === undefined || when.imageCached === f.imageCached) &&
    (when.needsPull === undefined || when.needsPull === f.needsPull) &&
    (when.inPullBackOff === undefined || when.inPullBackOff === f.inPullBackOff) &&
    (when.pullable === undefined || when.pullable === f.pullable) &&
    (when.fits === undefined || when.fits === f.fits) &&
    (when.retrying === undefined || when.retrying === f.retrying) &&
    (when.moreContainers === undefined || when.moreContainers === f.moreContainers) &&
    (when.containerDied === undefined || when.containerDied === f.containerDied) &&
    (when.restartable === undefined || when.restartable === f.restartable) &&
    (when.inRestartBackOff === undefined || when.inRestartBackOff === f.inRestartBackOff) &&
    (when.containersRunning === undefined || when.containersRunning === f.containersRunning) &&
    (when.restartPolicy === undefined || when.restartPolicy.includes(f.restartPolicy))
  );
}

export class PodWorkers {
  readonly #env: PodWorkersEnv;
  readonly #workers = new Map<string, PodWorker>();

  constructor(env: PodWorkersEnv) {
    this.#env = env;
  }

  has(uid: string): boolean {
    return this.#workers.has(uid);
  }

  /** A pod bound here was seen (informer add or update). */
  update(pod: PodView): void {
    const uid = pod.metadata.uid!;
    const w = this.#workers.get(uid);
    if (w === undefined) this.#workers.set(uid, this.#newWorker(pod));
    else if (w.pod.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    else w.pod = pod;
    this.#env.enqueue(uid);
  }

  /** The pod is gone from the API server. */
  remove(pod: PodView): void {
    const w = this.#workers.get(pod.metadata.uid!);
    if (w === undefined) return;
    w.removed = true;
    this.#env.enqueue(w.uid);
  }

  /** The machine went down: every stage in progress dies with it. */
  cancelAll(): void {
    for (const w of this.#workers.values()) this.#cancelTimers(w);
    this.#workers.clear();
  }

  sync(uid: string): void {
    const w = this.#workers.get(uid);
    if (w === undefined) return;
    // The runtime knows at once when a process ended; the worker learns it from the facts.
    reapExits(w.runtime, this.#env.clock.now);
    const deletion = this.#deletion(w);
    const s = w.scheduled;
    if (s !== undefined) {
      if (s.fired) {
        w.scheduled = undefined;
        this.#perform(w, s);
        w.state = s.stage.next;
      } else if (s.deletion === deletion) return;
      else {
        s.handle?.cancel();
        w.scheduled = undefined;
      }
    }
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      if (w.state === "Gone" && w.removed) {
        this.#forget(w);
        return;
      }
      const stage = this.#select(w);
      if (stage === undefined) return;
      const next = this.#plan(w, stage);
      if (next.delayMs === 0) {
        this.#perform(w, next);
        w.state = stage.next;
        continue;
      }
      next.handle = this.#env.clock.after(next.delayMs, () => {
        next.fired = true;
        this.#env.enqueue(uid);
      });
      w.scheduled = next;
      return;
    }
    throw new Error(`pod worker ${w.pod.metadata.namespace}/${w.pod.metadata.name}: stages loop without delay`);
  }

  // --- selection ---------------------------------------------------------------

  #deletion(w: PodWorker): Deletion {
    if (w.removed) return "removed";
    return w.pod.metadata.deletionTimestamp !== undefined ? "graceful" : "none";
  }

  #facts(w: PodWorker): Facts {
    const env = this.#env;
    const now = env.clock.now;
    const spec = w.pod.spec.containers[w.index]!;
    const record = w.runtime.containers[w.index]!;
    const policy = spec.imagePullPolicy ?? "IfNotPresent";
    const imagePresent = env.images.has(spec.image, now);
    let containerDied = false;
    let restartable = false;
    let inRestartBackOff = false;
    let containersRunning = false;
    for (const c of w.runtime.containers) {
      if (c.state === "running") containersRunning = true;
      if (c.state === "exited" && c.containerID !== undefined && w.reported.get(c.name) !== c.containerID) containerDied = true;
      if (!this.#restarts(w, c)) continue;
      if (this.#inRestartBackOff(w, c)) inRestartBackOff = true;
      else restartable = true;
    }
    return {
      state: w.state,
      deletion: this.#deletion(w),
      imagePresent,
      imageCached: env.images.cached(spec.image, now),
      needsPull: policy === "Always" || (policy === "IfNotPresent" && !imagePresent),
      inPullBackOff: env.imageBackOff.isInBackOffSinceUpdate(pullBackOffKey(w, spec.image), now),
      pullable: pullFailureFor(env.imageTable, spec.image) === undefined,
      retrying: record.pullFailures > 1,
      moreContainers: this.#nextToStart(w, w.index + 1) !== undefined,
      containerDied,
      restartable,
      inRestartBackOff,
      containersRunning,
      restartPolicy: w.pod.spec.restartPolicy ?? "Always",
      fits: w.state !== "New" || this.#rejection(w) === undefined,
    };
  }

  /** ShouldContainerBeRestarted: an exited container of a pod still running, by its restart policy. */
  #restarts(w: PodWorker, c: ContainerRecord): boolean {
    if (c.state !== "exited" || w.runtime.terminal) return false;
    const policy = w.pod.spec.restartPolicy ?? "Always";
    return policy === "Always" || (policy === "OnFailure" && c.exitCode !== 0);
  }

  /** doBackOff: less than the container's back-off has passed since it exited. */
  #inRestartBackOff(w: PodWorker, c: ContainerRecord): boolean {
    return this.#env.restartBackOff.isInBackOffSince(restartBackOffKey(w, c.name), c.finishedAt ?? this.#env.clock.now);
  }

  /** The first container from `from` on that needs a start: never started, or restartable now. */
  #nextToStart(w: PodWorker, from: number): number | undefined {
    const containers = w.runtime.containers;
    for (let i = from; i < containers.length; i++) {
      const c = containers[i]!;
      if (c.state === "waiting" || (this.#restarts(w, c) && !this.#inRestartBackOff(w, c))) return i;
    }
    return undefined;
  }

  /** Containers the restart policy restarts once their back-off runs out. */
  #backingOff(w: PodWorker): ContainerRecord[] {
    return w.runtime.containers.filter((c) => this.#restarts(w, c) && this.#inRestartBackOff(w, c));
  }

  /** Why the pod cannot run next to the pods this kubelet has admitted, if it cannot. */
  #rejection(w: PodWorker): Rejection | undefined {
    const active = [...this.#workers.values()].filter((o) => o !== w && !NOT_ACTIVE.includes(o.state) && !o.runtime.terminal).map((o) => o.requests);
    return admitPod(w.requests, active, this.#env.allocatable);
  }

  #select(w: PodWorker): Stage | undefined {
    const facts = this.#facts(w);
    return this.#env.stages.find((s) => stageMatches(s.when, facts));
  }

  /** Draws the stage's delay; pulls queue on the node's puller, stops end at the grace period. */
  #plan(w: PodWorker, stage: Stage): Scheduled {
    const env = this.#env;
    let delay = this.#draw(stage.delay);
    let sigkill = false;
    if (stage.boundedByGracePeriod) {
      const graceMs = (w.pod.metadata.deletionGracePeriodSeconds ?? w.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
      if (delay >= graceMs) {
        delay = graceMs;
        sigkill = true;
      }
    }
    const base = { stage, deletion: this.#deletion(w), sigkill, fired: false };
    if (!stage.serialImagePull) return { ...base, delayMs: delay, pullMs: 0, pullTotalMs: 0 };
    const image = w.pod.spec.containers[w.index]!.image;
    const stores = stage.steps.some((s) => "action" in s && s.action === "storeImage");
    const total = env.images.schedulePull(image, delay, env.clock.now, stores);
    return { ...base, delayMs: total, pullMs: delay, pullTotalMs: total };
  }

  /** A delay: ms plus a uniform draw in [0, jitterMs] from the kubelet's stream. */
  #draw({ ms, jitterMs }: Delay): number {
    return ms + (jitterMs > 0 ? this.#env.rng.int(0, jitterMs) : 0);
  }

  // --- steps -------------------------------------------------------------------

  #perform(w: PodWorker, s: Scheduled): void {
    for (const step of s.stage.steps) {
      if ("event" in step) this.#event(w, step.event, s);
      else this.#action(w, step.action, s);
    }
  }

  #event(w: PodWorker, key: keyof typeof POD_EVENTS, s: Scheduled): void {
    const ev = POD_EVENTS[key];
    const pod = w.pod as Pod;
    // Killing names every container still running, BackOffRestart every one backing off; the others concern the current one.
    const containers = key === "Killing" ? w.runtime.containers.filter((c) => c.state === "running") : key === "BackOffRestart" ? this.#backingOff(w) : [w.runtime.containers[w.index]!];
    for (const c of containers) {
      const spec = w.pod.spec.containers.find((x) => x.name === c.name)!;
      const failure = pullFailureFor(this.#env.imageTable, spec.image);
      const ctx: PodEventContext = {
        image: spec.image,
        container: c.name,
        pod: formatPod(w),
        pullError: failure === undefined ? undefined : pullErrorMessage(failure, spec.image),
        pullMs: s.pullMs,
        pullTotalMs: s.pullTotalMs,
        imageSizeBytes: imageSizeBytes(this.#env.imageTable, parseImageReference(spec.image)),
      };
      this.#env.recorder.event(pod, ev.type, ev.reason, ev.message(ctx));
    }
  }

  #action(w: PodWorker, action: Action, s: Scheduled): void {
    const env = this.#env;
    const now = env.clock.now;
    const rt = w.runtime;
    const record = rt.containers[w.index]!;
    const image = w.pod.spec.containers[w.index]?.image ?? record.image;
    switch (action) {
      case "rejectPod":
        this.#reject(w);
        return;
      case "createSandbox":
        env.ipam.release(w.uid);
        rt.podIP = env.ipam.allocate(w.uid);
        rt.sandboxReady = true;
        return;
      case "storeImage":
        env.images.add(image);
        env.imageBackOff.gc();
        return;
      case "pullFailed": {
        env.imageBackOff.next(pullBackOffKey(w, image), now);
        record.pullFailures++;
        const message = pullErrorMessage(pullFailureFor(env.imageTable, image)!, image);
        record.waiting = { reason: REASON_ERR_IMAGE_PULL, message };
        w.pullErrors.set(image, `${REASON_ERR_IMAGE_PULL}: ${message}`);
        return;
      }
      case "pullBackOff": {
        const previous = w.pullErrors.get(image);
        const message = backOffPullingMessage(image);
        record.waiting = { reason: REASON_IMAGE_PULL_BACK_OFF, message: previous === undefined ? message : `${message}: ${previous}` };
        return;
      }
      case "neverPull":
        record.waiting = { reason: REASON_ERR_IMAGE_NEVER_PULL, message: neverPullMessage(image) };
        return;
      case "startContainer":
        this.#startContainer(w, record, image);
        return;
      case "nextContainer":
        w.index = this.#nextToStart(w, w.index + 1)!;
        return;
      case "restartContainer":
        w.index = this.#nextToStart(w, 0)!;
        return;
      case "crashLoopBackOff":
        for (const c of this.#backingOff(w)) {
          const backOff = goDuration(env.restartBackOff.get(restartBackOffKey(w, c.name)));
          c.waiting = { reason: REASON_CRASH_LOOP_BACK_OFF, message: crashLoopBackOffMessage(backOff, c.name, formatPod(w)) };
        }
        return;
      case "stopContainers":
        for (const c of rt.containers) stopContainer(c, now, s.sigkill);
        rt.sandboxReady = false;
        rt.terminal = true;
        env.ipam.release(w.uid);
        return;
      case "writeStatus":
        this.#writeStatus(w);
        return;
      case "deletePod":
        env.client.delete("pods", w.pod.metadata.namespace, w.pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: w.uid } });
        return;
    }
  }

  #startContainer(w: PodWorker, c: ContainerRecord, image: string): void {
    const env = this.#env;
    const now = env.clock.now;
    // A restart out of back-off: doBackOff records the next back-off, measured from this exit.
    if (c.state === "exited") env.restartBackOff.next(restartBackOffKey(w, c.name), c.finishedAt ?? now);
    const containerID = `containerd://${hex(env.rng, 32)}`;
    const process = containerProcess(env.commands, w.pod.spec.containers[w.index]!);
    // A command that returns at once still lives a moment.
    const exit = process.exits ? { at: now + (process.runsMs > 0 ? process.runsMs : this.#draw(env.commands.quickExit)), code: process.code } : undefined;
    startContainer(c, parseImageReference(image), containerID, now, env.epochMs, exit, process.exits ? process.log : "");
    if (exit !== undefined) {
      w.exitWakeUps.get(c.name)?.cancel();
      w.exitWakeUps.set(c.name, env.clock.at(exit.at, () => env.enqueue(w.uid)));
    }
  }

  /** rejectPod: a Warning event, and a final status carrying only the verdict. */
  #reject(w: PodWorker): void {
    const env = this.#env;
    const rejection = this.#rejection(w)!;
    env.recorder.event(w.pod as Pod, "Warning", rejection.reason, rejection.message);
    w.runtime.terminal = true;
    // The status manager's merge drops the kubelet-owned conditions (PodScheduled too).
    const status = { phase: "Failed", reason: rejection.reason, message: REJECTED_MESSAGE_PREFIX + rejection.message, startTime: rfc3339(env.epochMs, w.runtime.startTime), conditions: null };
    env.client.patchStatus("pods", w.pod.metadata.namespace, w.pod.metadata.name!, { status });
  }

  #writeStatus(w: PodWorker): void {
    const env = this.#env;
    const status = buildPodStatus(w.pod, w.runtime, w.lastStatus ?? w.pod.status, { epochMs: env.epochMs, now: env.clock.now, hostIP: env.hostIP });
    // Whatever exits this status shows have been seen.
    for (const c of w.runtime.containers) if (c.state === "exited" && c.containerID !== undefined) w.reported.set(c.name, c.containerID);
    if (w.lastStatus !== undefined && deepEqual(status, w.lastStatus)) return;
    const r = env.client.patchStatus("pods", w.pod.metadata.namespace, w.pod.metadata.name!, { status });
    if (r.ok) w.lastStatus = status;
  }

  // --- lifecycle of workers ----------------------------------------------------------

  #newWorker(pod: PodView): PodWorker {
    const env = this.#env;
    const uid = pod.metadata.uid!;
    const known = env.runtimes.get(uid);
    // Containers this machine ran before it rebooted: they are dead, and a deleted pod can go at once.
    const rebooted = known !== undefined && (pod.metadata.deletionTimestamp !== undefined || known.containers.some((c) => c.containerID !== undefined));
    // A pod that already failed or succeeded (rejected before a reboot, say) is not run again.
    const finished = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
    let runtime: PodRuntime;
    if (rebooted) runtime = known;
    else {
      // The status manager stamps startTime when it first sees the pod, and keeps it.
      const started = pod.status?.startTime;
      runtime = {
        sandboxReady: false,
        containers: pod.spec.containers.map((c) => newContainerRecord(c.name, c.image)),
        terminal: finished,
        startTime: started !== undefined ? parseTime(env.epochMs, started) : env.clock.now,
      };
      env.runtimes.set(uid, runtime);
    }
    const state: WorkerState = rebooted ? "Rebooted" : finished ? "Finished" : "New";
    return { uid, pod, removed: false, state, index: 0, runtime, requests: podRequests(pod.spec), pullErrors: new Map(), reported: new Map(), exitWakeUps: new Map() };
  }

  #cancelTimers(w: PodWorker): void {
    w.scheduled?.handle?.cancel();
    for (const t of w.exitWakeUps.values()) t.cancel();
  }

  #forget(w: PodWorker): void {
    this.#cancelTimers(w);
    this.#workers.delete(w.uid);
    this.#env.runtimes.delete(w.uid);
    this.#env.ipam.release(w.uid);
  }
}

/** The image manager's back-off key: "<pod uid>_<image>". */
function pullBackOffKey(w: PodWorker, image: string): string {
  return `${w.uid}_${image}`;
}

/** format.Pod: "<name>_<namespace>(<uid>)". */
function formatPod(w: PodWorker): string {
  return `${w.pod.metadata.name}_${w.pod.metadata.namespace}(${w.uid})`;
}

/** kuberuntime's getStableKey: "<pod>_<namespace>_<uid>_<container>". */
function restartBackOffKey(w: PodWorker, container: string): string {
  return `${w.pod.metadata.name}_${w.pod.metadata.namespace}_${w.uid}_${container}`;
}

function hex(rng: Rng, bytes: number): string {
  let s = "";
  for (const b of rng.fill(new Uint8Array(bytes))) s += b.toString(16).padStart(2, "0");
  return s;
}
