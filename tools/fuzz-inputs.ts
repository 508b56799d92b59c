// Generated console input for the fuzzer (tools/fuzz.ts) and the property test
// (tools/fuzz.test.ts): console lines built from kubectl's own vocabulary with
// hostile values mixed in, and manifests that start from a real Deployment or
// Pod and get broken in the ways people break them (wrong types, unknown
// fields, YAML aliases, deep nesting, odd scalars).

import fc from "fast-check";
import { stringify } from "yaml";

const VERBS = [
  "get", "describe", "create", "apply", "delete", "scale", "patch", "label", "annotate", "rollout", "logs", "run", "set", "cordon",
  "uncordon", "drain", "taint", "explain", "edit", "replace", "wait", "top", "config", "auth", "expose", "version", "api-resources",
  "cluster-info", "help", "completion", "autoscale", "exec", "port-forward", "diff",
];
const RESOURCES = [
  "pods", "po", "deploy", "deployments.apps", "nodes", "no", "ns", "namespaces", "rs", "replicasets", "events", "ev", "leases", "sa",
  "serviceaccounts", "quota", "limits", "roles", "rolebindings", "clusterroles", "clusterrolebindings", "pc", "svc", "all", "deployment/web",
  "pod/web", "node/node-1", "", "Pod", "deployment.apps/web",
];
const SUBCOMMANDS = ["status", "history", "undo", "pause", "resume", "restart", "image", "env", "resources", "deployment", "namespace", "view", "can-i", "whoami"];
const NAMES = ["web", "node-1", "node-2", "nope", "default", "kube-system", "web-7b9f6c5d48-x2kqp", "a".repeat(300), "Web", "-", "--", "*", "../x"];

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("'", '"', "\\", "|", "||", "| grep", "| head -n", "| wc -l", "$(x)", "`x`", ";", "&&", "{", "}", "[", "]", "{.items[*]}", "{{.metadata.name}}", "=", "==", "!", "\t", "\u0000", "🙂"),
  fc.integer().map(String),
  fc.constantFrom("2147483648", "-1", "1e309", "0x10", "NaN", "9".repeat(400), "1.5", "-0"),
);

const flag = fc.oneof(
  fc.constantFrom(
    "-o", "-o yaml", "-o json", "-o wide", "-o name", "-ojsonpath={.items[*].metadata.name}", "-o jsonpath='{.spec}'", "-o custom-columns=N:.metadata.name",
    "-o go-template={{.metadata.name}}", "-A", "-w", "--watch", "-l app=web", "-l", "--selector=app in (a,b)", "--field-selector=spec.nodeName=node-1",
    "--sort-by=.metadata.name", "--replicas=3", "--replicas", "--replicas=2147483648", "-p {}", "--type=json", "--type=merge", "--type=strategic",
    "--dry-run=client", "--dry-run=server", "--dry-run", "-n default", "-n", "--namespace=nope", "--all", "--force", "--grace-period=0",
    "--overwrite", "--ignore-daemonsets", "--delete-emptydir-data", "--image=nginx:1.27", "--image", "-f -", "-f x.yaml", "--show-labels",
    "--recursive", "--to-revision=2", "--timeout=1s", "--for=condition=Available", "--tail=5", "-c web", "--previous", "--as=alice",
    "--as-group=system:masters", "--help", "-h", "--", "--port=80", "--record", "--validate=false", "--validate=warn", "--server-side",
  ),
  fc.tuple(fc.constantFrom("-p", "--patch", "-o", "-l", "--sort-by", "--template", "-n", "--replicas", "--for", "--field-selector", "--type"), hostile).map(([f, v]) => `${f}=${v}`),
  fc.tuple(fc.constantFrom("-p", "-o", "-l"), fc.jsonValue({ maxDepth: 3 })).map(([f, v]) => `${f} '${JSON.stringify(v)}'`),
);

const word = fc.oneof(fc.constantFrom(...VERBS), fc.constantFrom(...RESOURCES), fc.constantFrom(...SUBCOMMANDS), fc.constantFrom(...NAMES), flag, hostile);

/** A console line: mostly `kubectl <verb> ...`, sometimes anything at all. */
export const consoleLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom("kubectl", "k"), fc.constantFrom(...VERBS), fc.array(word, { maxLength: 6 })).map(([k, v, rest]) => [k, v, ...rest].join(" ")) },
  { weight: 1, arbitrary: fc.array(word, { maxLength: 8 }).map((ws) => ws.join(" ")) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

function base(kind: "Deployment" | "Pod"): Record<string, unknown> {
  const podSpec = { containers: [{ name: "web", image: "nginx:1.27", ports: [{ containerPort: 80 }], resources: { requests: { cpu: "100m" } } }] };
  if (kind === "Pod") return { apiVersion: "v1", kind, metadata: { name: "p", labels: { app: "p" } }, spec: podSpec };
  return {
    apiVersion: "apps/v1",
    kind,
    metadata: { name: "fz", labels: { app: "fz" } },
    spec: { replicas: 2, selector: { matchLabels: { app: "fz" } }, template: { metadata: { labels: { app: "fz" } }, spec: podSpec } },
  };
}

const PATHS = [
  "metadata", "metadata.name", "metadata.labels", "metadata.annotations", "metadata.namespace", "metadata.__proto__", "metadata.labels.__proto__",
  "spec", "spec.replicas", "spec.replica", "spec.paused", "spec.strategy", "spec.strategy.type", "spec.strategy.rollingUpdate.maxSurge",
  "spec.revisionHistoryLimit", "spec.progressDeadlineSeconds", "spec.minReadySeconds", "spec.selector", "spec.selector.matchLabels",
  "spec.template", "spec.template.metadata.labels", "spec.template.spec", "spec.template.spec.containers", "spec.template.spec.containers.0",
  "spec.template.spec.containers.0.image", "spec.template.spec.containers.0.command", "spec.template.spec.containers.0.ports",
  "spec.template.spec.containers.0.ports.0.containerPort", "spec.template.spec.containers.0.env", "spec.template.spec.containers.0.resources",
  "spec.template.spec.containers.0.resources.limits", "spec.template.spec.containers.0.livenessProbe", "spec.template.spec.nodeSelector",
  "spec.template.spec.tolerations", "spec.template.spec.affinity", "spec.containers", "spec.containers.0", "spec.containers.0.image",
  "spec.containers.0.resources.requests.cpu", "spec.containers.0.readinessProbe.httpGet.port", "spec.nodeName", "status", "kind", "apiVersion",
];

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let at: Record<string, unknown> = obj;
  for (const p of parts.slice(0, -1)) {
    const next = Object.hasOwn(at, p) ? at[p] : undefined;
    if (typeof next !== "object" || next === null) {
      const fresh = {};
      Object.defineProperty(at, p, { value: fresh, enumerable: true, writable: true, configurable: true });
      at = fresh;
    } else at = next as Record<string, unknown>;
  }
  Object.defineProperty(at, parts.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
}

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(2147483648, -1, 1.5, 0, 1e21, "yes", "b c", "A=B", "Bogus", "", "lots", "25%", "200%", [], {}, null, true),
);

const mutatedObject = fc
  .tuple(fc.constantFrom<"Deployment" | "Pod">("Deployment", "Pod"), fc.array(fc.tuple(fc.constantFrom(...PATHS), anyValue), { maxLength: 4 }))
  .map(([kind, edits]) => {
    const obj = base(kind);
    for (const [path, value] of edits) setPath(obj, path, structuredClone(value));
    return obj;
  });

/** Hand-written YAML that stresses the parser: aliases, merges, depth, tags, tabs, documents. */
const hostileYaml = fc.oneof(
  fc.constantFrom(
    "a: &a [*a]\n",
    "a: *nope\n",
    "a: &x 1\nb: *x\n",
    "<<: *x\n",
    "a: &x 1\nb:\n  <<: *x\n",
    "<<: [1, {a: b}]\n",
    "a: &a ['lol','lol']\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n",
    "\tkind: Pod\n",
    "kind: Pod\napiVersion: v1\nmetadata: {name: x}\nspec: {containers: [{name: a, image: !!binary aGk=}]}\n",
    "---\n---\n...\n",
    "kind: [\n",
    "{".repeat(2000),
    "- ".repeat(2000) + "x",
    "a: b: c\n",
    "kind: Pod\nkind: Deployment\n",
    "? [a, b]\n: c\n",
    "kind: !!python/object:os.system x\n",
    "apiVersion: v1\nkind: List\nitems: 5\n",
    "apiVersion: v1\nkind: List\nitems: [5, null, {kind: Pod}]\n",
    "x: 2024-01-01\n",
    "x".repeat(100_000),
  ),
  fc.string({ maxLength: 300 }),
  fc.array(fc.constantFrom("a:", " b", "- c", "&x", "*x", "!!str", "{", "}", "[", "]", ",", "'", '"', "#", "|", ">", "\n", "  ", "\t", ":", "---"), { maxLength: 30 }).map((t) => t.join("")),
);

/** A manifest for `kubectl apply|create|replace -f -`. */
export const manifest: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: mutatedObject.map((o) => stringify(o)) },
  { weight: 2, arbitrary: mutatedObject.map((o) => JSON.stringify(o)) },
  { weight: 3, arbitrary: hostileYaml },
);

export const manifestCommand = fc.constantFrom("kubectl apply -f -", "kubectl create -f -", "kubectl replace -f -", "kubectl apply -f - --dry-run=client", "kubectl apply -f - -o yaml", "kubectl delete -f -", "kubectl create -f - --validate=false");

/** One console input: a line, or a manifest command with its standard input. */
export const consoleInput: fc.Arbitrary<{ line: string; stdin?: string }> = fc.oneof(
  consoleLine.map((line) => ({ line })),
  fc.tuple(manifestCommand, manifest).map(([line, stdin]) => ({ line, stdin })),
);
