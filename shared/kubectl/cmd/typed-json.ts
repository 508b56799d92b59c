// JSON of typed objects, as kubectl prints the objects its generators build
// (run, create deployment|namespace|role|quota...) and the typed client gets back:
// encoding/json walks the Go struct, so fields come in declaration order
// (kind, apiVersion, metadata, spec, status), while maps (labels, selectors)
// come sorted. Objects read as unstructured (get, create -f, apply) print
// sorted instead; that is printers/json.ts. The same order feeds the
// last-applied-configuration annotation kubectl writes for typed objects.

import { goJsonString } from "../printers/json.ts";

/**
 * Field order of the k8s.io/api v0.34 structs these objects reach, by JSON
 * name; "field:Type" names a nested struct. A field without a type is a
 * scalar, a map, or a struct the generators never fill; its keys sort.
 */
const STRUCTS: Readonly<Record<string, string>> = {
  Pod: "kind apiVersion metadata:ObjectMeta spec:PodSpec status:PodStatus",
  Deployment: "kind apiVersion metadata:ObjectMeta spec:DeploymentSpec status:DeploymentStatus",
  Namespace: "kind apiVersion metadata:ObjectMeta spec:NamespaceSpec status:NamespaceStatus",
  ServiceAccount: "kind apiVersion metadata:ObjectMeta secrets imagePullSecrets automountServiceAccountToken",
  PriorityClass: "kind apiVersion metadata:ObjectMeta value globalDefault description preemptionPolicy",
  ObjectMeta:
    "name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences:OwnerReference finalizers managedFields",
  OwnerReference: "apiVersion kind name uid controller blockOwnerDeletion",
  PodSpec:
    "volumes initContainers:Container containers:Container ephemeralContainers restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy nodeSelector serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC shareProcessNamespace securityContext:PodSecurityContext imagePullSecrets hostname subdomain affinity schedulerName tolerations:Toleration hostAliases priorityClassName priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources:ResourceRequirements hostnameOverride",
  Container:
    "name image command args workingDir ports:ContainerPort envFrom env:EnvVar resources:ResourceRequirements resizePolicy restartPolicy restartPolicyRules volumeMounts volumeDevices livenessProbe readinessProbe startupProbe lifecycle terminationMessagePath terminationMessagePolicy imagePullPolicy securityContext:SecurityContext stdin stdinOnce tty",
  ContainerPort: "name hostPort containerPort protocol hostIP",
  EnvVar: "name value valueFrom",
  ResourceRequirements: "limits requests claims",
  SecurityContext:
    "capabilities privileged seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot readOnlyRootFilesystem allowPrivilegeEscalation procMount seccompProfile appArmorProfile",
  PodSecurityContext:
    "seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot supplementalGroups supplementalGroupsPolicy fsGroup sysctls fsGroupChangePolicy seccompProfile appArmorProfile seLinuxChangePolicy",
  Toleration: "key operator value effect tolerationSeconds",
  PodStatus:
    "observedGeneration phase conditions message reason nominatedNodeName hostIP hostIPs podIP podIPs startTime initContainerStatuses containerStatuses qosClass ephemeralContainerStatuses resize resourceClaimStatuses extendedResourceClaimStatus",
  DeploymentSpec: "replicas selector:LabelSelector template:PodTemplateSpec strategy:DeploymentStrategy minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds",
  LabelSelector: "matchLabels matchExpressions:LabelSelectorRequirement",
  LabelSelectorRequirement: "key operator values",
  PodTemplateSpec: "metadata:ObjectMeta spec:PodSpec",
  DeploymentStrategy: "type rollingUpdate:RollingUpdateDeployment",
  RollingUpdateDeployment: "maxUnavailable maxSurge",
  DeploymentStatus: "observedGeneration replicas updatedReplicas readyReplicas availableReplicas unavailableReplicas terminatingReplicas conditions collisionCount",
  NamespaceSpec: "finalizers",
  NamespaceStatus: "phase conditions",
  Role: "kind apiVersion metadata:ObjectMeta rules:PolicyRule",
  ClusterRole: "kind apiVersion metadata:ObjectMeta rules:PolicyRule aggregationRule:AggregationRule",
  PolicyRule: "verbs apiGroups resources resourceNames nonResourceURLs",
  AggregationRule: "clusterRoleSelectors:LabelSelector",
  RoleBinding: "kind apiVersion metadata:ObjectMeta subjects:Subject roleRef:RoleRef",
  ClusterRoleBinding: "kind apiVersion metadata:ObjectMeta subjects:Subject roleRef:RoleRef",
  Subject: "kind apiGroup name namespace",
  RoleRef: "apiGroup kind name",
  ResourceQuota: "kind apiVersion metadata:ObjectMeta spec:ResourceQuotaSpec status:ResourceQuotaStatus",
  ResourceQuotaSpec: "hard scopes scopeSelector",
  ResourceQuotaStatus: "hard used",
};

interface Field {
  readonly name: string;
  readonly type?: string;
}

const FIELDS: ReadonlyMap<string, readonly Field[]> = new Map(
  Object.entries(STRUCTS).map(([type, spec]) => [
    type,
    spec.split(" ").map((f) => {
      const [name, t] = f.split(":");
      return { name: name!, type: t };
    }),
  ]),
);

/** Whether kubectl prints this kind from a typed Go struct (a kind its generators build). */
export function isTypedKind(kind: string | undefined): boolean {
  return kind !== undefined && ["Pod", "Deployment", "Namespace", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ResourceQuota", "ServiceAccount", "PriorityClass"].includes(kind);
}

type Entries = readonly (readonly [string, unknown])[];

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The value's keys in the order encoding/json writes them for `type` (sorted when untyped). */
function ordered(v: Record<string, unknown>, type: string | undefined): { entries: Entries; types: ReadonlyMap<string, string> } {
  const present = Object.keys(v).filter((k) => v[k] !== undefined);
  const fields = type === undefined ? undefined : FIELDS.get(type);
  if (!fields) return { entries: present.sort(byteOrder).map((k) => [k, v[k]] as const), types: new Map() };
  const known = new Set(fields.map((f) => f.name));
  const entries: [string, unknown][] = [];
  const types = new Map<string, string>();
  for (const f of fields) {
    if (v[f.name] === undefined) continue;
    entries.push([f.name, v[f.name]]);
    if (f.type) types.set(f.name, f.type);
  }
  // Keys Go's struct has no field for would be dropped by the decoder; keep them, sorted, last.
  for (const k of present.filter((k) => !known.has(k)).sort(byteOrder)) entries.push([k, v[k]]);
  return { entries, types };
}

function encode(v: unknown, type: string | undefined, indent: string | undefined, level: string, out: string[]): void {
  if (v === null || v === undefined) {
    out.push("null");
    return;
  }
  if (typeof v === "string") {
    out.push(goJsonString(v));
    return;
  }
  if (typeof v !== "object") {
    out.push(JSON.stringify(v));
    return;
  }
  const inner = indent === undefined ? "" : `${level}${indent}`;
  const nl = indent === undefined ? "" : "\n";
  const sep = indent === undefined ? ":" : ": ";
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push("[]");
      return;
    }
    out.push(`[${nl}`);
    v.forEach((item, i) => {
      out.push(inner);
      encode(item, type, indent, inner, out);
      out.push(i < v.length - 1 ? `,${nl}` : nl);
    });
    out.push(`${indent === undefined ? "" : level}]`);
    return;
  }
  const { entries, types } = ordered(v as Record<string, unknown>, type);
  if (entries.length === 0) {
    out.push("{}");
    return;
  }
  out.push(`{${nl}`);
  entries.forEach(([k, x], i) => {
    out.push(`${inner}${goJsonString(k)}${sep}`);
    encode(x, types.get(k), indent, inner, out);
    out.push(i < entries.length - 1 ? `,${nl}` : nl);
  });
  out.push(`${indent === undefined ? "" : level}}`);
}

/** -o json of a typed object: MarshalIndent with four spaces, plus the printer's newline. */
export function printTypedJson(obj: { kind?: string }): string {
  const out: string[] = [];
  encode(obj, obj.kind, "    ", "", out);
  out.push("\n");
  return out.join("");
}

/** json.Marshal of a typed object: compact, in struct order. */
export function marshalTyped(obj: { kind?: string }): string {
  const out: string[] = [];
  encode(obj, obj.kind, undefined, "", out);
  return out.join("");
}
