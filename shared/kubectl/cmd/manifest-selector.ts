// -l on a command that reads manifests (create -f, apply -f): resource.Builder
// keeps only the objects whose labels match (FilterByLabelSelector); the rest
// are skipped silently, as kubectl does.

import { parseSelector, selectorMatches } from "../../sim/api/labels.ts";
import { plainError, type KubectlError } from "../errors.ts";
import type { Manifest } from "./manifests.ts";

/** The manifests the selector keeps, or Builder's error for a selector that does not parse. */
export function selectManifests(manifests: readonly Manifest[], selector: string): Manifest[] | KubectlError {
  if (selector === "") return [...manifests];
  const reqs = parseSelector(selector);
  if (typeof reqs === "string") return plainError(`the provided selector ${JSON.stringify(selector)} is not valid: ${reqs}`);
  return manifests.filter((m) => selectorMatches(reqs, m.object.metadata.labels ?? {}));
}
