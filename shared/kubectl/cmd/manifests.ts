// Reading manifests for -f: the input split into YAML documents (YAML 1.1
// scalars, as sigs.k8s.io/yaml reads them), Lists flattened, each mapped to a
// served resource, and the namespace filled in or checked against -n.

import type { KubeObject } from "../../sim/api/meta.ts";
import type { ResourceName } from "../../sim/api/resources.ts";
import { plainError, type KubectlError } from "../errors.ts";
import { flagList } from "../flags.ts";
import { marshalCompact } from "../printers/json.ts";
import { isNamespaced, resourceForKind } from "../resources.ts";
import { readYamlDocuments } from "../yaml-to-json.ts";
import type { CommandContext } from "./command.ts";

export const STDIN_SOURCE = "STDIN";

export interface Manifest {
  readonly resource: ResourceName;
  readonly object: KubeObject;
}

export type ManifestResult = { readonly manifests: Manifest[]; readonly errors: KubectlError[] } | { readonly fatal: KubectlError };

/** -f values: only "-" (standard input) exists in the console. */
export function readSources(ctx: CommandContext): { text: string } | { fatal: KubectlError } {
  const files = flagList(ctx.flags, "filename");
  if (files.length === 0) return { fatal: plainError("must specify one of -f and -k") };
  const missing = files.find((f) => f !== "-");
  if (missing !== undefined) return { fatal: plainError(`the path ${JSON.stringify(missing)} does not exist`) };
  if (files.length > 1) return { fatal: plainError("standard input cannot be used for multiple arguments") };
  return { text: ctx.stdin ?? "" };
}

export function parseManifests(ctx: CommandContext, text: string): ManifestResult {
  const manifests: Manifest[] = [];
  const errors: KubectlError[] = [];
  const docs = readYamlDocuments(text);
  if (!docs.ok) return { fatal: plainError(`error parsing ${STDIN_SOURCE}: ${docs.error}`) };
  const objects: unknown[] = [];
  for (const v of docs.values) {
    if (v === null || v === undefined) continue;
    const o = v as { kind?: unknown; items?: unknown };
    if (o.kind === "List" && Array.isArray(o.items)) objects.push(...o.items);
    else objects.push(v);
  }
  for (const raw of objects) {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      return { fatal: plainError(`error validating "${STDIN_SOURCE}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`) };
    }
    const obj = raw as KubeObject;
    if (typeof obj.kind !== "string" || obj.kind === "") {
      return { fatal: plainError(`unable to decode "${STDIN_SOURCE}": Object 'Kind' is missing in '${marshalCompact(obj)}'`) };
    }
    if (typeof obj.apiVersion !== "string" || obj.apiVersion === "") {
      return { fatal: plainError(`unable to decode "${STDIN_SOURCE}": Object 'apiVersion' is missing in '${marshalCompact(obj)}'`) };
    }
    obj.metadata ??= {};
    const resource = resourceForKind(obj.apiVersion, obj.kind);
    if (!resource) {
      errors.push(
        plainError(
          `resource mapping not found for name: ${JSON.stringify(obj.metadata.name ?? "")} namespace: ${JSON.stringify(obj.metadata.namespace ?? "")} from "${STDIN_SOURCE}": no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(obj.apiVersion)}\nensure CRDs are installed first`,
        ),
      );
      continue;
    }
    // A metadata that is not an object goes to the API server as written, which refuses it while decoding.
    if (typeof obj.metadata !== "object" || Array.isArray(obj.metadata)) {
      manifests.push({ resource, object: obj });
      continue;
    }
    if (isNamespaced(resource)) {
      const ns = obj.metadata.namespace;
      if (ns && ctx.namespaceExplicit && ns !== ctx.namespace) {
        return {
          fatal: plainError(
            `the namespace from the provided object ${JSON.stringify(ns)} does not match the namespace ${JSON.stringify(ctx.namespace)}. You must pass '--namespace=${ns}' to perform this operation.`,
          ),
        };
      }
      if (!ns) obj.metadata.namespace = ctx.namespace;
    }
    manifests.push({ resource, object: obj });
  }
  return { manifests, errors };
}
