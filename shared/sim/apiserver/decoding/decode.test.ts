import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/meta.ts";
import { RESOURCE_NAMES, RESOURCES, type ResourceName } from "../../api/resources.ts";
import type { ApiServer } from "../apiserver.ts";
import type { FieldValidation } from "../types.ts";
import { ADMIN, deployment, must, newTestApiServer, pod } from "../test-fixture.ts";
import { RFC3339, RFC3339_MICRO, goTimeParseError } from "./go-time.ts";

const DEPLOY = 'Deployment in version "v1" cannot be handled as a Deployment: ';
const POD = 'Pod in version "v1" cannot be handled as a Pod: ';

/** A create as kubectl create and apply send it: fieldValidation=Strict. */
function createStrict(api: ApiServer, resource: ResourceName, namespace: string | undefined, body: KubeObject) {
  return api.request(ADMIN, { verb: "create", resource, namespace, body, fieldValidation: "Strict" });
}

/** A Deployment with one path set to a value (dotted path, numeric segments index arrays). */
function deployWith(path: string, value: unknown): KubeObject {
  const d = deployment() as unknown as Record<string, unknown>;
  let at = d;
  const parts = path.split(".");
  for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
  at[parts.at(-1)!] = value;
  return d as unknown as KubeObject;
}

describe("decoding a create", () => {
  const cases: [string, KubeObject, string][] = [
    ["an unknown field", deployWith("spec.replica", 3), `${DEPLOY}strict decoding error: unknown field "spec.replica"`],
    [
      "several unknown fields, in the order of kubectl's sorted JSON, with array indexes",
      deployWith("spec.template.spec.containers.0.port", 80),
      `${DEPLOY}strict decoding error: unknown field "spec.template.spec.containers[0].port"`,
    ],
    ["replicas as a string", deployWith("spec.replicas", "3"), `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ["replicas beyond int32", deployWith("spec.replicas", 2147483648), `${DEPLOY}json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ["a fractional replicas", deployWith("spec.replicas", 1.5), `${DEPLOY}json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ["labels given as a string", deployWith("metadata.labels", "app=web"), `${DEPLOY}json: cannot unmarshal string into Go struct field ObjectMeta.metadata.labels of type map[string]string`],
    ["a numeric annotation value", deployWith("metadata.annotations", { n: 1 }), `${DEPLOY}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string`],
    ["paused as a string", deployWith("spec.paused", "yes"), `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool`],
    ["strategy type as a number", deployWith("spec.strategy.type", 1), `${DEPLOY}json: cannot unmarshal number into Go struct field DeploymentStrategy.spec.strategy.type of type v1.DeploymentStrategyType`],
    [
      "command as a string",
      deployWith("spec.template.spec.containers.0.command", "sleep 10"),
      `${DEPLOY}json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type []string`,
    ],
    ["a number for image", deployWith("spec.template.spec.containers.0.image", 5), `${DEPLOY}json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string`],
    [
      "an object for ports",
      deployWith("spec.template.spec.containers.0.ports", { containerPort: 80 }),
      `${DEPLOY}json: cannot unmarshal object into Go struct field Container.spec.template.spec.containers.ports of type []v1.ContainerPort`,
    ],
    [
      "a number for livenessProbe",
      deployWith("spec.template.spec.containers.0.livenessProbe", 5),
      `${DEPLOY}json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.livenessProbe of type v1.Probe`,
    ],
    ["spec as a string", deployWith("spec", "x"), `${DEPLOY}json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec`],
    [
      "a bool maxSurge (IntOrString)",
      deployWith("spec.strategy.rollingUpdate", { maxSurge: true }),
      `${DEPLOY}json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32`,
    ],
    [
      "a malformed quantity",
      deployWith("spec.template.spec.containers.0.resources", { limits: { cpu: "lots" } }),
      `${DEPLOY}quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    ],
    [
      "a malformed timestamp",
      deployWith("metadata.creationTimestamp", "yesterday"),
      `${DEPLOY}parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`,
    ],
    [
      "a type error wins over unknown fields",
      deployWith("spec.template.spec.containers.0.image", 5),
      `${DEPLOY}json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string`,
    ],
    ["pod with a wrong-cased field", { ...pod("p"), metadata: { name: "p", Labels: { a: "b" } } } as unknown as KubeObject, `${POD}strict decoding error: unknown field "metadata.Labels"`],
  ];
  it.each(cases)("%s", (_name, body, message) => {
    const { api } = newTestApiServer();
    const resource = body.kind === "Pod" ? "pods" : "deployments";
    const r = createStrict(api, resource, "default", body);
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 400, reason: "BadRequest", message });
  });

  it("joins several unknown fields the way strictDecodingError does, sorted", () => {
    const { api } = newTestApiServer();
    const body = deployWith("spec.zeta", 1) as unknown as Record<string, Record<string, unknown>>;
    body.spec!.alpha = 1;
    body.metadata!.nope = 1;
    const r = createStrict(api, "deployments", "default", body as never);
    expect(r.ok ? "" : r.status.message).toBe(`${DEPLOY}strict decoding error: unknown field "metadata.nope", unknown field "spec.alpha", unknown field "spec.zeta"`);
  });

  it("accepts legitimate v1 fields the simulation does not act on", () => {
    const { api } = newTestApiServer();
    const body = pod("p", {
      volumes: [{ name: "data", emptyDir: {} }],
      securityContext: { runAsNonRoot: true, fsGroup: 2000 },
      containers: [
        {
          name: "web",
          image: "nginx:1.27",
          livenessProbe: { httpGet: { path: "/", port: "http" }, initialDelaySeconds: 3 },
          envFrom: [{ configMapRef: { name: "cfg" } }],
          resources: { claims: [{ name: "gpu" }], limits: { cpu: 1, memory: "128Mi" } },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
          lifecycle: { preStop: { sleep: { seconds: 5 } } },
        } as never,
      ],
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule" }],
    } as never);
    const created = must(api.create(ADMIN, "pods", "default", body));
    // A numeric quantity is read as the string Go would write back.
    expect(created.spec.containers[0]!.resources!.limits).toEqual({ cpu: "1", memory: "128Mi" });
  });

  it("reads null as Go's zero value", () => {
    const { api } = newTestApiServer();
    const body = deployWith("spec.replicas", null) as unknown as Record<string, Record<string, unknown>>;
    body.metadata!.annotations = null;
    const created = must(api.create(ADMIN, "deployments", "default", body as never)) as unknown as { spec: { replicas: number }; metadata: { annotations?: unknown } };
    expect(created.spec.replicas).toBe(1);
    expect(created.metadata.annotations).toBeUndefined();
  });
});

describe("decoding an update and a patch", () => {
  it("refuses an unknown field on update with 400", () => {
    const { api } = newTestApiServer();
    const d = must(api.create(ADMIN, "deployments", "default", deployment()));
    const r = api.request(ADMIN, { verb: "update", resource: "deployments", namespace: "default", body: { ...d, spec: { ...d.spec, replica: 2 } } as never, fieldValidation: "Strict" });
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 400, message: `${DEPLOY}strict decoding error: unknown field "spec.replica"` });
  });

  it("answers a patch that does not decode with 422 on the patch field", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "deployments", "default", deployment()));
    const r = api.patch(ADMIN, "deployments", "default", "web", { spec: { replicas: "2" } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status.code).toBe(422);
    expect(r.status.message).toMatch(/^ "" is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"apps\/v1\\",\\"kind\\":\\"Deployment\\",/);
    expect(r.status.message).toMatch(/: json: cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32$/);
    expect(r.status.details?.causes?.[0]?.field).toBe("patch");
  });
});

describe("field validation levels", () => {
  const UNKNOWN = 'unknown field "spec.replica"';
  const withUnknown = () => deployWith("spec.replica", 3);

  const creates: [string, FieldValidation | undefined, string | undefined, readonly string[] | undefined][] = [
    ["Strict refuses the create", "Strict", `${DEPLOY}strict decoding error: ${UNKNOWN}`, undefined],
    ["Warn creates it with a warning", "Warn", undefined, [UNKNOWN]],
    ["no fieldValidation is Warn, kube-apiserver's default", undefined, undefined, [UNKNOWN]],
    ["Ignore creates it silently", "Ignore", undefined, undefined],
  ];
  it.each(creates)("%s", (_name, fieldValidation, refusal, warnings) => {
    const { api } = newTestApiServer();
    const r = api.request(ADMIN, { verb: "create", resource: "deployments", namespace: "default", body: withUnknown(), fieldValidation });
    expect(r.ok ? undefined : r.status.message).toBe(refusal);
    expect(r.warnings).toEqual(warnings);
    if (!r.ok) return;
    // The field is gone from what was stored, as Go's struct has nowhere to keep it.
    const stored = must(api.get(ADMIN, "deployments", "default", "web"));
    expect("replica" in stored.spec).toBe(false);
  });

  it("warns once per unknown field, in sorted order, on an update", () => {
    const { api } = newTestApiServer();
    const d = must(api.create(ADMIN, "deployments", "default", deployment()));
    const body = { ...d, spec: { ...d.spec, zeta: 1, alpha: 2 } } as never;
    const r = api.request(ADMIN, { verb: "update", resource: "deployments", namespace: "default", body });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual(['unknown field "spec.alpha"', 'unknown field "spec.zeta"']);
  });

  const patches: [string, FieldValidation | undefined, string | undefined, readonly string[] | undefined][] = [
    ["Strict refuses the patch with 422 on the patch field", "Strict", `strict decoding error: ${UNKNOWN}`, undefined],
    ["no fieldValidation (kubectl patch) patches with a warning", undefined, undefined, [UNKNOWN]],
    ["Ignore patches silently", "Ignore", undefined, undefined],
  ];
  it.each(patches)("%s", (_name, fieldValidation, refusal, warnings) => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "deployments", "default", deployment()));
    const r = api.request(ADMIN, { verb: "patch", resource: "deployments", namespace: "default", name: "web", patch: { spec: { replica: 2, paused: true } }, fieldValidation });
    expect(r.warnings).toEqual(warnings);
    if (refusal !== undefined) {
      expect(r.ok ? undefined : r.status).toMatchObject({ code: 422, reason: "Invalid" });
      expect(r.ok ? "" : r.status.message).toMatch(/^ "" is invalid: patch: Invalid value: "\{\\"apiVersion\\":/);
      expect(r.ok ? "" : r.status.message.endsWith(`: ${refusal}`)).toBe(true);
      return;
    }
    const patched = must(r) as unknown as { spec: Record<string, unknown> };
    expect(patched.spec.paused).toBe(true);
    expect("replica" in patched.spec).toBe(false);
  });

  const levels: (FieldValidation | undefined)[] = ["Strict", "Warn", "Ignore", undefined];
  it.each(levels)("a type error refuses a create under %s", (fieldValidation) => {
    const { api } = newTestApiServer();
    const body = deployWith("spec.replicas", "3") as unknown as Record<string, Record<string, unknown>>;
    body.spec!.replica = 3;
    const r = api.request(ADMIN, { verb: "create", resource: "deployments", namespace: "default", body: body as never, fieldValidation });
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 400, message: `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32` });
    expect(r.warnings).toBeUndefined();
  });

  it.each(levels)("a type error refuses a patch under %s", (fieldValidation) => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "deployments", "default", deployment()));
    const r = api.request(ADMIN, { verb: "patch", resource: "deployments", namespace: "default", name: "web", patch: { spec: { replicas: "2" } }, fieldValidation });
    expect(r.ok ? undefined : r.status.code).toBe(422);
    expect(r.ok ? "" : r.status.message).toMatch(/: json: cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32$/);
  });

  it("protobuf bodies skip the decoder: no warning", () => {
    const { api } = newTestApiServer();
    const r = api.request(ADMIN, { verb: "create", resource: "deployments", namespace: "default", body: withUnknown(), contentType: "application/vnd.kubernetes.protobuf" });
    expect(r.ok).toBe(true);
    expect(r.warnings).toBeUndefined();
  });
});

describe("every served kind", () => {
  it.each(RESOURCE_NAMES)("%s refuses an unknown top-level field", (resource: ResourceName) => {
    const { api } = newTestApiServer();
    const info = RESOURCES[resource];
    const body = { apiVersion: info.group === "" ? "v1" : `${info.group}/v1`, kind: info.kind, metadata: { name: "x" }, bogus: 1 };
    const r = createStrict(api, resource, info.namespaced ? "default" : undefined, body as never);
    expect(r.ok ? undefined : r.status.message).toBe(`${info.kind} in version "v1" cannot be handled as a ${info.kind}: strict decoding error: unknown field "bogus"`);
  });
});

describe("validation the decoder leads to", () => {
  const INVALID = (causes: string) => causes;
  const cases: [string, (d: Record<string, any>) => void, string][] = [
    ["strategy.type Bogus", (d) => (d.spec.strategy = { type: "Bogus" }), 'Deployment.apps "web" is invalid: spec.strategy: Unsupported value: {"Type":"Bogus","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"'],
    ["revisionHistoryLimit -1", (d) => (d.spec.revisionHistoryLimit = -1), 'Deployment.apps "web" is invalid: spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
    [
      "progressDeadlineSeconds not above minReadySeconds",
      (d) => Object.assign(d.spec, { minReadySeconds: 10, progressDeadlineSeconds: 10 }),
      'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds',
    ],
    [
      "an env name with =",
      (d) => (d.spec.template.spec.containers[0].env = [{ name: "A=B", value: "1" }]),
      `Deployment.apps "web" is invalid: spec.template.spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
    ],
    [
      "a nodeSelector value with a space",
      (d) => (d.spec.template.spec.nodeSelector = { a: "b c" }),
      `Deployment.apps "web" is invalid: spec.template.spec.nodeSelector: Invalid value: "b c": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [
      "a __proto__ label key",
      (d) => (d.metadata = JSON.parse('{"name":"web","labels":{"__proto__":"x"}}')),
      `Deployment.apps "web" is invalid: metadata.labels: Invalid value: "__proto__": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ],
  ];
  it.each(cases)("%s", (_name, mutate, message) => {
    const { api } = newTestApiServer();
    const d = deployment() as unknown as Record<string, any>;
    mutate(d);
    const r = api.create(ADMIN, "deployments", "default", d as never);
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 422, message: INVALID(message) });
  });

  it("keeps a __proto__ label through a merge patch", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "deployments", "default", deployment()));
    const r = api.patch(ADMIN, "deployments", "default", "web", JSON.parse('{"metadata":{"labels":{"__proto__":"x"}}}'));
    expect(r.ok ? undefined : r.status.code).toBe(422);
  });
});

describe("timestamps", () => {
  const cases: [string, string, string | undefined][] = [
    ["2026-01-01T09:00:00Z", RFC3339, undefined],
    ["2026-01-01T09:00:00.5+02:00", RFC3339, undefined],
    ["2026-02-30T09:00:00Z", RFC3339, 'parsing time "2026-02-30T09:00:00Z": day out of range'],
    ["2026-13-01T09:00:00Z", RFC3339, 'parsing time "2026-13-01T09:00:00Z": month out of range'],
    ["2026-01-01", RFC3339, 'parsing time "2026-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    ["2026-01-01T09:00:00Z", RFC3339_MICRO, 'parsing time "2026-01-01T09:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"'],
    ["2026-01-01T09:00:00.000000Z", RFC3339_MICRO, undefined],
  ];
  it.each(cases)("%s as %s", (value, layout, err) => {
    expect(goTimeParseError(layout, value)).toBe(err);
  });
});
