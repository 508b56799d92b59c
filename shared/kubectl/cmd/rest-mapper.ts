// kubectl's RESTMapper (a shortcut expander over discovery) for commands that
// name resources without reading them, such as `create role --resource`: the
// built-in resources a v1.34 kube-apiserver reports, including the ones the
// simulation does not serve yet, since a rule may grant them all the same.

import { RESOURCES, type ResourceInfo } from "../../sim/api/resources.ts";

export interface GroupResource {
  readonly group: string;
  readonly resource: string;
}

interface Discovered extends GroupResource {
  readonly singular: string;
  readonly shortNames: readonly string[];
}

const d = (group: string, resource: string, singular: string, ...shortNames: string[]): Discovered => ({ group, resource, singular, shortNames });

/** What discovery lists beyond the served kinds, in its group order (the core group first). */
const UNSERVED: readonly Discovered[] = [
  d("", "bindings", "binding"),
  d("", "componentstatuses", "componentstatus", "cs"),
  d("", "configmaps", "configmap", "cm"),
  d("", "endpoints", "endpoints", "ep"),
  d("", "persistentvolumeclaims", "persistentvolumeclaim", "pvc"),
  d("", "persistentvolumes", "persistentvolume", "pv"),
  d("", "podtemplates", "podtemplate"),
  d("", "replicationcontrollers", "replicationcontroller", "rc"),
  d("", "secrets", "secret"),
  d("", "services", "service", "svc"),
  d("apiregistration.k8s.io", "apiservices", "apiservice"),
  d("apps", "controllerrevisions", "controllerrevision"),
  d("apps", "daemonsets", "daemonset", "ds"),
  d("apps", "statefulsets", "statefulset", "sts"),
  d("events.k8s.io", "events", "event", "ev"),
  d("authentication.k8s.io", "selfsubjectreviews", "selfsubjectreview"),
  d("authentication.k8s.io", "tokenreviews", "tokenreview"),
  d("authorization.k8s.io", "localsubjectaccessreviews", "localsubjectaccessreview"),
  d("authorization.k8s.io", "selfsubjectaccessreviews", "selfsubjectaccessreview"),
  d("authorization.k8s.io", "selfsubjectrulesreviews", "selfsubjectrulesreview"),
  d("authorization.k8s.io", "subjectaccessreviews", "subjectaccessreview"),
  d("autoscaling", "horizontalpodautoscalers", "horizontalpodautoscaler", "hpa"),
  d("batch", "cronjobs", "cronjob", "cj"),
  d("batch", "jobs", "job"),
  d("certificates.k8s.io", "certificatesigningrequests", "certificatesigningrequest", "csr"),
  d("networking.k8s.io", "ingressclasses", "ingressclass"),
  d("networking.k8s.io", "ingresses", "ingress", "ing"),
  d("networking.k8s.io", "networkpolicies", "networkpolicy", "netpol"),
  d("policy", "poddisruptionbudgets", "poddisruptionbudget", "pdb"),
  d("storage.k8s.io", "csidrivers", "csidriver"),
  d("storage.k8s.io", "csinodes", "csinode"),
  d("storage.k8s.io", "csistoragecapacities", "csistoragecapacity"),
  d("storage.k8s.io", "storageclasses", "storageclass", "sc"),
  d("storage.k8s.io", "volumeattachments", "volumeattachment"),
  d("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "mutatingwebhookconfiguration"),
  d("admissionregistration.k8s.io", "validatingadmissionpolicies", "validatingadmissionpolicy"),
  d("admissionregistration.k8s.io", "validatingadmissionpolicybindings", "validatingadmissionpolicybinding"),
  d("admissionregistration.k8s.io", "validatingwebhookconfigurations", "validatingwebhookconfiguration"),
  d("apiextensions.k8s.io", "customresourcedefinitions", "customresourcedefinition", "crd", "crds"),
  d("node.k8s.io", "runtimeclasses", "runtimeclass"),
  d("discovery.k8s.io", "endpointslices", "endpointslice"),
  d("flowcontrol.apiserver.k8s.io", "flowschemas", "flowschema"),
  d("flowcontrol.apiserver.k8s.io", "prioritylevelconfigurations", "prioritylevelconfiguration"),
  d("resource.k8s.io", "deviceclasses", "deviceclass"),
  d("resource.k8s.io", "resourceclaims", "resourceclaim"),
  d("resource.k8s.io", "resourceclaimtemplates", "resourceclaimtemplate"),
  d("resource.k8s.io", "resourceslices", "resourceslice"),
];

const SERVED: readonly Discovered[] = (Object.values(RESOURCES) as ResourceInfo[]).map((r) => d(r.group, r.resource, r.singular, ...r.shortNames));

const GROUP_ORDER = ["", "apiregistration.k8s.io", "apps", "events.k8s.io", "authentication.k8s.io", "authorization.k8s.io", "autoscaling", "batch", "certificates.k8s.io", "networking.k8s.io", "policy", "rbac.authorization.k8s.io", "storage.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "node.k8s.io", "discovery.k8s.io", "flowcontrol.apiserver.k8s.io", "resource.k8s.io"];

/** Every discovered resource, by group priority (the core group wins "events"). */
const DISCOVERY: readonly Discovered[] = [...SERVED, ...UNSERVED].sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group));

/**
 * RESTMapper.ResourceFor for a partial {group, resource}: plural, singular or
 * short name, any case; the group, when given, must match. Undefined is
 * meta.NoResourceMatchError.
 */
export function resourceFor(partial: GroupResource): GroupResource | undefined {
  const r = partial.resource.toLowerCase();
  const hit = DISCOVERY.find((x) => (partial.group === "" || x.group === partial.group) && (x.resource === r || x.singular === r || x.shortNames.includes(r)));
  return hit && { group: hit.group, resource: hit.resource };
}

/** How kubectl's CheckErr prints a NoResourceMatchError (no "error: " prefix). */
export function noResourceMatchMessage(partial: GroupResource): string {
  return partial.group === ""
    ? `the server doesn't have a resource type ${JSON.stringify(partial.resource)}`
    : `the server doesn't have a resource type ${JSON.stringify(partial.resource)} in group ${JSON.stringify(partial.group)}`;
}
