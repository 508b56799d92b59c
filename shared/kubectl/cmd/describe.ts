// kubectl describe: one describer per kind, descriptions separated by a blank
// line, and the name-prefix fallback ("describe pod web" shows every pod whose
// name starts with "web") when no object has the exact name. DescribeOptions
// is built once in complete().

import type { Deployment, ReplicaSet } from "../../sim/api/apps-v1.ts";
import type { Lease } from "../../sim/api/coordination-v1.ts";
import type { Event, LimitRange, Namespace, Node, Pod, ResourceQuota, ServiceAccount } from "../../sim/api/core-v1.ts";
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from "../../sim/api/rbac-v1.ts";
import type { PriorityClass } from "../../sim/api/scheduling-v1.ts";
import type { KubeObject } from "../../sim/api/meta.ts";
import type { ResourceName } from "../../sim/api/resources.ts";
import { deepEqual } from "../../sim/kernel/equal.ts";
import { parseTime } from "../../sim/kernel/time.ts";
import { plainError, reportErrors, type KubectlError } from "../errors.ts";
import { flagBool, flagList, flagString } from "../flags.ts";
import { infoOf, resolveType, splitTypes } from "../resources.ts";
import { describeGeneric } from "../printers/describe/generic.ts";
import { describeNamespace } from "../printers/describe/namespace.ts";
import { describePriorityClass } from "../printers/describe/priority-class.ts";
import { describeServiceAccount } from "../printers/describe/service-account.ts";
import { NODE_LEASE_NAMESPACE, describeNode } from "../printers/describe/node.ts";
import { describePod } from "../printers/describe/pod.ts";
import { describeLimitRange, describeQuota } from "../printers/describe/policy.ts";
import { describeRole, describeRoleBinding } from "../printers/describe/rbac.ts";
import { describeDeployment, describeReplicaSet } from "../printers/describe/workloads.ts";
import { selectorMatchesLabels } from "./selectors.ts";
import { listedOrNone, runBuilder } from "./builder.ts";
import { ALL_NAMESPACES, FILENAME, SELECTOR, bool, int, str, type CommandContext } from "./command.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";
import { noResourcesFound } from "./get.ts";

export const DESCRIBE_NO_TYPE = 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n';

interface DescribeOptions {
  readonly resources: readonly string[];
  readonly selector: string;
  readonly allNamespaces: boolean;
  readonly showEvents: boolean;
  readonly filenames: readonly string[];
}

function complete(ctx: CommandContext): Completed<DescribeOptions> {
  const f = ctx.flags;
  const filenames = flagList(f, "filename");
  if (ctx.args.length === 0 && filenames.length === 0) return { error: plainError(DESCRIBE_NO_TYPE) };
  void flagBool(f, "recursive"); // only shapes how -f reads directories
  return {
    options: {
      resources: ctx.args,
      selector: flagString(f, "selector"),
      allNamespaces: flagBool(f, "all-namespaces"),
      showEvents: f.values.get("show-events") !== false,
      filenames,
    },
  };
}

/** kubectl's Validate accepts everything; the console has no files for -f. */
function validate(o: DescribeOptions, ctx: CommandContext): KubectlError | undefined {
  return o.filenames.length > 0 ? plainError(NOT_AVAILABLE(`${ctx.path} -f`)) : undefined;
}

function run(o: DescribeOptions, ctx: CommandContext): void {
  const { allNamespaces, showEvents } = o;
  const result = runBuilder(ctx, o.resources, { allowEmptySelector: true, allNamespaces, labelSelector: o.selector });
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  const errors: KubectlError[] = [...result.errors];
  const items = result.infos.flatMap((i) => i.objects.map((obj) => ({ resource: i.resource, obj })));

  if (errors.length > 0 && errors.every((e) => e.kind === "status" && e.status.reason === "NotFound") && o.resources.length === 2 && items.length === 0) {
    // DescribeMatchingResources: fall back to names starting with the argument.
    const types = splitTypes(o.resources[0]!);
    const resource = types.length === 1 ? resolveType(types[0]!) : undefined;
    if (resource) {
      const ns = infoOf(resource).namespaced ? ctx.namespace : undefined;
      const matches = (listedOrNone(ctx, resource, ns) as readonly KubeObject[]).filter((x) => (x.metadata.name ?? "").startsWith(o.resources[1]!));
      if (matches.length > 0) {
        for (const x of matches) ctx.out.out(`${describeOne(ctx, resource, x, showEvents)}\n`);
        return;
      }
    }
    return reportErrors(ctx.out, errors);
  }

  const texts = items.map((i) => describeOne(ctx, i.resource, i.obj, showEvents));
  ctx.out.out(texts.join("\n\n"));
  if (items.length === 0 && errors.length === 0) ctx.out.err(noResourcesFound(allNamespaces ? undefined : ctx.namespace));
  reportErrors(ctx.out, errors);
}

export const describeCommand = optionsCommand<DescribeOptions>({
  name: "describe",
  use: "describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)",
  short: "Show details of a specific resource or group of resources",
  flags: [SELECTOR, ALL_NAMESPACES, { name: "show-events", type: "bool", noOptDefVal: "true" }, FILENAME, bool("recursive", "R"), str("kustomize", "k"), int("chunk-size")],
  complete,
  validate,
  run,
});

/** searchEvents: events about the object, matched on name, namespace, kind (when given) and uid. */
function eventsFor(ctx: CommandContext, namespace: string | undefined, name: string, kind: string | undefined, uid: string | undefined): Event[] {
  const all = listedOrNone(ctx, "events", namespace);
  return all.filter((e) => {
    const io = e.involvedObject;
    return io.name === name && (io.namespace ?? "") === (namespace ?? "") && (kind === undefined || io.kind === kind) && (uid === undefined || io.uid === uid);
  });
}

function describeOne(ctx: CommandContext, resource: ResourceName, obj: KubeObject, showEvents: boolean): string {
  const name = obj.metadata.name ?? "";
  const ns = obj.metadata.namespace;
  const uid = obj.metadata.uid;
  const events = (kind: string | undefined): Event[] | undefined => (showEvents ? eventsFor(ctx, ns, name, kind, uid) : undefined);
  switch (resource) {
    case "pods":
      return describePod(ctx.now, obj as Pod, events(undefined));
    case "nodes": {
      const pods = listedOrNone(ctx, "pods").filter(
        (p) => p.spec.nodeName === name && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed",
      );
      const lease = ctx.env.client.get("leases", NODE_LEASE_NAMESPACE, name);
      const nodeEvents = showEvents ? [...eventsFor(ctx, undefined, name, "Node", uid), ...eventsFor(ctx, undefined, name, "Node", name)] : undefined;
      return describeNode(ctx.now, obj as Node, pods, nodeEvents, lease.ok ? (lease.object as Lease) : lease.status.message);
    }
    case "deployments": {
      const d = obj as Deployment;
      const owned = listedOrNone(ctx, "replicasets", ns).filter(
        (rs) => selectorMatchesLabels(d.spec.selector, rs.metadata.labels) && (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid),
      );
      const ts = (rs: ReplicaSet): number => parseTime(ctx.now.epochMs, rs.metadata.creationTimestamp ?? "");
      const sorted = [...owned].sort((a, b) => ts(a) - ts(b) || ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
      const newRS = sorted.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
      const oldRSs = sorted.filter((rs) => rs !== newRS && (rs.spec.replicas ?? 0) !== 0);
      return describeDeployment(ctx.now, d, oldRSs, newRS, events("Deployment"));
    }
    case "replicasets": {
      const rs = obj as ReplicaSet;
      const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
      for (const p of listedOrNone(ctx, "pods", ns)) {
        if (!selectorMatchesLabels(rs.spec.selector, p.metadata.labels)) continue;
        if (!(p.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid)) continue;
        const phase = p.status?.phase;
        if (phase === "Running") counts.running++;
        else if (phase === "Pending") counts.waiting++;
        else if (phase === "Succeeded") counts.succeeded++;
        else if (phase === "Failed") counts.failed++;
      }
      return describeReplicaSet(ctx.now, rs, counts, events("ReplicaSet"));
    }
    case "namespaces":
      return describeNamespace(ctx.now, obj as Namespace, listedOrNone(ctx, "resourcequotas", name), listedOrNone(ctx, "limitranges", name));
    case "roles":
    case "clusterroles":
      return describeRole(obj as Role | ClusterRole);
    case "rolebindings":
    case "clusterrolebindings":
      return describeRoleBinding(obj as RoleBinding | ClusterRoleBinding);
    case "resourcequotas":
      return describeQuota(obj as ResourceQuota);
    case "limitranges":
      return describeLimitRange(obj as LimitRange);
    case "serviceaccounts":
      return describeServiceAccount(ctx.now, obj as ServiceAccount, events("ServiceAccount"));
    case "priorityclasses":
      return describePriorityClass(ctx.now, obj as PriorityClass, events("PriorityClass"));
    default:
      return describeGeneric(ctx.now, obj, events(obj.kind));
  }
}

/** deploymentutil.EqualIgnoreHash: templates equal once pod-template-hash is dropped. */
function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown): unknown => {
    const c = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } };
    if (c.metadata?.labels) {
      delete c.metadata.labels["pod-template-hash"];
      if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
    }
    return c;
  };
  return deepEqual(strip(a), strip(b));
}
