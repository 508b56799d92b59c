// The RBAC policy kube-apiserver creates at start (plugin/pkg/auth/authorizer/
// rbac/bootstrappolicy: policy.go, controller_policy.go), as data: the user-facing
// roles (cluster-admin, admin, edit, view and the aggregate-to-* roles they are
// built from), the roles of the control plane's components and one role per
// controller, and the bindings that grant them. Resources the simulation does not
// serve yet stay in the rules, as they do in a real cluster's objects.

import type { ClusterRole, ClusterRoleBinding, PolicyRule, Subject } from "../../../api/rbac-v1.ts";
import { RBAC_GROUP } from "../../../api/rbac-v1.ts";
import {
  ALL_AUTHENTICATED,
  ALL_SERVICE_ACCOUNTS_GROUP,
  ALL_UNAUTHENTICATED,
  KUBE_CONTROLLER_MANAGER,
  KUBE_SCHEDULER,
  SYSTEM_PRIVILEGED_GROUP,
} from "../../authentication/user.ts";

const WRITE = ["create", "update", "patch", "delete", "deletecollection"];
const READ_WRITE = ["get", "list", "watch", ...WRITE];
const READ = ["get", "list", "watch"];
const READ_UPDATE = ["get", "list", "watch", "update", "patch"];

const LEGACY = "";
const APPS = "apps";
const AUTHENTICATION = "authentication.k8s.io";
const AUTHORIZATION = "authorization.k8s.io";
const AUTOSCALING = "autoscaling";
const BATCH = "batch";
const CERTIFICATES = "certificates.k8s.io";
const COORDINATION = "coordination.k8s.io";
const DISCOVERY = "discovery.k8s.io";
const EVENTS = "events.k8s.io";
const EXTENSIONS = "extensions";
const NETWORKING = "networking.k8s.io";
const POLICY = "policy";
const STORAGE = "storage.k8s.io";

/** Every bootstrap object carries these, so reconciliation can find and update it. */
export const BOOTSTRAP_LABELS = { "kubernetes.io/bootstrapping": "rbac-defaults" } as const;
export const AUTOUPDATE_ANNOTATIONS = { "rbac.authorization.kubernetes.io/autoupdate": "true" } as const;

/** The ServiceAccount-backed controllers' roles are prefixed with this. */
export const CONTROLLER_ROLE_PREFIX = "system:controller:";

const rule = (verbs: readonly string[], groups: readonly string[], resources: readonly string[], names?: readonly string[]): PolicyRule => ({
  verbs: [...verbs],
  apiGroups: [...groups],
  resources: [...resources],
  ...(names ? { resourceNames: [...names] } : {}),
});
const urls = (verbs: readonly string[], ...nonResourceURLs: string[]): PolicyRule => ({ verbs: [...verbs], nonResourceURLs });

/** eventsRule: components may post events in both event APIs. */
const eventsRule = (): PolicyRule => rule(["create", "update", "patch"], [LEGACY, EVENTS], ["events"]);

/** NodeRules: what the Node authorizer lets a kubelet do (NodeRestriction narrows it to its own node). */
export const NODE_RULES: readonly PolicyRule[] = [
  rule(["create"], [AUTHENTICATION], ["tokenreviews"]),
  rule(["create"], [AUTHORIZATION], ["subjectaccessreviews", "localsubjectaccessreviews"]),
  rule(READ, [LEGACY], ["services"]),
  rule(["create", "get", "list", "watch"], [LEGACY], ["nodes"]),
  rule(["update", "patch"], [LEGACY], ["nodes/status"]),
  rule(["update", "patch"], [LEGACY], ["nodes"]),
  rule(["create", "update", "patch"], [LEGACY], ["events"]),
  rule(READ, [LEGACY], ["pods"]),
  rule(["create", "delete"], [LEGACY], ["pods"]),
  rule(["update", "patch"], [LEGACY], ["pods/status"]),
  rule(["create"], [LEGACY], ["pods/eviction"]),
  rule(READ, [LEGACY], ["secrets", "configmaps"]),
  rule(["get"], [LEGACY], ["persistentvolumeclaims", "persistentvolumes"]),
  rule(["get"], [LEGACY], ["endpoints"]),
  rule(["create", "get", "list", "watch"], [CERTIFICATES], ["certificatesigningrequests"]),
  rule(["get", "create", "update", "patch", "delete"], [COORDINATION], ["leases"]),
  rule(["get"], [STORAGE], ["volumeattachments"]),
  rule(["get", "update", "patch"], [LEGACY], ["persistentvolumeclaims/status"]),
  rule(["create"], [LEGACY], ["serviceaccounts/token"]),
  rule(READ, [STORAGE], ["csidrivers"]),
  rule(["get", "create", "update", "patch", "delete"], [STORAGE], ["csinodes"]),
  rule(READ, ["node.k8s.io"], ["runtimeclasses"]),
];

const AGGREGATE_TO_ADMIN: readonly PolicyRule[] = [
  rule(["create"], [AUTHORIZATION], ["localsubjectaccessreviews"]),
  rule(READ_WRITE, [RBAC_GROUP], ["roles", "rolebindings"]),
];

const AGGREGATE_TO_EDIT: readonly PolicyRule[] = [
  rule(READ, [LEGACY], ["pods/attach", "pods/proxy", "pods/exec", "pods/portforward", "secrets", "services/proxy"]),
  rule(["impersonate"], [LEGACY], ["serviceaccounts"]),
  rule(WRITE, [LEGACY], ["pods", "pods/attach", "pods/proxy", "pods/exec", "pods/portforward"]),
  rule(["create"], [LEGACY], ["pods/eviction"]),
  rule(WRITE, [LEGACY], ["replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/proxy", "persistentvolumeclaims", "configmaps", "secrets"]),
  rule(["create"], [LEGACY], ["serviceaccounts/token"]),
  rule(WRITE, [APPS], ["statefulsets", "statefulsets/scale", "daemonsets", "deployments", "deployments/scale", "deployments/rollback", "replicasets", "replicasets/scale"]),
  rule(WRITE, [AUTOSCALING], ["horizontalpodautoscalers"]),
  rule(WRITE, [BATCH], ["jobs", "cronjobs"]),
  rule(WRITE, [EXTENSIONS], ["daemonsets", "deployments", "deployments/scale", "deployments/rollback", "ingresses", "replicasets", "replicasets/scale", "replicationcontrollers/scale", "networkpolicies"]),
  rule(WRITE, [POLICY], ["poddisruptionbudgets"]),
  rule(WRITE, [NETWORKING], ["networkpolicies", "ingresses"]),
];

const AGGREGATE_TO_VIEW: readonly PolicyRule[] = [
  rule(READ, [LEGACY], ["pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "configmaps"]),
  rule(READ, [LEGACY], ["limitranges", "resourcequotas", "bindings", "events", "pods/status", "resourcequotas/status", "namespaces/status", "replicationcontrollers/status", "pods/log"]),
  rule(READ, [LEGACY], ["namespaces"]),
  rule(READ, [DISCOVERY], ["endpointslices"]),
  rule(READ, [APPS], ["controllerrevisions", "statefulsets", "statefulsets/status", "statefulsets/scale", "daemonsets", "daemonsets/status", "deployments", "deployments/status", "deployments/scale", "replicasets", "replicasets/status", "replicasets/scale"]),
  rule(READ, [AUTOSCALING], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"]),
  rule(READ, [BATCH], ["jobs", "cronjobs", "cronjobs/status", "jobs/status"]),
  rule(READ, [EXTENSIONS], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "ingresses", "ingresses/status", "replicasets", "replicasets/scale", "replicasets/status", "replicationcontrollers/scale", "networkpolicies"]),
  rule(READ, [POLICY], ["poddisruptionbudgets", "poddisruptionbudgets/status"]),
  rule(READ, [NETWORKING], ["networkpolicies", "ingresses", "ingresses/status"]),
];

const KUBE_SCHEDULER_RULES: readonly PolicyRule[] = [
  eventsRule(),
  rule(["create"], [COORDINATION], ["leases"]),
  rule(["get", "update"], [COORDINATION], ["leases"], ["kube-scheduler"]),
  rule(READ, [LEGACY], ["nodes"]),
  rule(["get", "list", "watch", "delete"], [LEGACY], ["pods"]),
  rule(["create"], [LEGACY], ["pods/binding", "bindings"]),
  rule(["patch", "update"], [LEGACY], ["pods/status"]),
  rule(READ, [LEGACY], ["services", "replicationcontrollers"]),
  rule(READ, [APPS, EXTENSIONS], ["replicasets"]),
  rule(READ, [APPS], ["statefulsets"]),
  rule(READ, [POLICY], ["poddisruptionbudgets"]),
  rule(READ_UPDATE, [LEGACY], ["persistentvolumeclaims", "persistentvolumes"]),
  rule(["create"], [AUTHENTICATION], ["tokenreviews"]),
  rule(["create"], [AUTHORIZATION], ["subjectaccessreviews"]),
  rule(READ, [STORAGE], ["csinodes"]),
  rule(READ, [LEGACY], ["namespaces"]),
  rule(READ, [STORAGE], ["csidrivers"]),
  rule(READ, [STORAGE], ["csistoragecapacities"]),
];

const KUBE_CONTROLLER_MANAGER_RULES: readonly PolicyRule[] = [
  eventsRule(),
  rule(["create"], [COORDINATION], ["leases"]),
  rule(["get", "update"], [COORDINATION], ["leases"], ["kube-controller-manager"]),
  rule(["create"], [LEGACY], ["secrets", "serviceaccounts"]),
  rule(["delete"], [LEGACY], ["secrets"]),
  rule(["get"], [LEGACY], ["namespaces", "secrets", "serviceaccounts", "configmaps"]),
  rule(["update"], [LEGACY], ["secrets", "serviceaccounts"]),
  rule(["create"], [AUTHENTICATION], ["tokenreviews"]),
  rule(["create"], [AUTHORIZATION], ["subjectaccessreviews"]),
  // Needed for all shared informers.
  rule(["list", "watch"], ["*"], ["*"]),
  rule(["create"], [LEGACY], ["serviceaccounts/token"]),
];

/** controller_policy.go: each controller's own role, bound to its ServiceAccount in kube-system. */
export const CONTROLLER_ROLES: Readonly<Record<string, readonly PolicyRule[]>> = {
  "clusterrole-aggregation-controller": [rule(["escalate", "get", "list", "watch", "update", "patch"], [RBAC_GROUP], ["clusterroles"])],
  "deployment-controller": [
    rule(["get", "list", "watch", "update"], [EXTENSIONS, APPS], ["deployments"]),
    rule(["update"], [EXTENSIONS, APPS], ["deployments/status"]),
    rule(["update"], [EXTENSIONS, APPS], ["deployments/finalizers"]),
    rule(["get", "list", "watch", "create", "update", "patch", "delete"], [APPS, EXTENSIONS], ["replicasets"]),
    rule(["get", "list", "watch", "update"], [LEGACY], ["pods"]),
    eventsRule(),
  ],
  "generic-garbage-collector": [rule(["get", "list", "watch", "patch", "update", "delete"], ["*"], ["*"]), eventsRule()],
  "namespace-controller": [
    rule(["get", "list", "watch", "delete"], [LEGACY], ["namespaces"]),
    rule(["update"], [LEGACY], ["namespaces/finalize", "namespaces/status"]),
    rule(["get", "list", "delete", "deletecollection"], ["*"], ["*"]),
  ],
  "node-controller": [
    rule(["get", "list", "update", "delete", "patch"], [LEGACY], ["nodes"]),
    rule(["patch", "update"], [LEGACY], ["nodes/status"]),
    rule(["patch", "update"], [LEGACY], ["pods/status"]),
    rule(["list", "delete"], [LEGACY], ["pods"]),
    eventsRule(),
  ],
  "replicaset-controller": [
    rule(["get", "list", "watch", "update"], [APPS, EXTENSIONS], ["replicasets"]),
    rule(["update"], [APPS, EXTENSIONS], ["replicasets/status"]),
    rule(["update"], [APPS, EXTENSIONS], ["replicasets/finalizers"]),
    rule(["list", "watch", "patch", "create", "delete"], [LEGACY], ["pods"]),
    eventsRule(),
  ],
  "resourcequota-controller": [rule(["list", "watch"], ["*"], ["*"]), rule(["update"], [LEGACY], ["resourcequotas/status"]), eventsRule()],
  "service-account-controller": [rule(["create"], [LEGACY], ["serviceaccounts"]), eventsRule()],
  "taint-eviction-controller": [rule(["patch", "update"], [LEGACY], ["pods/status"]), rule(["list", "watch", "delete", "get"], [LEGACY], ["pods"]), eventsRule()],
};

function clusterRole(name: string, rules: readonly PolicyRule[], extra: Partial<ClusterRole> = {}, labels: Record<string, string> = {}): ClusterRole {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: { name, labels: { ...BOOTSTRAP_LABELS, ...labels }, annotations: { ...AUTOUPDATE_ANNOTATIONS } },
    rules: rules.map((r) => structuredRule(r)),
    ...extra,
  };
}

function structuredRule(r: PolicyRule): PolicyRule {
  return JSON.parse(JSON.stringify(r)) as PolicyRule;
}

/** An aggregated role as the aggregation controller leaves it: the union of the rules of the roles it selects. */
function aggregated(name: string, selects: string, rules: readonly PolicyRule[], labels: Record<string, string> = {}): ClusterRole {
  return clusterRole(name, rules, { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/${selects}`]: "true" } }] } }, labels);
}

const group = (name: string): Subject => ({ kind: "Group", apiGroup: RBAC_GROUP, name });
const user = (name: string): Subject => ({ kind: "User", apiGroup: RBAC_GROUP, name });
const serviceAccount = (namespace: string, name: string): Subject => ({ kind: "ServiceAccount", name, namespace });

function binding(name: string, subjects: readonly Subject[], roleName = name): ClusterRoleBinding {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name, labels: { ...BOOTSTRAP_LABELS }, annotations: { ...AUTOUPDATE_ANNOTATIONS } },
    roleRef: { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: roleName },
    ...(subjects.length > 0 ? { subjects: [...subjects] } : {}),
  };
}

/** The ClusterRoles, in the order kube-apiserver creates them. */
export function bootstrapClusterRoles(): ClusterRole[] {
  const view = AGGREGATE_TO_VIEW;
  const edit = [...AGGREGATE_TO_EDIT, ...view];
  const admin = [...AGGREGATE_TO_ADMIN, ...edit];
  return [
    clusterRole("cluster-admin", [rule(["*"], ["*"], ["*"]), urls(["*"], "*")]),
    clusterRole("system:discovery", [urls(["get"], "/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/")]),
    clusterRole("system:monitoring", [urls(["get"], "/healthz", "/healthz/*", "/livez", "/livez/*", "/metrics", "/metrics/slis", "/readyz", "/readyz/*")]),
    clusterRole("system:basic-user", [rule(["create"], [AUTHENTICATION], ["selfsubjectreviews"]), rule(["create"], [AUTHORIZATION], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"])]),
    clusterRole("system:public-info-viewer", [urls(["get"], "/healthz", "/livez", "/readyz", "/version", "/version/")]),
    aggregated("admin", "aggregate-to-admin", admin),
    aggregated("edit", "aggregate-to-edit", edit, { "rbac.authorization.k8s.io/aggregate-to-admin": "true" }),
    aggregated("view", "aggregate-to-view", view, { "rbac.authorization.k8s.io/aggregate-to-edit": "true" }),
    clusterRole("system:aggregate-to-admin", AGGREGATE_TO_ADMIN, {}, { "rbac.authorization.k8s.io/aggregate-to-admin": "true" }),
    clusterRole("system:aggregate-to-edit", AGGREGATE_TO_EDIT, {}, { "rbac.authorization.k8s.io/aggregate-to-edit": "true" }),
    clusterRole("system:aggregate-to-view", AGGREGATE_TO_VIEW, {}, { "rbac.authorization.k8s.io/aggregate-to-view": "true" }),
    clusterRole("system:node", NODE_RULES),
    clusterRole("system:node-proxier", [
      rule(["list", "watch"], [LEGACY], ["services", "endpoints"]),
      rule(READ, [LEGACY], ["nodes"]),
      eventsRule(),
      rule(["list", "watch"], [DISCOVERY], ["endpointslices"]),
    ]),
    clusterRole("system:kube-controller-manager", KUBE_CONTROLLER_MANAGER_RULES),
    clusterRole("system:kube-scheduler", KUBE_SCHEDULER_RULES),
    clusterRole("system:service-account-issuer-discovery", [urls(["get"], "/.well-known/openid-configuration", "/.well-known/openid-configuration/", "/openid/v1/jwks", "/openid/v1/jwks/")]),
    ...Object.keys(CONTROLLER_ROLES)
      .sort()
      .map((name) => clusterRole(`${CONTROLLER_ROLE_PREFIX}${name}`, CONTROLLER_ROLES[name]!)),
  ];
}

/** The ClusterRoleBindings, in the order kube-apiserver creates them. */
export function bootstrapClusterRoleBindings(): ClusterRoleBinding[] {
  return [
    binding("cluster-admin", [group(SYSTEM_PRIVILEGED_GROUP)]),
    binding("system:monitoring", [group("system:monitoring")]),
    binding("system:discovery", [group(ALL_AUTHENTICATED)]),
    binding("system:basic-user", [group(ALL_AUTHENTICATED)]),
    binding("system:public-info-viewer", [group(ALL_AUTHENTICATED), group(ALL_UNAUTHENTICATED)]),
    binding("system:node-proxier", [user("system:kube-proxy")]),
    binding("system:kube-controller-manager", [user(KUBE_CONTROLLER_MANAGER)]),
    binding("system:kube-scheduler", [user(KUBE_SCHEDULER)]),
    // Kept with no subjects since the Node authorizer took over (v1.8).
    binding("system:node", []),
    binding("system:service-account-issuer-discovery", [group(ALL_SERVICE_ACCOUNTS_GROUP)]),
    ...Object.keys(CONTROLLER_ROLES)
      .sort()
      .map((name) => binding(`${CONTROLLER_ROLE_PREFIX}${name}`, [serviceAccount("kube-system", name)])),
  ];
}
