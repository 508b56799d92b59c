// kubectl rollout (status, history, undo, restart, pause, resume) for
// deployments, the way kubectl's polymorphichelpers do them. status watches
// the rollout to its end where the console can let simulated time pass (the
// headless console), and reports it as it stands where it cannot (the room).

import type { Deployment, ReplicaSet } from "../../sim/api/apps-v1.ts";
import type { PodTemplateSpec } from "../../sim/api/core-v1.ts";
import type { KubeObject } from "../../sim/api/meta.ts";
import type { ResourceName } from "../../sim/api/resources.ts";
import { clone, deepEqual } from "../../sim/kernel/equal.ts";
import { rfc3339 } from "../../sim/kernel/time.ts";
import { plainError, reportErrors, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagInt, flagList, flagString } from "../flags.ts";
import { nameLine } from "../printers/name.ts";
import { describePodTemplate, LAST_APPLIED_CONFIG_ANNOTATION } from "../printers/describe/common.ts";
import { PrefixWriter } from "../printers/describe/writer.ts";
import { DESCRIBE_TABWRITER, tabwrite } from "../printers/tabwriter.ts";
import { groupResource } from "../resources.ts";
import { listedOrNone, runBuilder, type Info } from "./builder.ts";
import { DRY_RUN, FILENAME, OUTPUT, SELECTOR, bool, int, str, type Command, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions, type DryRun } from "./dry-run.ts";
import { klogFor } from "./klog.ts";
import { optionsCommand } from "./options.ts";
import { completeOutput, printOperation } from "./print-flags.ts";
import { selectorMatchesLabels } from "./selectors.ts";
import { mergePatchBetween } from "./strategic-merge.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";

export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";
export const RESTARTED_AT_ANNOTATION = "kubectl.kubernetes.io/restartedAt";
const ROLLBACK_SKIP_ANNOTATIONS = [LAST_APPLIED_CONFIG_ANNOTATION, REVISION_ANNOTATION, "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to"];

/** What every rollout subcommand completes: the resources and -l (ResourceTypeOrNameArgs over them). */
interface RolloutTargets {
  readonly resources: readonly string[];
  readonly selector: string;
}

/** Complete's shared part; -f is refused, the console having no files to read objects from. */
function completeTargets(ctx: CommandContext): RolloutTargets | KubectlError {
  const f = ctx.flags;
  if (flagList(f, "filename").length > 0) return plainError(NOT_AVAILABLE(`${ctx.path} -f`));
  void flagBool(f, "recursive"); // only shapes how -f reads directories
  return { resources: ctx.args, selector: flagString(f, "selector") };
}

/** Validate's shared check: no resource and no -f. */
function validateTargets(o: RolloutTargets): KubectlError | undefined {
  return o.resources.length === 0 ? plainError("required resource not specified") : undefined;
}

/** The objects named on the command line (ResourceTypeOrNameArgs, ContinueOnError). */
function targets(ctx: CommandContext, o: RolloutTargets): { infos: readonly Info[]; errors: KubectlError[] } | KubectlError {
  const r = runBuilder(ctx, o.resources, { allowEmptySelector: true, labelSelector: o.selector });
  if (r.fatal) return r.fatal;
  return { infos: r.infos, errors: [...r.errors] };
}

function objectsOf(infos: readonly Info[]): { resource: ResourceName; obj: KubeObject }[] {
  return infos.flatMap((i) => i.objects.map((obj) => ({ resource: i.resource, obj })));
}

/** "error: deployments.apps "web" <problem>" as rollout's patch loop reports it. */
const objectError = (resource: ResourceName, name: string, problem: string): KubectlError => plainError(`error: ${groupResource(resource)} ${JSON.stringify(name)} ${problem}`);

/** The ReplicaSets a deployment owns, oldest first (deploymentutil.GetAllReplicaSets). */
export function ownedReplicaSets(ctx: CommandContext, d: Deployment): ReplicaSet[] {
  return listedOrNone(ctx, "replicasets", d.metadata.namespace)
    .filter((rs) => selectorMatchesLabels(d.spec.selector, rs.metadata.labels) && (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === d.metadata.uid))
    .sort((a, b) => ((a.metadata.creationTimestamp ?? "") < (b.metadata.creationTimestamp ?? "") ? -1 : (a.metadata.creationTimestamp ?? "") > (b.metadata.creationTimestamp ?? "") ? 1 : (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
}

function revisionOf(obj: KubeObject): number | undefined {
  // deploymentutil.Revision: no annotation is revision 0; a malformed one is skipped.
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  if (!/^[+-]?\d{1,18}$/.test(v)) return undefined;
  return Number(v);
}

function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const c = clone(t);
  if (c.metadata?.labels) {
    delete c.metadata.labels["pod-template-hash"];
    if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
  }
  return c;
}

/** A patch step common to restart, pause and resume: a changed deployment, or why not. */
type Patcher = (d: Deployment, ctx: CommandContext) => Deployment | string;

interface RolloutPatchOptions extends RolloutTargets {
  readonly output: string;
}

function patchCommand(name: string, short: string, operation: string, patcher: Patcher, unsupported: string): Command {
  return optionsCommand<RolloutPatchOptions>({
    name,
    use: `${name} RESOURCE`,
    short,
    flags: [SELECTOR, FILENAME, bool("recursive", "R"), str("kustomize", "k"), str("field-manager"), OUTPUT, str("template"), bool("allow-missing-template-keys"), bool("show-managed-fields")],
    complete(ctx) {
      const printer = completeOutput(ctx.flags);
      if ("error" in printer) return printer;
      const t = completeTargets(ctx);
      return "kind" in t ? { error: t } : { options: { ...t, output: printer.output } };
    },
    validate: validateTargets,
    run(o, ctx) {
      const t = targets(ctx, o);
      if ("kind" in t) return reportErrors(ctx.out, [t]);
      const errors = t.errors;
      const objects = objectsOf(t.infos);
      if (objects.length === 0 && errors.length === 0) {
        ctx.out.err(`No resources found in ${ctx.namespace} namespace.\n`);
        return;
      }
      for (const { resource, obj } of objects) {
        if (resource !== "deployments") {
          errors.push(objectError(resource, obj.metadata.name!, unsupported));
          continue;
        }
        const next = patcher(obj as Deployment, ctx);
        if (typeof next === "string") {
          errors.push(next.startsWith("failed to create patch") ? plainError(next) : objectError(resource, obj.metadata.name!, next));
          continue;
        }
        const res = ctx.env.client.patch(resource, obj.metadata.namespace, obj.metadata.name!, mergePatchBetween(obj, next));
        if (!res.ok) {
          errors.push(plainError(`failed to patch: ${res.status.message}`));
          continue;
        }
        // info.Refresh: what is printed is the patched object.
        printOperation(ctx, o.output, res.object, operation);
      }
      reportErrors(ctx.out, errors);
    },
  });
}

const restartCommand = patchCommand(
  "restart",
  "Restart a resource",
  "restarted",
  (d, ctx) => {
    if (d.spec.paused) return "can't restart paused deployment (run rollout resume first)";
    const next = clone(d);
    next.spec.template.metadata ??= {};
    next.spec.template.metadata.annotations = { ...next.spec.template.metadata.annotations, [RESTARTED_AT_ANNOTATION]: rfc3339(ctx.env.epochMs, ctx.env.clock.now) };
    if (deepEqual(next, d)) {
      return `failed to create patch for ${d.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`;
    }
    return next;
  },
  "restarting is not supported",
);

const pauseCommand = patchCommand(
  "pause",
  "Mark the provided resource as paused",
  "paused",
  (d) => (d.spec.paused ? "is already paused" : { ...clone(d), spec: { ...clone(d.spec), paused: true } }),
  "pausing is not supported",
);

const resumeCommand = patchCommand(
  "resume",
  "Resume a paused resource",
  "resumed",
  (d) => {
    if (!d.spec.paused) return "is not paused";
    const spec = clone(d.spec);
    delete spec.paused;
    return { ...clone(d), spec };
  },
  "resuming is not supported",
);

/** DeploymentStatusViewer.Status: the line kubectl prints for the rollout's current state. */
export function deploymentStatus(d: Deployment): { message: string; done: boolean } | KubectlError {
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = (st.conditions ?? []).find((c) => c.type === "Progressing");
    if (progressing?.reason === "ProgressDeadlineExceeded") return plainError(`deployment ${JSON.stringify(d.metadata.name)} exceeded its progress deadline`);
    const replicas = d.spec.replicas ?? 0;
    const updated = st.updatedReplicas ?? 0;
    if (updated < replicas) return { message: `Waiting for deployment ${JSON.stringify(d.metadata.name)} rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if ((st.replicas ?? 0) > updated) return { message: `Waiting for deployment ${JSON.stringify(d.metadata.name)} rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    if ((st.availableReplicas ?? 0) < updated) return { message: `Waiting for deployment ${JSON.stringify(d.metadata.name)} rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    return { message: `deployment ${JSON.stringify(d.metadata.name)} successfully rolled out\n`, done: true };
  }
  return { message: "Waiting for deployment spec update to be observed...\n", done: false };
}

/** Status(obj, revision): the desired revision is checked on every look, as kubectl's viewer does. */
function statusAt(d: Deployment, revision: number): { message: string; done: boolean } | KubectlError {
  if (revision > 0 && revisionOf(d) !== revision) return plainError(`desired revision (${revision}) is different from the running revision (${revisionOf(d) ?? 0})`);
  return deploymentStatus(d);
}

/** How often a watching `rollout status` looks again, in simulated ms. */
export const ROLLOUT_POLL_MS = 1000;
/** Without --timeout or a progress deadline, how long a watch may run before giving up. */
const DEFAULT_WATCH_CAP_MS = 10 * 60 * 1000;
/** Past the progress deadline the controller needs a moment to report ProgressDeadlineExceeded. */
const DEADLINE_GRACE_MS = 60 * 1000;
export const WATCH_TIMEOUT_MESSAGE = "timed out waiting for the condition";

/**
 * Watches one deployment until its rollout finishes (UntilWithSync over its
 * watch): real kubectl prints a line per watch event; here the cluster is looked
 * at every second of simulated time and a line printed whenever it changes.
 */
function watchRollout(ctx: CommandContext, wait: (ms: number) => void, d: Deployment, o: RolloutStatusOptions, first: string): void {
  const { revision, timeoutMs: timeout } = o;
  // --timeout=0 (the default) means no timeout: the progress deadline ends a stuck rollout instead.
  const cap = timeout > 0 ? timeout : d.spec.progressDeadlineSeconds !== undefined ? d.spec.progressDeadlineSeconds * 1000 + DEADLINE_GRACE_MS : DEFAULT_WATCH_CAP_MS;
  let last = first;
  for (let waited = 0; waited < cap; ) {
    const step = Math.min(ROLLOUT_POLL_MS, cap - waited);
    wait(step);
    waited += step;
    const got = ctx.env.client.get("deployments", d.metadata.namespace, d.metadata.name!);
    if (!got.ok) return reportErrors(ctx.out, [plainError("object has been deleted")]);
    const s = statusAt(got.object as Deployment, revision);
    if ("kind" in s) return reportErrors(ctx.out, [s]);
    if (s.message !== last) ctx.out.out(s.message);
    last = s.message;
    if (s.done) return;
  }
  reportErrors(ctx.out, [plainError(WATCH_TIMEOUT_MESSAGE)]);
}

interface RolloutStatusOptions extends RolloutTargets {
  /** 0: any revision. */
  readonly revision: number;
  readonly watch: boolean;
  /** --timeout; 0 means none. */
  readonly timeoutMs: number;
}

const statusCommand = optionsCommand<RolloutStatusOptions>({
  name: "status",
  use: "status (TYPE NAME | TYPE/NAME) [flags]",
  short: "Show the status of the rollout",
  flags: [SELECTOR, FILENAME, bool("recursive", "R"), str("kustomize", "k"), bool("watch", "w"), int("revision"), { name: "timeout", type: "duration" }],
  complete(ctx) {
    const f = ctx.flags;
    const t = completeTargets(ctx);
    if ("kind" in t) return { error: t };
    const timeout = f.values.get("timeout");
    return {
      options: {
        ...t,
        revision: flagInt(f, "revision", 0),
        // --watch defaults to true; without a way to block (the shared room) the status prints once.
        watch: !f.changed.has("watch") || flagBool(f, "watch"),
        timeoutMs: typeof timeout === "number" ? timeout : 0,
      },
    };
  },
  validate(o) {
    return validateTargets(o) ?? (o.revision < 0 ? plainError(`revision must be a positive integer: ${o.revision}`) : undefined);
  },
  run(o, ctx) {
    const t = targets(ctx, o);
    if ("kind" in t) return reportErrors(ctx.out, [t]);
    if (t.errors.length > 0) return reportErrors(ctx.out, [t.errors[0]!]);
    const objects = objectsOf(t.infos);
    if (objects.length === 0) {
      ctx.out.err(`No resources found in ${ctx.namespace} namespace.\n`);
      return;
    }
    for (const { resource, obj } of objects) {
      if (resource !== "deployments") return reportErrors(ctx.out, [plainError(`no status viewer has been implemented for ${obj.kind}`)]);
      const s = statusAt(obj as Deployment, o.revision);
      if ("kind" in s) return reportErrors(ctx.out, [s]);
      ctx.out.out(s.message);
      if (s.done || !o.watch || !ctx.env.wait) continue;
      watchRollout(ctx, ctx.env.wait, obj as Deployment, o, s.message);
      if (ctx.out.exitCode !== 0) return;
    }
  },
});

interface RolloutHistoryOptions extends RolloutTargets {
  /** 0: every revision. */
  readonly revision: number;
}

const historyCommand = optionsCommand<RolloutHistoryOptions>({
  name: "history",
  use: "history (TYPE NAME | TYPE/NAME) [flags]",
  short: "View rollout history",
  flags: [SELECTOR, FILENAME, bool("recursive", "R"), str("kustomize", "k"), int("revision"), OUTPUT, str("template"), bool("allow-missing-template-keys"), bool("show-managed-fields")],
  complete(ctx) {
    const t = completeTargets(ctx);
    return "kind" in t ? { error: t } : { options: { ...t, revision: flagInt(ctx.flags, "revision", 0) } };
  },
  validate(o) {
    return validateTargets(o) ?? (o.revision < 0 ? plainError(`revision must be a positive integer: ${o.revision}`) : undefined);
  },
  run(o, ctx) {
    const revision = o.revision;
    const t = targets(ctx, o);
    if ("kind" in t) return reportErrors(ctx.out, [t]);
    if (t.errors.length > 0) return reportErrors(ctx.out, [t.errors[0]!]);
    // With -o (OutputFlagSpecified), each revision's ReplicaSet goes through PrintFlags; without it the template flags do nothing.
    const output = flagString(ctx.flags, "output");
    const printer = output === "" ? undefined : completeOutput(ctx.flags);
    if (printer === undefined) for (const name of ["template", "allow-missing-template-keys", "show-managed-fields"]) void ctx.flags.values.get(name);
    else if ("error" in printer) return reportErrors(ctx.out, [printer.error]);
    for (const { resource, obj } of objectsOf(t.infos)) {
      if (resource !== "deployments") return reportErrors(ctx.out, [plainError(`no history viewer has been implemented for ${JSON.stringify(obj.kind)}`)]);
      if (printer !== undefined) {
        const sets = new Map<number, ReplicaSet>();
        for (const rs of ownedReplicaSets(ctx, obj as Deployment)) {
          const v = revisionOf(rs);
          if (v !== undefined) sets.set(v, rs);
        }
        if (revision > 0 && !sets.has(revision)) return reportErrors(ctx.out, [plainError("unable to find the specified revision")]);
        const revisions = revision > 0 ? [revision] : [...sets.keys()].sort((a, b) => a - b);
        revisions.forEach((r, i) => {
          // One YAMLPrinter prints them all: "---" before each object after the first.
          if (i > 0 && printer.output === "yaml") ctx.out.out("---\n");
          printOperation(ctx, printer.output, sets.get(r)!, "");
        });
        continue;
      }
      // The change cause comes from the ReplicaSet, copied into its template's annotations.
      const history = new Map<number, PodTemplateSpec>();
      for (const rs of ownedReplicaSets(ctx, obj as Deployment)) {
        const v = revisionOf(rs);
        if (v === undefined) continue;
        const template = clone(rs.spec.template);
        const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
        if (cause) {
          template.metadata ??= {};
          template.metadata.annotations = { ...template.metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: cause };
        }
        history.set(v, template);
      }
      let text: string;
      if (history.size === 0) text = "No rollout history found.";
      else if (revision > 0) {
        const template = history.get(revision);
        if (!template) return reportErrors(ctx.out, [plainError("unable to find the specified revision")]);
        const w = new PrefixWriter(true);
        describePodTemplate(ctx.now, w, template);
        text = w.toString();
      } else {
        const rows = [...history.keys()].sort((a, b) => a - b).map((r) => `${r}\t${history.get(r)!.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] || "<none>"}\n`);
        text = tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join("")}`, DESCRIBE_TABWRITER);
      }
      const withRevision = revision > 0 ? `with revision #${revision}` : "";
      ctx.out.out(nameLine(obj, `${withRevision}\n${text}`));
    }
  },
});

interface UndoOptions extends RolloutTargets {
  /** 0: the revision before the current one. */
  readonly toRevision: number;
  readonly dryRun: DryRun;
  readonly output: string;
}

const undoCommand = optionsCommand<UndoOptions>({
  name: "undo",
  use: "undo (TYPE NAME | TYPE/NAME) [flags]",
  short: "Undo a previous rollout",
  flags: [SELECTOR, FILENAME, bool("recursive", "R"), str("kustomize", "k"), int("to-revision"), OUTPUT, str("template"), bool("allow-missing-template-keys"), bool("show-managed-fields"), DRY_RUN],
  complete(ctx) {
    const dryRun = dryRunStrategy(ctx.flags, klogFor(ctx));
    if (typeof dryRun !== "string") return { error: dryRun };
    const printer = completeOutput(ctx.flags);
    if ("error" in printer) return printer;
    const t = completeTargets(ctx);
    if ("kind" in t) return { error: t };
    return { options: { ...t, toRevision: flagInt(ctx.flags, "to-revision", 0), dryRun, output: printer.output } };
  },
  validate: validateTargets,
  run(o, ctx) {
    const { toRevision, dryRun: dry } = o;
    // PrintFlagsWithDryRunStrategy: every line the printer writes carries the suffix.
    const suffix = dryRunSuffix(dry);
    const t = targets(ctx, o);
    if ("kind" in t) return reportErrors(ctx.out, [t]);
    if (t.errors.length > 0) return reportErrors(ctx.out, [t.errors[0]!]);
    for (const { resource, obj } of objectsOf(t.infos)) {
      if (resource !== "deployments") return reportErrors(ctx.out, [plainError(`no rollbacker has been implemented for ${JSON.stringify(obj.kind)}`)]);
      const d = obj as Deployment;
      if (toRevision < 0) return reportErrors(ctx.out, [plainError(`unable to find specified revision ${toRevision} in history`)]);
      let latest: ReplicaSet | undefined;
      let latestRev = -1;
      let previous: ReplicaSet | undefined;
      let previousRev = -1;
      let target: ReplicaSet | undefined;
      for (const rs of ownedReplicaSets(ctx, d)) {
        const v = revisionOf(rs);
        if (v === undefined) continue;
        if (toRevision === 0) {
          if (latestRev < v) {
            previousRev = latestRev;
            previous = latest;
            latestRev = v;
            latest = rs;
          } else if (previousRev < v) {
            previousRev = v;
            previous = rs;
          }
        } else if (toRevision === v) target = rs;
      }
      if (toRevision > 0 && !target) return reportErrors(ctx.out, [plainError(`unable to find specified revision ${toRevision} in history`)]);
      if (toRevision === 0) target = previous;
      if (!target) return reportErrors(ctx.out, [plainError(`no rollout history found for deployment ${JSON.stringify(d.metadata.name)}`)]);
      if (dry === "client") {
        // A client dry run shows the template it would restore (printTemplate), and sends nothing.
        const w = new PrefixWriter(true);
        describePodTemplate(ctx.now, w, target.spec.template);
        printOperation(ctx, o.output, d, `${w.toString()}${suffix}`);
        continue;
      }
      if (d.spec.paused) return reportErrors(ctx.out, [plainError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")]);
      if (deepEqual(withoutHash(target.spec.template), withoutHash(d.spec.template))) {
        printOperation(ctx, o.output, d, `skipped rollback (current template already matches revision ${toRevision})${suffix}`);
        continue;
      }
      const annotations: Record<string, string> = {};
      for (const k of ROLLBACK_SKIP_ANNOTATIONS) if (d.metadata.annotations?.[k] !== undefined) annotations[k] = d.metadata.annotations[k]!;
      for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ROLLBACK_SKIP_ANNOTATIONS.includes(k)) annotations[k] = v;
      const next = clone(d);
      next.spec.template = withoutHash(target.spec.template);
      next.metadata.annotations = annotations;
      const res = ctx.env.client.patch("deployments", d.metadata.namespace, d.metadata.name!, mergePatchBetween(d, next), writeOptions(dry));
      if (!res.ok) return reportErrors(ctx.out, [plainError(`failed restoring revision ${toRevision}: ${res.status.message}`)]);
      // The printer gets the deployment as visited, not the patch's answer (printer.PrintObj(info.Object)).
      printOperation(ctx, o.output, d, `rolled back${suffix}`);
    }
  },
});

export const rolloutCommand: Command = {
  name: "rollout",
  use: "rollout SUBCOMMAND",
  short: "Manage the rollout of a resource",
  flags: [],
  subcommands: [historyCommand, pauseCommand, resumeCommand, undoCommand, statusCommand, restartCommand],
  run(ctx) {
    // cmdutil.DefaultSubCommandRun: extra words are an unknown command; otherwise help, and exit 1.
    if (ctx.args.length > 0) return reportErrors(ctx.out, [usageError(ctx.path, `unknown command ${JSON.stringify(ctx.args.join(" "))}`)]);
    ctx.out.out(ROLLOUT_HELP);
    ctx.out.exitCode = 1;
  },
};

const ROLLOUT_HELP = `Manage the rollout of one or many resources.

 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]

Use "kubectl rollout <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
