import { describe, expect, it } from "vitest";
import type { Deployment } from "../api/apps-v1.ts";
import type { Node, Pod } from "../api/core-v1.ts";
import { SYSTEM_PRIORITY_CLASSES } from "./registry/system-priority-classes.ts";
import { ADMIN, defaultServiceAccount, container, deployment, must, namespace, newTestApiServer, pod } from "./test-fixture.ts";

const SUBDOMAIN_ERROR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("create", () => {
  it("fills the server-owned metadata", () => {
    const { api, clock } = newTestApiServer();
    clock.advanceTo(12_345);
    const created = must(api.create(ADMIN, "pods", "default", pod("web")));
    expect(created.metadata.uid).toMatch(UUID_V4);
    expect(created.metadata.creationTimestamp).toBe("2026-01-01T09:00:12Z");
    expect(created.metadata.generation).toBe(1);
    expect(created.metadata.namespace).toBe("default");
    expect(created.metadata.resourceVersion).toBe(String(api.revision));
    expect(created.apiVersion).toBe("v1");
    expect(created.kind).toBe("Pod");
    expect(must(api.get(ADMIN, "pods", "default", "web"))).toEqual(created);
  });

  it("ignores server-owned metadata sent by the client", () => {
    const { api } = newTestApiServer();
    const created = must(
      api.create(ADMIN, "pods", "default", pod("web", {}, { uid: "mine", resourceVersion: "99", generation: 7, creationTimestamp: "2000-01-01T00:00:00Z", deletionTimestamp: "2000-01-01T00:00:00Z" })),
    );
    expect(created.metadata.uid).not.toBe("mine");
    expect(created.metadata.generation).toBe(1);
    expect(created.metadata.creationTimestamp).toBe("2026-01-01T09:00:00Z");
    expect(created.metadata.deletionTimestamp).toBeUndefined();
    expect(created.metadata.resourceVersion).toBe(String(api.revision));
  });

  it("takes the namespace from the request, then the object, then default", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "namespaces", undefined, namespace("team")));
    must(api.create(ADMIN, "serviceaccounts", "team", defaultServiceAccount("team")));
    expect(must(api.create(ADMIN, "pods", "team", pod("a"))).metadata.namespace).toBe("team");
    expect(must(api.create(ADMIN, "pods", undefined, pod("b", {}, { namespace: "team" }))).metadata.namespace).toBe("team");
    expect(must(api.create(ADMIN, "pods", undefined, pod("c"))).metadata.namespace).toBe("default");
    const r = api.create(ADMIN, "pods", "default", pod("d", {}, { namespace: "team" }));
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 400, reason: "BadRequest", message: "the namespace of the provided object does not match the namespace sent on the request" });
  });

  it("drops a namespace from cluster-scoped objects", () => {
    const { api } = newTestApiServer();
    const ns = must(api.create(ADMIN, "namespaces", "default", { ...namespace("x"), metadata: { name: "x", namespace: "default" } }));
    expect(ns.metadata.namespace).toBeUndefined();
  });

  it("refuses a body of another kind", () => {
    const { api } = newTestApiServer();
    const r = api.create(ADMIN, "pods", "default", deployment());
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 400, reason: "BadRequest", message: "the API version in the data (apps/v1) does not match the expected API version (v1)" });
  });

  it("answers AlreadyExists with the resource's qualified name", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web")));
    const r = api.create(ADMIN, "pods", "default", pod("web"));
    expect(r.ok ? undefined : r.status).toEqual({
      apiVersion: "v1",
      kind: "Status",
      status: "Failure",
      code: 409,
      reason: "AlreadyExists",
      message: 'pods "web" already exists',
      details: { name: "web", group: "", kind: "pods" },
    });
    must(api.create(ADMIN, "deployments", "default", deployment()));
    const d = api.create(ADMIN, "deployments", "default", deployment());
    expect(d.ok ? undefined : d.status.message).toBe('deployments.apps "web" already exists');
  });

  it("says so when the name is held by an object being deleted", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("web", {}, { finalizers: ["example.com/hold"] })));
    must(api.delete(ADMIN, "pods", "default", "web"));
    const r = api.create(ADMIN, "pods", "default", pod("web"));
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 409, reason: "AlreadyExists", message: 'object is being deleted: pods "web" already exists' });
  });

  it("refuses writes without etcd quorum", () => {
    const { api, etcd } = newTestApiServer();
    etcd.members[0]!.healthy = false;
    const r = api.create(ADMIN, "pods", "default", pod("web"));
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 503, reason: "ServiceUnavailable", message: "etcdserver: request timed out" });
  });
});

describe("generateName", () => {
  it("appends 5 characters of the name alphabet", () => {
    const { api } = newTestApiServer();
    const created = must(api.create(ADMIN, "pods", "default", { ...pod(""), metadata: { generateName: "web-7b9f6c5d48-" } }));
    expect(created.metadata.name).toMatch(/^web-7b9f6c5d48-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(created.metadata.generateName).toBe("web-7b9f6c5d48-");
  });

  it("cuts the base to 58 characters", () => {
    const { api } = newTestApiServer();
    const base = "a".repeat(70);
    const created = must(api.create(ADMIN, "pods", "default", { ...pod(""), metadata: { generateName: base } }));
    expect(created.metadata.name).toHaveLength(63);
    expect(created.metadata.name!.startsWith("a".repeat(58))).toBe(true);
  });

  it("keeps an explicit name", () => {
    const { api } = newTestApiServer();
    expect(must(api.create(ADMIN, "pods", "default", pod("web", {}, { generateName: "x-" }))).metadata.name).toBe("web");
  });

  it("draws the same names for the same seed", () => {
    const names = (seed: number) => {
      const { api } = newTestApiServer(seed);
      return [1, 2, 3].map(() => must(api.create(ADMIN, "pods", "default", { ...pod(""), metadata: { generateName: "web-" } })).metadata.name);
    };
    expect(names(5)).toEqual(names(5));
    expect(names(5)).not.toEqual(names(6));
  });

  it("requires a name or generateName", () => {
    const { api } = newTestApiServer();
    const r = api.create(ADMIN, "pods", "default", { ...pod(""), metadata: {} });
    expect(r.ok ? undefined : r.status.message).toBe('Pod "" is invalid: metadata.name: Required value: name or generateName is required');
  });
});

describe("validation errors", () => {
  it("gives a bad pod name the DNS-1123 subdomain message with its field path", () => {
    const { api } = newTestApiServer();
    const r = api.create(ADMIN, "pods", "default", pod("Web_1"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status.code).toBe(422);
    expect(r.status.reason).toBe("Invalid");
    expect(r.status.message).toBe(`Pod "Web_1" is invalid: metadata.name: Invalid value: "Web_1": ${SUBDOMAIN_ERROR}`);
    expect(r.status.details).toEqual({
      name: "Web_1",
      group: "",
      kind: "Pod",
      causes: [{ reason: "FieldValueInvalid", message: `Invalid value: "Web_1": ${SUBDOMAIN_ERROR}`, field: "metadata.name" }],
    });
  });

  it("refuses negative replicas", () => {
    const { api } = newTestApiServer();
    const d = deployment();
    d.spec.replicas = -1;
    const r = api.create(ADMIN, "deployments", "default", d);
    expect(r.ok ? undefined : r.status.message).toBe('Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(r.ok ? undefined : r.status.details?.kind).toBe("Deployment");
    expect(r.ok ? undefined : r.status.details?.group).toBe("apps");
  });

  it("refuses a selector that does not select the template, printing the labels as Go does", () => {
    const { api } = newTestApiServer();
    const d = deployment();
    d.spec.template.metadata!.labels = { tier: "front", app: "other" };
    const r = api.create(ADMIN, "deployments", "default", d);
    expect(r.ok ? undefined : r.status.message).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other", "tier":"front"}: `selector` does not match template `labels`',
    );
    delete d.spec.template.metadata!.labels;
    const nil = api.create(ADMIN, "deployments", "default", d);
    expect(nil.ok ? undefined : nil.status.message).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
    );
  });

  it("lists several causes in brackets, in validation order", () => {
    const { api } = newTestApiServer();
    const d = deployment("Web");
    d.spec.replicas = -2;
    const r = api.create(ADMIN, "deployments", "default", d);
    expect(r.ok ? undefined : r.status.message).toBe(`Deployment.apps "Web" is invalid: [metadata.name: Invalid value: "Web": ${SUBDOMAIN_ERROR}, spec.replicas: Invalid value: -2: must be greater than or equal to 0]`);
    expect(r.ok ? undefined : r.status.details?.causes?.map((c) => c.field)).toEqual(["metadata.name", "spec.replicas"]);
  });

  it("requires containers, names and images", () => {
    const { api } = newTestApiServer();
    const none = api.create(ADMIN, "pods", "default", pod("a", { containers: [] }));
    expect(none.ok ? undefined : none.status.message).toBe('Pod "a" is invalid: spec.containers: Required value');
    const bad = api.create(ADMIN, "pods", "default", pod("b", { containers: [container("web", ""), container("web")] }));
    expect(bad.ok ? undefined : bad.status.message).toBe('Pod "b" is invalid: [spec.containers[0].image: Required value, spec.containers[1].name: Duplicate value: "web"]');
  });

  it("refuses an unsupported restart policy with the supported values quoted", () => {
    const { api } = newTestApiServer();
    const r = api.create(ADMIN, "pods", "default", pod("a", { restartPolicy: "Sometimes" as Pod["spec"]["restartPolicy"] }));
    expect(r.ok ? undefined : r.status.message).toBe('Pod "a" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"');
    expect(r.ok ? undefined : r.status.details?.causes?.[0]?.reason).toBe("FieldValueNotSupported");
  });

  it("checks label keys and values", () => {
    const { api } = newTestApiServer();
    const r = api.create(ADMIN, "pods", "default", pod("a", {}, { labels: { "app$": "web" } }));
    expect(r.ok ? undefined : r.status.message).toBe(
      `Pod "a" is invalid: metadata.labels: Invalid value: "app$": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  });

  it("validates namespaces as DNS-1123 labels", () => {
    const { api } = newTestApiServer();
    const r = api.create(ADMIN, "namespaces", undefined, namespace("a.b"));
    expect(r.ok ? undefined : r.status.message).toBe('Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots');
  });
});

describe("defaulting", () => {
  it("defaults a Deployment as a real cluster returns `kubectl create deployment web --image=nginx:1.27`", () => {
    const { api } = newTestApiServer();
    const d = must(api.create(ADMIN, "deployments", "default", deployment()));
    expect(d.spec).toEqual<Deployment["spec"]>({
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: "web" } },
      strategy: { rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" }, type: "RollingUpdate" },
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [
            {
              image: "nginx:1.27",
              imagePullPolicy: "IfNotPresent",
              name: "nginx",
              resources: {},
              terminationMessagePath: "/dev/termination-log",
              terminationMessagePolicy: "File",
            },
          ],
          dnsPolicy: "ClusterFirst",
          restartPolicy: "Always",
          schedulerName: "default-scheduler",
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
    expect(d.status).toEqual({});
    expect(d.metadata.generation).toBe(1);
  });

  it("defaults no rolling update for a Recreate Deployment", () => {
    const { api } = newTestApiServer();
    const body = deployment();
    body.spec.strategy = { type: "Recreate" };
    expect(must(api.create(ADMIN, "deployments", "default", body)).spec.strategy).toEqual({ type: "Recreate" });
  });

  it("defaults a Pod, with what admission adds", () => {
    const { api } = newTestApiServer();
    const p = must(api.create(ADMIN, "pods", "default", pod("web")));
    const volume = p.spec.volumes?.[0]?.name ?? "";
    expect(volume).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.spec).toEqual<Pod["spec"]>({
      containers: [
        {
          name: "web",
          image: "nginx:1.27",
          imagePullPolicy: "IfNotPresent",
          resources: {},
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
          volumeMounts: [{ name: volume, readOnly: true, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" }],
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      serviceAccount: "default",
      serviceAccountName: "default",
      terminationGracePeriodSeconds: 30,
      volumes: [
        {
          name: volume,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
              { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
              { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
            ],
          },
        },
      ],
      tolerations: [
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
        { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      ],
    });
    expect(p.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
  });

  it("pulls :latest and untagged images Always, tagged and digested ones IfNotPresent", () => {
    const { api } = newTestApiServer();
    const images = ["nginx", "nginx:latest", "nginx:1.27", "registry.local:5000/team/app", "registry.local:5000/team/app:v2", "nginx@sha256:abc"];
    const p = must(api.create(ADMIN, "pods", "default", pod("web", { containers: images.map((image, i) => container(`c${i}`, image)) })));
    expect(p.spec.containers.map((c) => c.imagePullPolicy)).toEqual(["Always", "Always", "IfNotPresent", "Always", "IfNotPresent", "IfNotPresent"]);
  });

  it("defaults requests from limits, ports to TCP and probes to their timings", () => {
    const { api } = newTestApiServer();
    const c = container("web", "nginx:1.27", {
      resources: { limits: { cpu: "500m", memory: "128Mi" } },
      ports: [{ containerPort: 80 }],
      readinessProbe: { httpGet: { path: "/", port: 80 } },
    });
    const p = must(api.create(ADMIN, "pods", "default", pod("web", { containers: [c] })));
    const got = p.spec.containers[0]!;
    expect(got.resources).toEqual({ limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "500m", memory: "128Mi" } });
    expect(got.ports).toEqual([{ containerPort: 80, protocol: "TCP" }]);
    expect(got.readinessProbe).toEqual({ httpGet: { path: "/", port: 80, scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(p.status?.qosClass).toBe("Guaranteed");
  });

  it("labels every namespace with its name and makes it Active", () => {
    const { api } = newTestApiServer();
    const ns = must(api.create(ADMIN, "namespaces", undefined, namespace("team")));
    expect(ns.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "team" });
    expect(ns.spec).toEqual({ finalizers: ["kubernetes"] });
    expect(ns.status).toEqual({ phase: "Active" });
  });

  it("keeps generation off kinds that do not track it", () => {
    const { api } = newTestApiServer();
    expect(must(api.get(ADMIN, "namespaces", undefined, "default")).metadata.generation).toBeUndefined();
    const body: Node = { apiVersion: "v1", kind: "Node", metadata: { name: "node-1" }, spec: {} };
    const node = must(api.create(ADMIN, "nodes", undefined, body));
    expect(node.metadata.generation).toBeUndefined();
    const tainted = must(api.patch(ADMIN, "nodes", undefined, "node-1", { spec: { unschedulable: true } }));
    expect(tainted.metadata.generation).toBeUndefined();
  });
});

describe("admission", () => {
  it("adds the not-ready and unreachable tolerations for 300 s", () => {
    const { api } = newTestApiServer();
    const p = must(api.create(ADMIN, "pods", "default", pod("web")));
    expect(p.spec.tolerations).toEqual([
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ]);
  });

  it("keeps a pod's own toleration for either taint", () => {
    const { api } = newTestApiServer();
    const own = { key: "node.kubernetes.io/unreachable", operator: "Exists" as const, effect: "NoExecute" as const, tolerationSeconds: 6000 };
    const p = must(api.create(ADMIN, "pods", "default", pod("web", { tolerations: [own] })));
    expect(p.spec.tolerations).toEqual([own, { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }]);
  });

  it("adds nothing for a pod that tolerates every NoExecute taint", () => {
    const { api } = newTestApiServer();
    const all = { operator: "Exists" as const };
    expect(must(api.create(ADMIN, "pods", "default", pod("a", { tolerations: [all] }))).spec.tolerations).toEqual([all]);
    const allNoExecute = { operator: "Exists" as const, effect: "NoExecute" as const };
    expect(must(api.create(ADMIN, "pods", "default", pod("b", { tolerations: [allNoExecute] }))).spec.tolerations).toEqual([allNoExecute]);
  });

  it("still adds both for a wildcard toleration of another effect", () => {
    const { api } = newTestApiServer();
    const noSchedule = { operator: "Exists" as const, effect: "NoSchedule" as const };
    expect(must(api.create(ADMIN, "pods", "default", pod("a", { tolerations: [noSchedule] }))).spec.tolerations).toHaveLength(3);
  });

  it("answers NotFound for a namespace that does not exist, before validating", () => {
    const { api } = newTestApiServer();
    const r = api.create(ADMIN, "pods", "x", pod("Bad_Name"));
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 404, reason: "NotFound", message: 'namespaces "x" not found', details: { name: "x", kind: "namespaces" } });
  });

  it("refuses new objects in a terminating namespace, naming the generateName when there is no name yet", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "namespaces", undefined, namespace("old")));
    const terminating = structuredClone(must(api.get(ADMIN, "namespaces", undefined, "old")));
    terminating.status = { phase: "Terminating" };
    must(api.update(ADMIN, "namespaces", undefined, terminating, "status"));
    const r = api.create(ADMIN, "pods", "old", pod("web"));
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 403, reason: "Forbidden", message: 'pods "web" is forbidden: unable to create new content in namespace old because it is being terminated' });
    const g = api.create(ADMIN, "pods", "old", { ...pod(""), metadata: { generateName: "web-7b9f6c5d48-" } });
    expect(g.ok ? undefined : g.status.message).toBe('pods "web-7b9f6c5d48-" is forbidden: unable to create new content in namespace old because it is being terminated');
    const d = api.create(ADMIN, "deployments", "old", deployment());
    expect(d.ok ? undefined : d.status.message).toBe('deployments.apps "web" is forbidden: unable to create new content in namespace old because it is being terminated');
  });

  it("protects the system namespaces from deletion", () => {
    const { api } = newTestApiServer();
    const r = api.delete(ADMIN, "namespaces", undefined, "default");
    expect(r.ok ? undefined : r.status).toMatchObject({ code: 403, reason: "Forbidden", message: 'namespaces "default" is forbidden: this namespace may not be deleted' });
  });

  it("gives pods of the system priority classes their priority", () => {
    const { api } = newTestApiServer();
    for (const pc of SYSTEM_PRIORITY_CLASSES) must(api.create(ADMIN, "priorityclasses", undefined, pc));
    const p = must(api.create(ADMIN, "pods", "default", pod("proxy", { priorityClassName: "system-node-critical" })));
    expect(p.spec.priority).toBe(2_000_001_000);
    expect(must(api.create(ADMIN, "pods", "default", pod("dns", { priorityClassName: "system-cluster-critical" }))).spec.priority).toBe(2_000_000_000);
  });

  it("refuses unknown priority classes and hand-set priorities", () => {
    const { api } = newTestApiServer();
    const unknown = api.create(ADMIN, "pods", "default", pod("a", { priorityClassName: "gold" }));
    expect(unknown.ok ? undefined : unknown.status).toMatchObject({ code: 403, message: 'pods "a" is forbidden: no PriorityClass with name gold was found' });
    const set = api.create(ADMIN, "pods", "default", pod("b", { priority: 1000 }));
    expect(set.ok ? undefined : set.status.message).toBe(
      'pods "b" is forbidden: the integer value of priority (1000) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    );
    expect(must(api.create(ADMIN, "pods", "default", pod("c", { priority: 0 }))).spec.priority).toBe(0);
  });
});

describe("generateName validation", () => {
  it("checks the prefix, a trailing dash allowed, and the generated name too", () => {
    const { api } = newTestApiServer();
    expect(api.create(ADMIN, "pods", "default", { ...pod(""), metadata: { generateName: "web-" } }).ok).toBe(true);
    const r = api.create(ADMIN, "pods", "default", { ...pod(""), metadata: { generateName: "Web-" } });
    expect(r.ok ? undefined : r.status.details?.causes?.map((c) => c.field)).toEqual(["metadata.generateName", "metadata.name"]);
    expect(r.ok ? undefined : r.status.message).toMatch(/^Pod "Web-[bcdfghjklmnpqrstvwxz2456789]{5}" is invalid: \[metadata\.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/);
  });
});

describe("pod template defaulting", () => {
  it("does not default requests from limits in a Deployment's template, only in pods", () => {
    const { api } = newTestApiServer();
    const body = deployment();
    body.spec.template.spec.containers[0]!.resources = { limits: { cpu: "1" } };
    const d = must(api.create(ADMIN, "deployments", "default", body));
    expect(d.spec.template.spec.containers[0]!.resources).toEqual({ limits: { cpu: "1" } });
    const p = must(api.create(ADMIN, "pods", "default", pod("web", { containers: [container("web", "nginx:1.27", { resources: { limits: { cpu: "1" } } })] })));
    expect(p.spec.containers[0]!.resources).toEqual({ limits: { cpu: "1" }, requests: { cpu: "1" } });
  });
});
