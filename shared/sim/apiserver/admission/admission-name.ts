// The name admission.NewForbidden puts in its message.

import type { AdmissionAttributes } from "../types.ts";

/** The request's name, else the object's name or generateName (not generated yet), else "Unknown". */
export function admissionName(attrs: AdmissionAttributes): string {
  if (attrs.name !== "") return attrs.name;
  const meta = attrs.object?.metadata;
  return meta?.name || meta?.generateName || "Unknown";
}
