// ServiceAccount admission (plugin/pkg/admission/serviceaccount): a pod without
// serviceAccountName runs as "default"; the account it names must exist; unless
// the pod or the account opts out (automountServiceAccountToken: false), the pod
// gets the projected kube-api-access-xxxxx volume (a bound token, the cluster CA
// and its namespace) mounted read-only in every container at
// /var/run/secrets/kubernetes.io/serviceaccount; and it inherits the account's
// imagePullSecrets when it names none.

import type { Container, Pod, ServiceAccount, Volume } from "../../api/core-v1.ts";
import { RESOURCES, qualifiedResource } from "../../api/resources.ts";
import type { IdSource } from "../../kernel/ids.ts";
import { forbidden } from "../errors.ts";
import type { AdmissionAttributes, AdmissionPlugin } from "../types.ts";
import { admissionName } from "./admission-name.ts";

export const DEFAULT_SERVICE_ACCOUNT_NAME = "default";
/** ServiceAccountVolumeName: the generated volume is this plus "-" and five random characters. */
export const SERVICE_ACCOUNT_VOLUME_NAME = "kube-api-access";
export const DEFAULT_API_TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: one hour and seven seconds. */
export const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS = 3607;
/** The ConfigMap root-ca-cert-publisher keeps in every namespace. */
export const ROOT_CA_CONFIG_MAP = "kube-root-ca.crt";
/** corev1.ProjectedVolumeSourceDefaultMode (0644), set explicitly since kubernetes#104464. */
export const PROJECTED_VOLUME_SOURCE_DEFAULT_MODE = 0o644;

/** getServiceAccount's NotFound: api.Resource("serviceaccount"), singular. */
export function serviceAccountLookupMessage(namespace: string, name: string): string {
  return `error looking up service account ${namespace}/${name}: serviceaccount "${name}" not found`;
}

/** TokenVolumeSource: the projection every automounted pod carries. */
export function tokenVolumeSource(): NonNullable<Volume["projected"]> {
  return {
    defaultMode: PROJECTED_VOLUME_SOURCE_DEFAULT_MODE,
    sources: [
      { serviceAccountToken: { expirationSeconds: WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS, path: "token" } },
      { configMap: { name: ROOT_CA_CONFIG_MAP, items: [{ key: "ca.crt", path: "ca.crt" }] } },
      { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
    ],
  };
}

export interface ServiceAccountLookup {
  getServiceAccount(namespace: string, name: string): ServiceAccount | undefined;
  /** The API server's seeded name generator (names.SimpleNameGenerator). */
  readonly ids: IdSource;
}

export function newServiceAccount(lookup: ServiceAccountLookup): AdmissionPlugin {
  return {
    name: "ServiceAccount",
    admit(attrs) {
      if (attrs.operation !== "CREATE" || attrs.info.resource !== "pods" || attrs.subresource) return undefined;
      const pod = attrs.object as Pod;
      pod.spec.serviceAccountName ||= DEFAULT_SERVICE_ACCOUNT_NAME;
      const sa = lookup.getServiceAccount(attrs.namespace, pod.spec.serviceAccountName);
      if (!sa) return refuse(attrs, serviceAccountLookupMessage(attrs.namespace, pod.spec.serviceAccountName));
      pod.spec.serviceAccount = pod.spec.serviceAccountName;
      if (shouldAutomount(sa, pod)) mountServiceAccountToken(pod, () => `${SERVICE_ACCOUNT_VOLUME_NAME}-${lookup.ids.suffix()}`);
      if ((pod.spec.imagePullSecrets ?? []).length === 0 && (sa.imagePullSecrets ?? []).length > 0) {
        pod.spec.imagePullSecrets = sa.imagePullSecrets!.map((s) => ({ ...s }));
      }
      return undefined;
    },
  };
}

function refuse(attrs: AdmissionAttributes, message: string) {
  return forbidden(qualifiedResource(RESOURCES.pods), admissionName(attrs), message);
}

/** The pod's preference wins, then the account's; true by default. */
function shouldAutomount(sa: ServiceAccount, pod: Pod): boolean {
  return pod.spec.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true;
}

/**
 * mountServiceAccountToken: reuses a kube-api-access- volume the pod already
 * has; containers that already mount something at the token path keep it.
 */
function mountServiceAccountToken(pod: Pod, generateName: () => string): void {
  const existing = (pod.spec.volumes ?? []).find((v) => v.name.startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`));
  const volumeName = existing?.name ?? generateName();
  let needsTokenVolume = false;
  const mount = (c: Container): void => {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) return;
    (c.volumeMounts ??= []).push({ name: volumeName, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH });
    needsTokenVolume = true;
  };
  for (const c of pod.spec.initContainers ?? []) mount(c);
  // A pod without containers is refused by validation, after admission: nothing to mount here.
  for (const c of pod.spec.containers ?? []) mount(c);
  if (!existing && needsTokenVolume) (pod.spec.volumes ??= []).push({ name: volumeName, projected: tokenVolumeSource() });
}
