// kubectl run NAME --image=IMAGE (kubectl v1.34 pkg/cmd/run/run.go): checks
// its flags in kubectl's order, builds the pod (run-pod.ts), applies
// --overrides, then creates it ("pod/NAME created") or, under
// --dry-run=client, prints what it would send. Attaching (-i, -t, --attach,
// --rm) needs a container runtime and --expose a Service; the console says so
// rather than creating anything.

import type { Pod } from "../../sim/api/core-v1.ts";
import type { KubeObject } from "../../sim/api/meta.ts";
import { applyMergePatch } from "../../sim/apiserver/merge-patch.ts";
import { plainError, reportErrors, statusError, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagInt, flagList, flagString, type FlagSpec } from "../flags.ts";
import { marshalCompact } from "../printers/json.ts";
import { DRY_RUN, bool, str, type Command, type CommandContext } from "./command.ts";
import { PRINT_FLAGS, dryRunAndOutput, printCreated, withTypedLastApplied } from "./print-created.ts";
import { writeOptions } from "./dry-run.ts";
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

export const runCommand: Command = {
  name: "run",
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  short: "Run a particular image on the cluster",
  flags: FLAGS,
  required: ["image"],
  run: runRun,
};

/**
 * OverrideOptions.NewOverrider(&corev1.Pod{}).Apply: --overrides patches the
 * generated pod's JSON, which is then decoded again (and so must keep its
 * kind and apiVersion).
 */
function applyOverrides(ctx: CommandContext, pod: Pod): { pod: Pod } | { error: KubectlError } {
  const overrides = flagString(ctx.flags, "overrides");
  if (overrides === "") return { pod };
  // An empty --override-type means the default, merge.
  const type = flagString(ctx.flags, "override-type") || "merge";
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

function runRun(ctx: CommandContext): void {
  const f = ctx.flags;
  const fail = (e: KubectlError): void => reportErrors(ctx.out, [e]);
  const usage = (msg: string): void => fail(usageError(ctx.path, msg));

  // Complete: the dry-run strategy and the printer.
  const complete = dryRunAndOutput(ctx);
  if ("error" in complete) return fail(complete.error);
  const { dry } = complete;
  const interactive = flagBool(f, "stdin");
  const attach = f.changed.has("attach") ? flagBool(f, "attach") : interactive;

  // Run's checks, in order.
  if (ctx.args.length === 0 || f.argsLenAtDash === 0) return usage("NAME is required for run");
  if (flagInt(f, "pod-running-timeout", DEFAULT_POD_RUNNING_TIMEOUT_MS) <= 0) return usage("--pod-running-timeout must be higher than zero");
  const image = flagString(f, "image");
  if (image === "") return fail(plainError("--image is required"));
  if (!isValidImageReference(image)) return fail(plainError(`Invalid image name ${JSON.stringify(image)}: ${REFERENCE_INVALID_FORMAT}`));
  if (flagBool(f, "tty") && !interactive) return usage("-i/--stdin is required for containers with -t/--tty=true");
  const port = flagString(f, "port");
  if (flagBool(f, "expose") && port === "") return usage("--port must be set when exposing a service");
  // --restart defaults to Always; set empty, it follows -i.
  const restart = f.changed.has("restart") ? flagString(f, "restart") : "Always";
  if (restart !== "" && !RESTART_POLICIES.includes(restart)) return usage(`invalid restart policy: ${restart}`);
  if (!attach && flagBool(f, "rm")) return usage("--rm should only be used for attached containers");
  if (attach && dry !== "none") return usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pullPolicy = flagString(f, "image-pull-policy");
  if (pullPolicy !== "" && !PULL_POLICIES.includes(pullPolicy)) return usage(`invalid image pull policy: ${pullPolicy}`);

  const generated = generateRunPod({
    name: ctx.args[0]!,
    image,
    labels: flagString(f, "labels"),
    annotations: flagList(f, "annotations"),
    env: flagList(f, "env"),
    args: ctx.args.slice(1),
    command: flagBool(f, "command"),
    imagePullPolicy: pullPolicy,
    port,
    stdin: interactive,
    leaveStdinOpen: flagBool(f, "leave-stdin-open"),
    tty: flagBool(f, "tty"),
    restart,
    privileged: flagBool(f, "privileged"),
  });
  if ("error" in generated) return fail(generated.error);
  const overridden = applyOverrides(ctx, generated.pod);
  if ("error" in overridden) return fail(overridden.error);
  let pod = overridden.pod;

  // Nothing is created when the console could not finish what kubectl would go on to do.
  if (attach) return fail(plainError(ATTACH_NOT_AVAILABLE));
  if (flagBool(f, "expose")) return fail(plainError(EXPOSE_NOT_AVAILABLE));

  let result: KubeObject;
  if (dry === "client") {
    if (ctx.namespaceExplicit) pod = { ...pod, metadata: { ...pod.metadata, namespace: ctx.namespace } };
    result = pod;
  } else {
    if (flagBool(f, "save-config")) pod = withTypedLastApplied(pod);
    const res = ctx.env.client.create("pods", ctx.namespace, pod, writeOptions(dry));
    if (!res.ok) return fail(statusError(res.status));
    result = res.object;
  }
  printCreated(ctx, result, dry, true);
}
