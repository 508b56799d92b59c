// The shape of the kubelet's lifecycle tables, kwok-style: each stage names the
// pod worker state (and facts) it applies to, how long it takes (delay + jitter
// drawn from the kubelet's RNG stream), the steps it then performs through the
// API server, and the state that follows. Tables are validated with zod when
// they load; errors name the file and the field path.

import { z } from "zod";
import { POD_EVENT_KEYS } from "../events.ts";

/** Where a pod worker is in its lifecycle; stages select on it. */
export const WORKER_STATES = [
  /** Just seen: not yet admitted. */
  "New",
  /** Fits on the node: no sandbox yet. */
  "Admitted",
  /** Did not fit (OutOfcpu...): failed for good. */
  "Rejected",
  /** About to make sure the current container's image is there. */
  "EnsureImage",
  "Pulling",
  "PullFailed",
  "PullBackOff",
  /** Image missing with imagePullPolicy Never: nothing more happens until the pod goes. */
  "NeverPull",
  "CreateContainer",
  "ContainerStarted",
  /** Every container was started once; the worker watches them exit and restarts them. */
  "Running",
  /** A container the restart policy restarts is still in its back-off (CrashLoopBackOff). */
  "CrashLoopBackOff",
  /** Found again after the machine rebooted: its containers died with it. */
  "Rebooted",
  "SandboxChanged",
  /** Containers exited for good and will not be restarted (restartPolicy). */
  "Finished",
  "Stopping",
  /** Deleted by this kubelet; waiting for the watch to confirm. */
  "Gone",
] as const;
export type WorkerState = (typeof WORKER_STATES)[number];

/** Whether the pod is being deleted: not at all, gracefully (deletionTimestamp), or already gone from the API. */
export const DELETIONS = ["none", "graceful", "removed"] as const;
export type Deletion = (typeof DELETIONS)[number];

export const RESTART_POLICIES = ["Always", "OnFailure", "Never"] as const;

/** What a step may do besides recording an event. */
export const ACTIONS = [
  /** Refuse the pod: Warning OutOf<resource> event, status Failed with the reason. */
  "rejectPod",
  /** New sandbox: pod IP, PodReadyToStartContainers, startTime. */
  "createSandbox",
  /** The pull finished: the image is on the node. */
  "storeImage",
  /** The pull failed: back-off entry, container waiting ErrImagePull. */
  "pullFailed",
  /** Still in back-off: container waiting ImagePullBackOff. */
  "pullBackOff",
  /** Container waiting ErrImageNeverPull. */
  "neverPull",
  /** Create and start the current container (a restart if an earlier one exited). */
  "startContainer",
  /** Move on to the next container that needs a start. */
  "nextContainer",
  /** Point at the first exited container the restart policy restarts and its back-off allows. */
  "restartContainer",
  /** Containers still in their restart back-off: waiting CrashLoopBackOff (shown from the next status write). */
  "crashLoopBackOff",
  /** Stop every container (SIGTERM, or SIGKILL when the grace period ran out) and the sandbox. */
  "stopContainers",
  /** Write the pod status computed from the machine's state. */
  "writeStatus",
  /** Delete the pod object with grace 0 and a uid precondition. */
  "deletePod",
] as const;
export type Action = (typeof ACTIONS)[number];

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case");

export const Delay = z.strictObject({
  ms: z.number().int().min(0),
  /** The delay is ms plus a uniform draw in [0, jitterMs]. */
  jitterMs: z.number().int().min(0),
});
export type Delay = z.infer<typeof Delay>;

const When = z.strictObject({
  state: z.array(z.enum(WORKER_STATES)).min(1),
  /** A stage without it applies only to pods not being deleted. */
  deletion: z.array(z.enum(DELETIONS)).min(1).default(["none"]),
  /** The pod fits next to the pods already running here (checked while New). */
  fits: z.boolean().optional(),
  /** Facts about the current container's image: on the node? */
  imagePresent: z.boolean().optional(),
  /** Present, or being pulled for another pod. */
  imageCached: z.boolean().optional(),
  /** shouldPullImage: policy Always, or IfNotPresent and missing. */
  needsPull: z.boolean().optional(),
  inPullBackOff: z.boolean().optional(),
  /** No pull-failure rule matches the image. */
  pullable: z.boolean().optional(),
  /** The current container's pulls have failed more than once. */
  retrying: z.boolean().optional(),
  /** Another container needs a start: never started yet, or exited, restartable and out of back-off. */
  moreContainers: z.boolean().optional(),
  /** A container exited that no status write has reported yet (PLEG has not relisted). */
  containerDied: z.boolean().optional(),
  /** An exited container the restart policy restarts (Always; OnFailure on a non-zero code) is out of back-off. */
  restartable: z.boolean().optional(),
  /** An exited container the restart policy restarts is still in its back-off. */
  inRestartBackOff: z.boolean().optional(),
  /** Some container is running. */
  containersRunning: z.boolean().optional(),
  restartPolicy: z.array(z.enum(RESTART_POLICIES)).min(1).optional(),
});
export type When = z.infer<typeof When>;

const Step = z.union([z.strictObject({ event: z.enum(POD_EVENT_KEYS) }), z.strictObject({ action: z.enum(ACTIONS) })]);
export type Step = z.infer<typeof Step>;

export const Stage = z.strictObject({
  name: kebab,
  /** "container" stages act on the pod's current container (containers start one after another). */
  appliesTo: z.enum(["pod", "container"]),
  when: When,
  delay: Delay,
  /** The delay is a pull: it queues behind the node's earlier pulls. */
  serialImagePull: z.boolean().default(false),
  /** The delay stops at the pod's deletion grace period, where SIGKILL ends it. */
  boundedByGracePeriod: z.boolean().default(false),
  steps: z.array(Step),
  next: z.enum(WORKER_STATES),
});
export type Stage = z.infer<typeof Stage>;
export type StageInput = z.input<typeof Stage>;

const PodStages = z.array(Stage).superRefine((stages, ctx) => {
  const seen = new Set<string>();
  stages.forEach((s, i) => {
    if (seen.has(s.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `duplicate stage name "${s.name}"` });
    seen.add(s.name);
  });
});

const PullFailureRule = z.strictObject({
  name: kebab,
  /** Every given field must match: the parsed tag, and/or the image as written starting with a prefix. */
  match: z
    .strictObject({ tag: z.string().min(1).optional(), imagePrefix: z.string().min(1).optional() })
    .refine((m) => m.tag !== undefined || m.imagePrefix !== undefined, { message: "give tag or imagePrefix" }),
  /** The CRI error: gRPC code and containerd's text; {ref} is the normalized reference. */
  error: z.strictObject({ code: z.enum(["NotFound", "Unknown", "Unavailable", "PermissionDenied"]), message: z.string().min(1) }),
});
export type PullFailureRule = z.infer<typeof PullFailureRule>;

export const ImageTableSchema = z.strictObject({
  /** On every node from the start (the sandbox image, kube-proxy). */
  preloaded: z.array(z.string().min(1)),
  sizes: z.array(z.strictObject({ repository: z.string().min(1), sizeBytes: z.number().int().positive() })),
  /** Images not in `sizes` get a stable size in this range. */
  unknownSize: z.strictObject({ minBytes: z.number().int().positive(), maxBytes: z.number().int().positive() }).refine((r) => r.minBytes <= r.maxBytes, { message: "minBytes must not exceed maxBytes" }),
  pullFailures: z.array(PullFailureRule),
});
export type ImageTable = z.infer<typeof ImageTableSchema>;

const CommandRule = z.strictObject({
  name: kebab,
  /**
   * A regular expression over one simple command, its words joined by single
   * spaces. Named groups: `code` (the exit status it returns), `seconds` and
   * `unit` (s, m, h or d: how long it runs), `text` (what a printing command writes).
   */
  pattern: z.string().refine(validRegExp, { message: "not a valid regular expression" }),
  /** Its exit status when the pattern captures no `code`. */
  status: z.number().int().min(0).max(255).default(0),
  /** Like `exit`: the shell stops here (with `code`, or the last status). */
  endsShell: z.boolean().default(false),
  /** Like `echo`: writes its `text` (its arguments joined by spaces) and a newline to the container's log. */
  prints: z.boolean().default(false),
});
export type CommandRule = z.infer<typeof CommandRule>;

export const CommandTableSchema = z.strictObject({
  /** Programs that run their `-c` argument as a script. */
  shells: z.array(z.string().min(1)).min(1),
  /** How long a process that returns at once still lives (start, run, reap). */
  quickExit: Delay,
  /** Simple commands whose outcome is known; a script using anything else runs until stopped. */
  commands: z.array(CommandRule),
});
export type CommandTable = z.infer<typeof CommandTableSchema>;

function validRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

export class StageTableError extends Error {}

function parse<S extends z.ZodType>(schema: S, raw: unknown, source: string, label: (path: readonly PropertyKey[]) => string): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new StageTableError(parsed.error.issues.map((i) => `${source}: ${label(i.path) || "(root)"}: ${i.message}`).join("\n"));
}

/** Validates a stage table; `source` names the file in errors. */
export function loadPodStages(source: string, raw: readonly StageInput[]): readonly Stage[] {
  // Name the stage in the path so an error reads "3(pod-ready).delay.ms".
  return parse(PodStages, raw, source, (path) => {
    const [i, ...rest] = path;
    const name = typeof i === "number" ? raw[i]?.name : undefined;
    return [name ? `${String(i)}(${name})` : String(i ?? ""), ...rest.map(String)].filter((p) => p !== "").join(".");
  });
}

export function loadCommandTable(source: string, raw: z.input<typeof CommandTableSchema>): CommandTable {
  return parse(CommandTableSchema, raw, source, (path) => path.map(String).join("."));
}

export function loadImageTable(source: string, raw: z.input<typeof ImageTableSchema>): ImageTable {
  return parse(ImageTableSchema, raw, source, (path) => path.map(String).join("."));
}
