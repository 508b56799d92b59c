// ValidateObjectMeta: name rules per resource, labels, annotations, owner references.

import type { ObjectMeta } from "../../api/meta.ts";
import type { ResourceInfo } from "../../api/resources.ts";
import { field, type FieldError } from "../errors.ts";
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from "./names.ts";

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** RBAC objects may be named like "system:discovery": any path segment (ValidateRBACName). */
const PATH_SEGMENT_NAMED = new Set(["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"]);

/** path.IsValidPathSegmentName. */
export function isValidPathSegmentName(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  return ["/", "%"].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

/** Namespaces need a DNS-1123 label; RBAC objects a path segment; the other kinds served here a DNS-1123 subdomain. */
function nameRule(info: ResourceInfo): (v: string) => string[] {
  if (info.kind === "Namespace") return isDNS1123Label;
  return PATH_SEGMENT_NAMED.has(info.kind) ? isValidPathSegmentName : isDNS1123Subdomain;
}

export function validateObjectMeta(info: ResourceInfo, meta: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  const rule = nameRule(info);
  if (meta.generateName) {
    // A prefix may end with "-": apimachinery's maskTrailingDash swaps the last two
    // characters for an "a" before checking (dropping one more than it needs to).
    const gn = meta.generateName;
    // (Only NameIsDNSSubdomain and friends mask; path-segment names are checked as given.)
    const masked = rule !== isValidPathSegmentName && gn.length > 1 && gn.endsWith("-") ? `${gn.slice(0, -2)}a` : gn;
    for (const msg of rule(masked)) errs.push(field.invalid("metadata.generateName", gn, msg));
  }
  const name = meta.name ?? "";
  if (name === "") {
    errs.push(field.required("metadata.name", "name or generateName is required"));
  } else {
    for (const msg of rule(name)) errs.push(field.invalid("metadata.name", name, msg));
  }
  if (info.namespaced) {
    const ns = meta.namespace ?? "";
    if (ns === "") errs.push(field.required("metadata.namespace"));
    else for (const msg of isDNS1123Label(ns)) errs.push(field.invalid("metadata.namespace", ns, msg));
  }
  for (const [k, v] of Object.entries(meta.labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(field.invalid("metadata.labels", k, msg));
    if (typeof v !== "string") errs.push(field.invalid(`metadata.labels`, v, "must be a string"));
    else for (const msg of isValidLabelValue(v)) errs.push(field.invalid("metadata.labels", v, msg));
  }
  let size = 0;
  for (const [k, v] of Object.entries(meta.annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(field.invalid("metadata.annotations", k, msg));
    size += k.length + String(v).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(field.tooLong("metadata.annotations", TOTAL_ANNOTATION_SIZE_LIMIT));
  const controllers = (meta.ownerReferences ?? []).filter((r) => r.controller === true);
  if (controllers.length > 1) {
    errs.push(field.invalid("metadata.ownerReferences", meta.ownerReferences, `Only one reference can have Controller set to true. Found "true" in references for ${controllers.map((r) => `${r.kind}/${r.name}`).join(" and ")}`));
  }
  return errs;
}
