// Pieces every describer shares (kubectl pkg/describe/describe.go): label,
// annotation, taint and toleration blocks, container and volume sections,
// pod templates, and the Events table.

import type { Container, ContainerState, ContainerStatus, Event, PodTemplateSpec, Probe, Taint, Toleration, Volume } from "../../../sim/api/core-v1.ts";
import type { DeepReadonly } from "../../../sim/api/meta.ts";
import { parseTime, rfc1123z } from "../../../sim/kernel/time.ts";
import { since, type Now } from "../age.ts";
import { goSort } from "../go-sort.ts";
import { formatTaint } from "../node-columns.ts";
import { canonicalQuantity } from "../quantity.ts";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from "./writer.ts";

type RO<T> = DeepReadonly<T>;

export const LAST_APPLIED_CONFIG_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
const MAX_ANNOTATION_LEN = 140;

/** time.Time.Format(time.RFC1123Z); the zero time for an absent timestamp. */
export function formatTime(now: Now, ts: string | null | undefined): string {
  if (!ts) return "Mon, 01 Jan 0001 00:00:00 +0000";
  const ms = parseTime(now.epochMs, ts);
  return Number.isNaN(ms) ? "Mon, 01 Jan 0001 00:00:00 +0000" : rfc1123z(now.epochMs, ms);
}

export function printBool(b: boolean | undefined): string {
  return b ? "True" : "False";
}

function byteSort(keys: string[]): string[] {
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Readonly<Record<string, string>> | undefined, initialIndent = "", innerIndent = "\t"): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = byteSort(Object.keys(labels ?? {}));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = byteSort(Object.keys(annotations ?? {}).filter((k) => k !== LAST_APPLIED_CONFIG_ANNOTATION));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![k]!.replace(/\n$/, "");
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${k}:\n`);
      for (const s of value.split("\n")) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${k}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly RO<Taint>[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const sorted = goSort([...taints], (a, b) => `${a.effect},${a.key}` < `${b.effect},${b.key}`);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${formatTaint(t)}\n`);
  });
}

export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: readonly RO<Toleration>[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const sorted = goSort([...tolerations], (a, b) => (a.key ?? "") < (b.key ?? ""));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    let s = t.key ?? "";
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

// --- containers ------------------------------------------------------------------

function portsString(c: RO<Container>, host: boolean): string {
  return (c.ports ?? [])
    .map((p) => {
      const s = `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? "TCP"}`;
      return p.name ? `${s} (${p.name})` : s;
    })
    .join(", ");
}

/** DescribeProbe: "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function describeProbe(p: RO<Probe>): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${p.exec.command.join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const host = (p.httpGet as { host?: string }).host ?? "";
    const port = String(p.httpGet.port);
    const hostPort = host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
    return `http-get ${(p.httpGet.scheme ?? "").toLowerCase()}://${hostPort}${p.httpGet.path ?? ""} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${(p.tcpSocket as { host?: string }).host ?? ""}:${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeStatus(now: Now, w: PrefixWriter, stateName: string, state: RO<ContainerState> | undefined): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatTime(now, state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${formatTime(now, t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatTime(now, t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function describeResources(w: PrefixWriter, c: RO<Container>, level: number): void {
  const r = c.resources ?? {};
  for (const [title, list] of [["Limits", r.limits], ["Requests", r.requests]] as const) {
    const names = byteSort(Object.keys(list ?? {}));
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${canonicalQuantity(list![n])}\n`);
  }
}

export function describeContainers(
  now: Now,
  w: PrefixWriter,
  label: string,
  containers: readonly RO<Container>[],
  statuses: readonly RO<ContainerStatus>[] | undefined,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    w.write(LEVEL_1, `${space.length > 0 ? " " : ""}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ""}\n`);
    w.write(LEVEL_2, `Image:\t${c.image}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID}\n`);
    const ports = portsString(c, false);
    if (ports.includes(",")) w.write(LEVEL_2, `Ports:\t${ports}\n`);
    else w.write(LEVEL_2, `Port:\t${ports || "<none>"}\n`);
    const hostPorts = portsString(c, true);
    if (hostPorts.includes(",")) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
    else w.write(LEVEL_2, `Host Port:\t${hostPorts || "<none>"}\n`);
    for (const [title, lines] of [["Command", c.command], ["Args", c.args]] as const) {
      if (!lines || lines.length === 0) continue;
      w.write(LEVEL_2, `${title}:\n`);
      for (const l of lines) for (const s of l.split("\n")) w.write(LEVEL_3, `${s}\n`);
    }
    if (status) {
      describeStatus(now, w, "State", status.state);
      if (status.lastState?.terminated) describeStatus(now, w, "Last State", status.lastState);
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(w, c, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    const env = c.env ?? [];
    w.write(LEVEL_2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
    for (const e of env) {
      (e.value ?? "").split("\n").forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
    w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
    for (const m of mounts) w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${m.readOnly ? "ro" : "rw"})\n`);
  }
}

export function describeVolumes(w: PrefixWriter, volumes: readonly RO<Volume>[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space.length > 0 ? " " : ""}${v.name}:\n`);
    if (v.hostPath) {
      w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || "<none>"}\n`);
    } else if (v.emptyDir) {
      const size = v.emptyDir.sizeLimit && canonicalQuantity(v.emptyDir.sizeLimit) !== "0" ? canonicalQuantity(v.emptyDir.sizeLimit) : "<unset>";
      w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ""}\n    SizeLimit:\t${size}\n`);
    } else if (v.secret) {
      w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\tfalse\n`);
    } else if (v.configMap) {
      w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\tfalse\n`);
    } else if (v.projected) {
      printProjectedVolumeSource(w, v.projected);
    } else if (v.persistentVolumeClaim) {
      const ro = (v.persistentVolumeClaim as { readOnly?: boolean }).readOnly === true;
      w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${ro}\n`);
    } else {
      w.write(LEVEL_1, "<unknown>\n");
    }
  }
}

/** printProjectedVolumeSource: one line (or two) per source, in the volume's order. */
function printProjectedVolumeSource(w: PrefixWriter, projected: RO<NonNullable<Volume["projected"]>>): void {
  w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
  for (const source of projected.sources) {
    if (source.secret) w.write(LEVEL_2, `SecretName:\t${source.secret.name}\n    Optional:\t${source.secret.optional === true}\n`);
    else if (source.downwardAPI) w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
    else if (source.configMap) w.write(LEVEL_2, `ConfigMapName:\t${source.configMap.name}\n    Optional:\t${source.configMap.optional === true}\n`);
    else if (source.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3600}\n`);
  }
}

export function describePodTemplate(now: Now, w: PrefixWriter, template: RO<PodTemplateSpec> | undefined): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (!template) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  printLabelsMultiline(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, "  Annotations", template.metadata?.annotations);
  if (template.spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${template.spec.serviceAccountName}\n`);
  if ((template.spec.initContainers ?? []).length > 0) describeContainers(now, w, "Init Containers", template.spec.initContainers!, undefined, "  ");
  describeContainers(now, w, "Containers", template.spec.containers, undefined, "  ");
  describeVolumes(w, template.spec.volumes, "  ");
  if (template.spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${template.spec.priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", template.spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", template.spec.tolerations);
}

// --- events ------------------------------------------------------------------------

/** DescribeEvents: oldest last-seen first; Age is first-seen, or "<last> (xN over <first>)". */
export function describeEvents(now: Now, w: PrefixWriter, events: readonly RO<Event>[]): void {
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  const lastSeen = (e: RO<Event>): number => (e.lastTimestamp ? parseTime(now.epochMs, e.lastTimestamp) : Number.NEGATIVE_INFINITY);
  const sorted = goSort([...events], (a, b) => lastSeen(a) < lastSeen(b));
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    const first = e.eventTime ? since(now, e.eventTime) : since(now, e.firstTimestamp);
    const interval = (e.count ?? 0) > 1 ? `${since(now, e.lastTimestamp)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || (e as { reportingController?: string }).reportingController || "";
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${e.message.trim()}\n`);
  }
}
