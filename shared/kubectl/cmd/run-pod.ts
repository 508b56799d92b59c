// The pod kubectl run builds (kubectl v1.34 pkg/generate/versioned/run.go,
// the BasicPod generator): one container named after the pod, labels
// run=NAME unless --labels says otherwise, dnsPolicy ClusterFirst, the
// restart policy from --restart, and the parse errors it reports, in the
// order it reports them.

import type { Container, Pod } from "../../sim/api/core-v1.ts";
import { plainError, type KubectlError } from "../errors.ts";

/** Container fields kubectl run can set that the simulation's Container type leaves out. */
export type RunContainer = Container & { stdin?: boolean; stdinOnce?: boolean; tty?: boolean; securityContext?: { privileged?: boolean } };

export interface RunPodParams {
  readonly name: string;
  readonly image: string;
  /** --labels as typed: "k=v,k2=v2"; "" for run=NAME. */
  readonly labels: string;
  readonly annotations: readonly string[];
  readonly env: readonly string[];
  /** Words after NAME: the container's args, or its command with --command. */
  readonly args: readonly string[];
  readonly command: boolean;
  readonly imagePullPolicy: string;
  /** --port as typed (a string flag in kubectl run); "" for none. */
  readonly port: string;
  readonly stdin: boolean;
  readonly leaveStdinOpen: boolean;
  readonly tty: boolean;
  /** --restart as typed; "" means Always. */
  readonly restart: string;
  readonly privileged: boolean;
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** validation.IsEnvVarName (apimachinery v0.34): the C-identifier-like rule plus no "." / ".." prefix. */
function isEnvVarName(name: string): boolean {
  return ENV_VAR_NAME.test(name) && name !== "." && !name.startsWith("..");
}

// Each parser returns its value, or the error text kubectl prints.

/** parseEnvs: NAME=VALUE, split at the first "=". */
function parseEnvs(env: readonly string[]): { name: string; value?: string }[] | string {
  const out: { name: string; value?: string }[] = [];
  for (const e of env) {
    const pos = e.indexOf("=");
    const name = pos < 0 ? "" : e.slice(0, pos);
    if (pos < 0 || name.length === 0 || !isEnvVarName(name)) return `invalid env: ${e}`;
    const value = e.slice(pos + 1);
    // EnvVar.Value is omitempty: NAME= sets an empty variable with no value field.
    out.push(value === "" ? { name } : { name, value });
  }
  return out;
}

/** cmdutil.ParsePairs(annotations, "annotations", false): every bad pair is listed. */
function parseAnnotations(pairs: readonly string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes("=") && p[0] !== "=") {
      const eq = p.indexOf("=");
      out[p.slice(0, eq)] = p.slice(eq + 1);
    } else invalid.push(p);
  }
  return invalid.length > 0 ? `invalid annotations format: ${invalid.join(", ")}` : out;
}

/** generate.ParseLabels: "k=v" pairs split on "," then "=" (a second "=" is an error). */
function parseLabels(spec: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const s of spec.split(",")) {
    const kv = s.split("=");
    if (kv.length !== 2) return `unexpected label spec: ${s}`;
    if (kv[0]!.length === 0) return "unexpected empty label key";
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

/** strconv.Atoi, then the int32 conversion updatePodPorts makes (which wraps, as Go's does). */
function parsePort(port: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(port)) return `strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`;
  const v = BigInt(port);
  if (v >= 2n ** 63n || v < -(2n ** 63n)) return `strconv.Atoi: parsing ${JSON.stringify(port)}: value out of range`;
  return Number(BigInt.asIntN(32, v));
}

/** BasicPod.Generate. */
export function generateRunPod(p: RunPodParams): { pod: Pod } | { error: KubectlError } {
  const fail = (message: string) => ({ error: plainError(message) });
  const envs = parseEnvs(p.env);
  if (typeof envs === "string") return fail(envs);
  const annotations = parseAnnotations(p.annotations);
  if (typeof annotations === "string") return fail(annotations);
  const labels = p.labels.length > 0 ? parseLabels(p.labels) : { run: p.name };
  if (typeof labels === "string") return fail(labels);

  const container: RunContainer = { name: p.name, image: p.image, resources: {} };
  if (p.stdin) container.stdin = true;
  if (!p.leaveStdinOpen && p.stdin) container.stdinOnce = true;
  if (p.tty) container.tty = true;
  if (p.privileged) container.securityContext = { privileged: true };
  if (p.args.length > 0) {
    if (p.command) container.command = [...p.args];
    else container.args = [...p.args];
  }
  if (envs.length > 0) container.env = envs;
  if (p.imagePullPolicy.length > 0) container.imagePullPolicy = p.imagePullPolicy as Container["imagePullPolicy"];
  if (p.port.length > 0) {
    const port = parsePort(p.port);
    if (typeof port === "string") return fail(port);
    container.ports = [{ containerPort: port }];
  }

  const metadata: Pod["metadata"] = { name: p.name, labels };
  // An empty annotations map is dropped by omitempty.
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  const pod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata,
    spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: (p.restart || "Always") as Pod["spec"]["restartPolicy"] },
    status: {},
  };
  return { pod };
}
