// kubectl run NAME --image=IMAGE (kubectl v1.34 pkg/cmd/run/run.go): checks
// its flags in kubectl's order, builds the pod (run-pod.ts), applies
// --overrides, then creates it ("pod/NAME created") or, under
// --dry-run=client, prints what it would send. Attaching (-i, -t, --attach,
// --rm) needs a container runtime and --expose a Service; the console says so
// rather than creating anything. RunOptions is built once in complete(), and
// Run's own checks run as validate() before anything is built.

import type { Pod } from "../../sim/api/core-v1.ts";
import type { KubeObject } from "../../sim/api/meta.ts";
import { applyMergePatch } from "../../sim/apiserver/merge-patch.ts";
import { plainError, reportErrors, statusError, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagInt, flagList, flagString, type FlagSpec } from "../flags.ts";
import { marshalCompact } from "../printers/json.ts";
import { DRY_RUN, bool, str, type CommandContext } from "./command.ts";
import { PRINT_FLAGS, printCreated, withTypedLastApplied } from "./print-created.ts";
import { dryRunStrategy, writeOptions, type DryRun } from "./dry-run.ts";
import { klogFor } from "./klog.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { cascadeError } from "./delete.ts";
import { completeOutput } from "./print-flags.ts";
import { REFERENCE_INVALID_FORMAT, isValidImageReference } from "./image-reference.ts";
import { generateRunPod } from "./run-pod.ts";
import { applyStrategicPatch } from "./strategic-merge.ts";

export const ATTACH_NOT_AVAILABLE =
  '"kubectl run" with -i/--stdin, -t/--tty, --attach or --rm is not available in the Pod Pilot console: attaching to a container needs a container runtime';
export const EXPOSE_NOT_AVAILABLE = '"kubectl run --expose" is not available in the Pod Pilot console: the simulated cluster has no Services';
export const JSON_OVERRIDE_NOT_AVAILABLE = '"--override-type=json" is not available in the Pod Pilot console; use merge or strategic';

/** --pod-running-timeout's default (defaultPodAttachTimeout). */
const DEFAULT_POD_RUNNING_TIMEOUT_MS = 60_000;

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];

const FLAGS: readonly FlagSpec[] = [
  // DeleteFlags (NewDeleteFlags: for --rm), PrintFlags, RecordFlags.
  { name: "filename", short: "f", type: "stringSlice" },
  str("kustomize", "k"),
  bool("recursive", "R"),
  { name: "cascade", type: "string", noOptDefVal: "background" },
  { name: "grace-period", type: "int" },
  bool("force"),
  { name: "timeout", type: "duration" },
  bool("wait"),
  ...PRINT_FLAGS,
  bool("record"),
  // addRunFlags.
  DRY_RUN,
  { name: "annotations", type: "stringArray" },
  str("image"),
  str("image-pull-policy"),
  bool("rm"),
  { name: "env", type: "stringArray" },
  str("port"),
  str("labels", "l"),
  bool("stdin", "i"),
  bool("tty", "t"),
  bool("attach"),
  bool("leave-stdin-open"),
  str("restart"),
  bool("command"),
  bool("expose"),
  bool("quiet", "q"),
  bool("privileged"),
  str("field-manager"),
  str("overrides"),
  str("override-type"),
  bool("save-config"),
  { name: "pod-running-timeout", type: "duration" },
];

interface RunOptions {
  /** "" when no NAME came before "--". */
  readonly name: string;
  /** The container's arguments (or command, with --command). */
  readonly args: readonly string[];
  readonly image: string;
  readonly imagePullPolicy: string;
  readonly labels: string;
  readonly annotations: readonly string[];
  readonly env: readonly string[];
  readonly port: string;
  readonly command: boolean;
  readonly interactive: boolean;
  readonly tty: boolean;
  /** --attach, defaulting to -i. */
  readonly attach: boolean;
  readonly leaveStdinOpen: boolean;
  readonly rm: boolean;
  readonly expose: boolean;
  /** --restart, "" when set empty (it then follows -i). */
  readonly restart: string;
  readonly privileged: boolean;
  readonly overrides: string;
  readonly overrideType: string;
  readonly saveConfig: boolean;
  readonly podRunningTimeoutMs: number;
  readonly dryRun: DryRun;
  readonly output: string;
}

function complete(ctx: CommandContext): Completed<RunOptions> {
  const f = ctx.flags;
  // Complete: the dry-run strategy and the printer.
  const dryRun = dryRunStrategy(f, klogFor(ctx));
  if (typeof dryRun !== "string") return { error: dryRun };
  const printer = completeOutput(f);
  if ("error" in printer) return printer;
  // DeleteFlags.ToOptions, for --rm's delete (which needs attaching, refused): only --cascade can fail.
  const badCascade = cascadeError(flagString(f, "cascade", "background"));
  if (badCascade) return { error: badCascade };
  for (const name of ["filename", "grace-period", "force", "timeout", "wait"]) void f.values.get(name);
  // --quiet only silences what an attached session prints, and attaching is refused.
  void flagBool(f, "quiet");
  const interactive = flagBool(f, "stdin");
  return {
    options: {
      name: ctx.args.length === 0 || f.argsLenAtDash === 0 ? "" : ctx.args[0]!,
      args: ctx.args.slice(1),
      image: flagString(f, "image"),
      imagePullPolicy: flagString(f, "image-pull-policy"),
      labels: flagString(f, "labels"),
      annotations: flagList(f, "annotations"),
      env: flagList(f, "env"),
      port: flagString(f, "port"),
      command: flagBool(f, "command"),
      interactive,
      tty: flagBool(f, "tty"),
      attach: f.changed.has("attach") ? flagBool(f, "attach") : interactive,
      leaveStdinOpen: flagBool(f, "leave-stdin-open"),
      rm: flagBool(f, "rm"),
      expose: flagBool(f, "expose"),
      // --restart defaults to Always; set empty, it follows -i.
      restart: f.changed.has("restart") ? flagString(f, "restart") : "Always",
      privileged: flagBool(f, "privileged"),
      overrides: flagString(f, "overrides"),
      // An empty --override-type means the default, merge.
      overrideType: flagString(f, "override-type") || "merge",
      saveConfig: flagBool(f, "save-config"),
      podRunningTimeoutMs: flagInt(f, "pod-running-timeout", DEFAULT_POD_RUNNING_TIMEOUT_MS),
      dryRun,
      output: printer.output,
    },
  };
}

/** RunOptions.Run's checks, in kubectl's order, before anything is built or sent. */
function validate(o: RunOptions, ctx: CommandContext): KubectlError | undefined {
  const usage = (msg: string): KubectlError => usageError(ctx.path, msg);
  if (o.name === "") return usage("NAME is required for run");
  if (o.podRunningTimeoutMs <= 0) return usage("--pod-running-timeout must be higher than zero");
  if (o.image === "") return plainError("--image is required");
  if (!isValidImageReference(o.image)) return plainError(`Invalid image name ${JSON.stringify(o.image)}: ${REFERENCE_INVALID_FORMAT}`);
  if (o.tty && !o.interactive) return usage("-i/--stdin is required for containers with -t/--tty=true");
  if (o.expose && o.port === "") return usage("--port must be set when exposing a service");
  if (o.restart !== "" && !RESTART_POLICIES.includes(o.restart)) return usage(`invalid restart policy: ${o.restart}`);
  if (!o.attach && o.rm) return usage("--rm should only be used for attached containers");
  if (o.attach && o.dryRun !== "none") return usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  if (o.imagePullPolicy !== "" && !PULL_POLICIES.includes(o.imagePullPolicy)) return usage(`invalid image pull policy: ${o.imagePullPolicy}`);
  return undefined;
}

export const runCommand = optionsCommand<RunOptions>({
  name: "run",
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  short: "Run a particular image on the cluster",
  flags: FLAGS,
  required: ["image"],
  complete,
  validate,
  run,
});

/**
 * OverrideOptions.NewOverrider(&corev1.Pod{}).Apply: --overrides patches the
 * generated pod's JSON, which is then decoded again (and so must keep its
 * kind and apiVersion).
 */
function applyOverrides(o: RunOptions, pod: Pod): { pod: Pod } | { error: KubectlError } {
  const { overrides, overrideType: type } = o;
  if (overrides === "") return { pod };
  if (type === "json") return { error: plainError(JSON_OVERRIDE_NOT_AVAILABLE) };
  if (type !== "merge" && type !== "strategic") return { error: plainError(`invalid override type: ${type}`) };
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    patch = undefined;
  }
  // json-patch's MergePatch and strategicpatch name a patch that is not a JSON object differently.
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return { error: plainError(type === "merge" ? "Invalid JSON Patch" : "invalid JSON document") };
  const body = pod as unknown as Record<string, unknown>;
  const patched = (type === "merge" ? applyMergePatch(body, patch) : applyStrategicPatch(body, patch as Record<string, unknown>)) as Record<string, unknown>;
  if (typeof patched.kind !== "string" || patched.kind === "") return { error: plainError(`Object 'Kind' is missing in '${marshalCompact(patched)}'`) };
  if (typeof patched.apiVersion !== "string" || patched.apiVersion === "") return { error: plainError(`Object 'apiVersion' is missing in '${marshalCompact(patched)}'`) };
  return { pod: decodePod(patched) };
}

/** Decoding into corev1.Pod brings back the struct-valued fields encoding/json always writes. */
function decodePod(json: Record<string, unknown>): Pod {
  const pod = json as unknown as Pod;
  pod.metadata ??= {};
  pod.spec ??= { containers: [] };
  pod.status ??= {};
  for (const list of [pod.spec.initContainers, pod.spec.containers]) for (const c of list ?? []) c.resources ??= {};
  return pod;
}

function run(o: RunOptions, ctx: CommandContext): void {
  const fail = (e: KubectlError): void => reportErrors(ctx.out, [e]);
  const generated = generateRunPod({
    name: o.name,
    image: o.image,
    labels: o.labels,
    annotations: o.annotations,
    env: o.env,
    args: o.args,
    command: o.command,
    imagePullPolicy: o.imagePullPolicy,
    port: o.port,
    stdin: o.interactive,
    leaveStdinOpen: o.leaveStdinOpen,
    tty: o.tty,
    restart: o.restart,
    privileged: o.privileged,
  });
  if ("error" in generated) return fail(generated.error);
  const overridden = applyOverrides(o, generated.pod);
  if ("error" in overridden) return fail(overridden.error);
  let pod = overridden.pod;

  // Nothing is created when the console could not finish what kubectl would go on to do.
  if (o.attach) return fail(plainError(ATTACH_NOT_AVAILABLE));
  if (o.expose) return fail(plainError(EXPOSE_NOT_AVAILABLE));

  let result: KubeObject;
  if (o.dryRun === "client") {
    if (ctx.namespaceExplicit) pod = { ...pod, metadata: { ...pod.metadata, namespace: ctx.namespace } };
    result = pod;
  } else {
    if (o.saveConfig) pod = withTypedLastApplied(pod);
    const res = ctx.env.client.create("pods", ctx.namespace, pod, writeOptions(o.dryRun));
    if (!res.ok) return fail(statusError(res.status));
    result = res.object;
  }
  printCreated(ctx, result, o.dryRun, true);
}
