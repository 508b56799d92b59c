// The columns and cells the API server's table printers produce for each
// resource the simulation serves (kubernetes pkg/printers/internalversion/
// printers.go, v1.34) for each resource the simulation serves.

import type { Deployment, ReplicaSet } from "../../sim/api/apps-v1.ts";
import type { Lease } from "../../sim/api/coordination-v1.ts";
import type { Container, Event, LimitRange, Namespace, Node, Pod, ResourceQuota, ServiceAccount } from "../../sim/api/core-v1.ts";
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from "../../sim/api/rbac-v1.ts";
import type { PriorityClass } from "../../sim/api/scheduling-v1.ts";
import type { DeepReadonly, KubeObject } from "../../sim/api/meta.ts";
import type { ResourceName } from "../../sim/api/resources.ts";
import { since, type Now } from "./age.ts";
import { nodeRoles, nodeStatusText } from "./node-columns.ts";
import { podCells } from "./pod-status.ts";
import { canonicalQuantity } from "./quantity.ts";
import { formatLabelSelector, selectorString } from "./selector.ts";
import type { ColumnDefinition, Table } from "./table.ts";

type RO<T> = DeepReadonly<T>;

const NAME: ColumnDefinition = { name: "Name", priority: 0, format: "name" };
const AGE: ColumnDefinition = { name: "Age", priority: 0 };
const col = (name: string, priority: 0 | 1 = 0): ColumnDefinition => ({ name, priority });

export const COLUMNS: { readonly [R in ResourceName]: readonly ColumnDefinition[] } = {
  pods: [NAME, col("Ready"), col("Status"), col("Restarts"), AGE, col("IP", 1), col("Node", 1), col("Nominated Node", 1), col("Readiness Gates", 1)],
  nodes: [NAME, col("Status"), col("Roles"), AGE, col("Version"), col("Internal-IP", 1), col("External-IP", 1), col("OS-Image", 1), col("Kernel-Version", 1), col("Container-Runtime", 1)],
  deployments: [NAME, col("Ready"), col("Up-to-date"), col("Available"), AGE, col("Containers", 1), col("Images", 1), col("Selector", 1)],
  replicasets: [NAME, col("Desired"), col("Current"), col("Ready"), AGE, col("Containers", 1), col("Images", 1), col("Selector", 1)],
  events: [col("Last Seen"), col("Type"), col("Reason"), col("Object"), col("Subobject", 1), col("Source", 1), col("Message"), col("First Seen", 1), col("Count", 1), { name: "Name", priority: 1, format: "name" }],
  namespaces: [NAME, col("Status"), AGE],
  leases: [NAME, col("Holder"), AGE],
  serviceaccounts: [NAME, col("Secrets"), AGE],
  resourcequotas: [NAME, AGE, col("Request"), col("Limit")],
  limitranges: [NAME, col("Created At")],
  roles: [NAME, col("Created At")],
  clusterroles: [NAME, col("Created At")],
  rolebindings: [NAME, col("Role"), AGE, col("Users", 1), col("Groups", 1), col("ServiceAccounts", 1)],
  clusterrolebindings: [NAME, col("Role"), AGE, col("Users", 1), col("Groups", 1), col("ServiceAccounts", 1)],
  priorityclasses: [NAME, col("Value"), col("Global-Default"), AGE, col("PreemptionPolicy")],
};

/** layoutContainerCells: names and images joined with commas. */
function containerCells(containers: readonly RO<Container>[]): [string, string] {
  return [containers.map((c) => c.name).join(","), containers.map((c) => c.image).join(",")];
}

function podRow(now: Now, pod: RO<Pod>): string[] {
  const c = podCells(now, pod);
  const st = pod.status ?? {};
  const readinessGates = (pod.spec as { readinessGates?: readonly { conditionType: string }[] }).readinessGates ?? [];
  let gates = "<none>";
  if (readinessGates.length > 0) {
    let trueConditions = 0;
    for (const g of readinessGates) {
      const cond = (st.conditions ?? []).find((x) => x.type === g.conditionType);
      if (cond?.status === "True") trueConditions++;
    }
    gates = `${trueConditions}/${readinessGates.length}`;
  }
  return [
    pod.metadata.name ?? "",
    c.ready,
    c.status,
    c.restarts,
    since(now, pod.metadata.creationTimestamp),
    st.podIPs?.[0]?.ip || "<none>",
    pod.spec.nodeName || "<none>",
    st.nominatedNodeName || "<none>",
    gates,
  ];
}

function nodeRow(now: Now, node: RO<Node>): string[] {
  const info = node.status?.nodeInfo;
  const address = (type: string): string => node.status?.addresses?.find((a) => a.type === type)?.address ?? "<none>";
  return [
    node.metadata.name ?? "",
    nodeStatusText(node),
    nodeRoles(node),
    since(now, node.metadata.creationTimestamp),
    info?.kubeletVersion ?? "",
    address("InternalIP"),
    address("ExternalIP"),
    info?.osImage || "<unknown>",
    info?.kernelVersion || "<unknown>",
    info?.containerRuntimeVersion || "<unknown>",
  ];
}

function deploymentRow(now: Now, d: RO<Deployment>): string[] {
  const [names, images] = containerCells(d.spec.template.spec.containers);
  const st = d.status ?? {};
  return [
    d.metadata.name ?? "",
    `${st.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`,
    String(st.updatedReplicas ?? 0),
    String(st.availableReplicas ?? 0),
    since(now, d.metadata.creationTimestamp),
    names,
    images,
    selectorString(d.spec.selector),
  ];
}

function replicaSetRow(now: Now, rs: RO<ReplicaSet>): string[] {
  const [names, images] = containerCells(rs.spec.template.spec.containers);
  return [
    rs.metadata.name ?? "",
    String(rs.spec.replicas ?? 0),
    String(rs.status?.replicas ?? 0),
    String(rs.status?.readyReplicas ?? 0),
    since(now, rs.metadata.creationTimestamp),
    names,
    images,
    formatLabelSelector(rs.spec.selector),
  ];
}

/** formatEventSource: component, then ", host" when there is one. */
function eventSource(ev: RO<Event>): string {
  const component = ev.source?.component || (ev as { reportingController?: string }).reportingController || "";
  const instance = ev.source?.host || ev.reportingInstance || "";
  return instance.length === 0 ? component : `${component}, ${instance}`;
}

function eventRow(now: Now, ev: RO<Event>): string[] {
  let first = since(now, ev.firstTimestamp);
  if (!ev.firstTimestamp) first = since(now, ev.eventTime ?? undefined);
  const last = ev.lastTimestamp ? since(now, ev.lastTimestamp) : first;
  const count = ev.count || 1;
  const io = ev.involvedObject;
  const kind = (io.kind ?? "").toLowerCase();
  const target = io.name ? `${kind}/${io.name}` : kind;
  return [last, ev.type, ev.reason, target, io.fieldPath ?? "", eventSource(ev), ev.message.trim(), first, String(count), ev.metadata.name ?? ""];
}

function namespaceRow(now: Now, ns: RO<Namespace>): string[] {
  return [ns.metadata.name ?? "", ns.status?.phase ?? "", since(now, ns.metadata.creationTimestamp)];
}

function leaseRow(now: Now, lease: RO<Lease>): string[] {
  return [lease.metadata.name ?? "", lease.spec.holderIdentity ?? "", since(now, lease.metadata.creationTimestamp)];
}

function serviceAccountRow(now: Now, sa: RO<ServiceAccount>): string[] {
  return [sa.metadata.name ?? "", String(sa.secrets?.length ?? 0), since(now, sa.metadata.creationTimestamp)];
}

/** printResourceQuota: "used/hard" per resource, requests and counts under REQUEST, limits.* under LIMIT. */
function resourceQuotaRow(now: Now, q: RO<ResourceQuota>): string[] {
  const hard = q.status?.hard ?? {};
  const used = q.status?.used ?? {};
  const requests: string[] = [];
  const limits: string[] = [];
  for (const name of Object.keys(hard).sort()) {
    const cell = `${name}: ${canonicalQuantity(used[name] ?? "0")}/${canonicalQuantity(hard[name])}`;
    if (name.startsWith("limits.")) limits.push(cell);
    else requests.push(cell);
  }
  return [q.metadata.name ?? "", since(now, q.metadata.creationTimestamp), requests.join(", "), limits.join(", ")];
}

const createdAtRow = (_now: Now, o: RO<LimitRange | Role | ClusterRole>): string[] => [o.metadata.name ?? "", o.metadata.creationTimestamp ?? ""];

/** printRoleBinding: the role as Kind/name, subjects split by kind (service accounts as namespace/name). */
function roleBindingRow(now: Now, b: RO<RoleBinding | ClusterRoleBinding>): string[] {
  const subjects = b.subjects ?? [];
  const names = (kind: string): string => subjects.filter((s) => s.kind === kind).map((s) => s.name).join(", ");
  // rbac.SubjectsStrings: "namespace/name", or the bare name when the subject has no namespace.
  const serviceAccounts = subjects.filter((s) => s.kind === "ServiceAccount").map((s) => (s.namespace ? `${s.namespace}/${s.name}` : s.name)).join(", ");
  return [b.metadata.name ?? "", `${b.roleRef.kind}/${b.roleRef.name}`, since(now, b.metadata.creationTimestamp), names("User"), names("Group"), serviceAccounts];
}

function priorityClassRow(now: Now, pc: RO<PriorityClass>): string[] {
  return [pc.metadata.name ?? "", String(pc.value), String(pc.globalDefault === true), since(now, pc.metadata.creationTimestamp), pc.preemptionPolicy ?? ""];
}

const ROWS: { readonly [R in ResourceName]: (now: Now, obj: never) => string[] } = {
  pods: podRow,
  nodes: nodeRow,
  deployments: deploymentRow,
  replicasets: replicaSetRow,
  events: eventRow,
  namespaces: namespaceRow,
  leases: leaseRow,
  serviceaccounts: serviceAccountRow,
  resourcequotas: resourceQuotaRow,
  limitranges: createdAtRow,
  roles: createdAtRow,
  clusterroles: createdAtRow,
  rolebindings: roleBindingRow,
  clusterrolebindings: roleBindingRow,
  priorityclasses: priorityClassRow,
};

/** The server-side Table for a list of objects of one resource. */
export function buildTable(resource: ResourceName, now: Now, objects: readonly RO<KubeObject>[]): Table {
  const row = ROWS[resource] as (now: Now, obj: RO<KubeObject>) => string[];
  return { columns: COLUMNS[resource], rows: objects.map((o) => ({ cells: row(now, o), meta: o.metadata })) };
}
