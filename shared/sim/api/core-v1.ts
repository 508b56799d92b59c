// core/v1: Namespace, Node, Pod, Event, and the types they share.

import type { Condition, KubeObject, LabelSelector, ObjectMeta } from "./meta.ts";

export type ResourceList = Record<string, string>;

export interface ResourceRequirements {
  requests?: ResourceList;
  limits?: ResourceList;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  hostPort?: number;
  protocol?: "TCP" | "UDP" | "SCTP";
}

export interface Probe {
  httpGet?: { path?: string; port: number | string; scheme?: string };
  tcpSocket?: { port: number | string };
  exec?: { command: string[] };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export interface EnvVar {
  name: string;
  value?: string;
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}

export interface Container {
  name: string;
  image: string;
  imagePullPolicy?: "Always" | "IfNotPresent" | "Never";
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  env?: EnvVar[];
  resources?: ResourceRequirements;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: VolumeMount[];
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
}

/** One source of a projected volume (the ServiceAccount admission's token, CA bundle and namespace). */
export interface VolumeProjection {
  serviceAccountToken?: { audience?: string; expirationSeconds?: number; path: string };
  configMap?: { name: string; items?: { key: string; path: string }[]; optional?: boolean };
  downwardAPI?: { items?: { path: string; fieldRef?: { apiVersion?: string; fieldPath: string } }[] };
  secret?: { name: string; items?: { key: string; path: string }[]; optional?: boolean };
}

export interface Volume {
  name: string;
  emptyDir?: { medium?: string; sizeLimit?: string };
  configMap?: { name: string };
  projected?: { defaultMode?: number; sources: VolumeProjection[] };
  secret?: { secretName: string };
  persistentVolumeClaim?: { claimName: string };
  hostPath?: { path: string; type?: string };
}

export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: "Exists" | "Equal";
  value?: string;
  effect?: TaintEffect;
  tolerationSeconds?: number;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt";
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
  preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; preference: NodeSelectorTerm }[];
}

export interface Affinity {
  nodeAffinity?: NodeAffinity;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  tolerations?: Toleration[];
  schedulerName?: string;
  priority?: number;
  priorityClassName?: string;
  restartPolicy?: "Always" | "OnFailure" | "Never";
  terminationGracePeriodSeconds?: number;
  dnsPolicy?: string;
  serviceAccountName?: string;
  /** DeprecatedServiceAccount: v1 conversion mirrors serviceAccountName here. */
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  imagePullSecrets?: { name: string }[];
  securityContext?: Record<string, unknown>;
  enableServiceLinks?: boolean;
  preemptionPolicy?: string;
}

export interface ContainerStateWaiting {
  reason?: string;
  message?: string;
}
export interface ContainerStateRunning {
  startedAt?: string;
}
export interface ContainerStateTerminated {
  exitCode: number;
  signal?: number;
  reason?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  containerID?: string;
}
export interface ContainerState {
  waiting?: ContainerStateWaiting;
  running?: ContainerStateRunning;
  terminated?: ContainerStateTerminated;
}

export interface ContainerStatus {
  name: string;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  started?: boolean;
}

export type PodPhase = "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown";

export interface PodStatus {
  /** The metadata.generation the kubelet last acted on (PodObservedGenerationTracking, beta in v1.34). */
  observedGeneration?: number;
  phase?: PodPhase;
  conditions?: Condition[];
  message?: string;
  reason?: string;
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
  qosClass?: "Guaranteed" | "Burstable" | "BestEffort";
  nominatedNodeName?: string;
}

export interface Pod extends KubeObject {
  apiVersion: "v1";
  kind: "Pod";
  spec: PodSpec;
  status?: PodStatus;
}

export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec: PodSpec;
}

export interface NodeSpec {
  podCIDR?: string;
  podCIDRs?: string[];
  providerID?: string;
  unschedulable?: boolean;
  taints?: Taint[];
}

export interface NodeAddress {
  type: "InternalIP" | "ExternalIP" | "Hostname";
  address: string;
}

export interface NodeSystemInfo {
  machineID: string;
  systemUUID: string;
  bootID: string;
  kernelVersion: string;
  osImage: string;
  containerRuntimeVersion: string;
  kubeletVersion: string;
  kubeProxyVersion: string;
  operatingSystem: string;
  architecture: string;
}

export interface NodeStatus {
  capacity?: ResourceList;
  allocatable?: ResourceList;
  conditions?: Condition[];
  addresses?: NodeAddress[];
  daemonEndpoints?: { kubeletEndpoint: { Port: number } };
  nodeInfo?: NodeSystemInfo;
  images?: { names: string[]; sizeBytes: number }[];
}

export interface Node extends KubeObject {
  apiVersion: "v1";
  kind: "Node";
  spec: NodeSpec;
  status?: NodeStatus;
}

export interface Namespace extends KubeObject {
  apiVersion: "v1";
  kind: "Namespace";
  spec?: { finalizers?: string[] };
  status?: { phase?: "Active" | "Terminating"; conditions?: NamespaceCondition[] };
}

/** What the namespace deleter reports while it empties a Terminating namespace. */
export interface NamespaceCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface ObjectReference {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

export interface Event extends KubeObject {
  apiVersion: "v1";
  kind: "Event";
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  source: { component?: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  type: "Normal" | "Warning";
  eventTime?: string | null;
  reportingComponent: string;
  reportingInstance: string;
}

/** The pods/binding subresource body (POST pods/NAME/binding). */
export interface Binding extends KubeObject {
  apiVersion: "v1";
  kind: "Binding";
  target: { apiVersion?: string; kind: "Node"; name: string };
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** The pods/eviction subresource body (policy/v1). */
export interface Eviction extends KubeObject {
  apiVersion: "policy/v1";
  kind: "Eviction";
  deleteOptions?: DeleteOptions;
}

/** A namespaced identity for processes in pods. */
export interface ServiceAccount extends KubeObject {
  apiVersion: "v1";
  kind: "ServiceAccount";
  secrets?: ObjectReference[];
  imagePullSecrets?: { name: string }[];
  automountServiceAccountToken?: boolean;
}

export interface ScopedResourceSelectorRequirement {
  scopeName: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

/** Caps what a namespace may consume in total (hard), with the usage the quota controller tracks (used). */
export interface ResourceQuota extends KubeObject {
  apiVersion: "v1";
  kind: "ResourceQuota";
  spec?: { hard?: ResourceList; scopes?: string[]; scopeSelector?: { matchExpressions?: ScopedResourceSelectorRequirement[] } };
  status?: { hard?: ResourceList; used?: ResourceList };
}

export interface LimitRangeItem {
  type: "Container" | "Pod" | "PersistentVolumeClaim";
  max?: ResourceList;
  min?: ResourceList;
  default?: ResourceList;
  defaultRequest?: ResourceList;
  maxLimitRequestRatio?: ResourceList;
}

/** Per-container and per-pod defaults and bounds in a namespace. */
export interface LimitRange extends KubeObject {
  apiVersion: "v1";
  kind: "LimitRange";
  spec: { limits: LimitRangeItem[] };
}

export type { LabelSelector };
