// kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]: the patch
// (JSON or YAML) applied the way the API server would — a strategic merge
// (merge-key lists) by default, RFC 7386 for merge, RFC 6902 for json — and the
// result sent as a JSON merge patch, the one patch type the simulated API server
// takes. "patched", or "patched (no change)" when the server's object is the one
// that was read.

import type { KubeObject, Status } from "../../sim/api/meta.ts";
import { applyMergePatch } from "../../sim/apiserver/merge-patch.ts";
import { deepEqual } from "../../sim/kernel/equal.ts";
import { plainError, reportErrors, statusError, type KubectlError } from "../errors.ts";
import { flagList, flagString } from "../flags.ts";
import { runBuilder } from "./builder.ts";
import { DRY_RUN, FILENAME, OUTPUT, bool, str, type Command, type CommandContext } from "./command.ts";
import { dryRunStrategy, dryRunSuffix, writeOptions } from "./dry-run.ts";
import { applyJsonPatch } from "./json-patch.ts";
import { readYamlDocuments } from "../yaml-to-json.ts";
import { applyStrategicPatch, mergePatchBetween, missingMergeKey } from "./strategic-merge.ts";
import { completeOutput, printOperation } from "./print-flags.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";

type PatchType = "json" | "merge" | "strategic";
const PATCH_TYPES: readonly PatchType[] = ["json", "merge", "strategic"];
const SUPPORTED_SUBRESOURCES = ["status", "scale"];

const badRequest = (message: string): Status => ({ apiVersion: "v1", kind: "Status", status: "Failure", message, reason: "BadRequest", code: 400 });

/** What a JSON patch that does not apply gets: NewGenericServerResponse(422), the library's reason dropped. */
export const JSON_PATCH_REJECTED: Status = {
  apiVersion: "v1",
  kind: "Status",
  status: "Failure",
  message: "the server rejected our request due to an error in our request",
  reason: "Invalid",
  code: 422,
  details: {},
};

/** encoding/json's message for a value of the wrong shape. */
function unmarshalError(v: unknown, into: string): string {
  const kind = Array.isArray(v) ? "array" : typeof v === "object" ? "object" : typeof v === "boolean" ? "bool" : typeof v;
  return `json: cannot unmarshal ${kind} into Go value of type ${into}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The object after the patch, as the API server's patcher computes it, or the Status it fails with. */
export function patchedObject(type: PatchType, current: KubeObject, patch: unknown): { object: unknown } | { status: Status } {
  switch (type) {
    case "strategic":
      if (patch === null) return { object: current };
      if (!isObject(patch)) return { status: badRequest(unmarshalError(patch, "map[string]interface {}")) };
      {
        // The patcher's plain error comes back as a reasonless 500: "Error from server: map: ...".
        const missing = missingMergeKey(patch);
        if (missing) return { status: { apiVersion: "v1", kind: "Status", status: "Failure", message: missing, reason: "", code: 500 } };
      }
      return { object: applyStrategicPatch(current, patch) };
    case "merge":
      if (!isObject(patch)) return { status: badRequest("Invalid JSON Patch") };
      return { object: applyMergePatch(current, patch) };
    case "json": {
      if (patch === null) return { object: current };
      if (!Array.isArray(patch)) return { status: badRequest(unmarshalError(patch, "jsonpatch.Patch")) };
      const r = applyJsonPatch(current, patch);
      return r.ok ? { object: r.doc } : { status: JSON_PATCH_REJECTED };
    }
  }
}

/** yaml.ToJSON of the -p value: the first document, read as YAML 1.1 (JSON is YAML). */
function parsePatch(text: string): { value: unknown } | KubectlError {
  const docs = readYamlDocuments(text);
  if (!docs.ok) return plainError(`unable to parse ${JSON.stringify(text)}: ${docs.error}`);
  return { value: docs.values[0] ?? null };
}

export const patchCommand: Command = {
  name: "patch",
  use: "patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]",
  short: "Update fields of a resource",
  flags: [
    str("patch", "p"),
    str("patch-file"),
    str("type"),
    DRY_RUN,
    FILENAME,
    str("kustomize", "k"),
    bool("recursive", "R"),
    bool("local"),
    str("field-manager"),
    str("subresource"),
    OUTPUT,
    str("template"),
    bool("show-managed-fields"),
    bool("allow-missing-template-keys"),
    bool("record"),
  ],
  run: runPatch,
};

function runPatch(ctx: CommandContext): void {
  const f = ctx.flags;
  const dry = dryRunStrategy(f);
  if (typeof dry !== "string") return reportErrors(ctx.out, [dry]);
  // Validate
  const text = flagString(f, "patch");
  const file = flagString(f, "patch-file");
  if (text !== "" && file !== "") return reportErrors(ctx.out, [plainError("cannot specify --patch and --patch-file together")]);
  if (text === "" && file === "") return reportErrors(ctx.out, [plainError("must specify --patch or --patch-file containing the contents of the patch")]);
  const local = f.changed.has("local");
  if (local && ctx.args.length !== 0) return reportErrors(ctx.out, [plainError("cannot specify --local and server resources")]);
  const typeFlag = flagString(f, "type");
  const type = (typeFlag === "" ? "strategic" : typeFlag.toLowerCase()) as PatchType;
  if (!PATCH_TYPES.includes(type)) return reportErrors(ctx.out, [plainError(`--type must be one of [${PATCH_TYPES.join(" ")}], not ${JSON.stringify(typeFlag)}`)]);
  const subresource = flagString(f, "subresource");
  if (subresource !== "" && !SUPPORTED_SUBRESOURCES.includes(subresource)) {
    return reportErrors(ctx.out, [plainError(`invalid subresource value: ${JSON.stringify(subresource)}. Must be one of [${SUPPORTED_SUBRESOURCES.join(" ")}]`)]);
  }
  // What the console has no files for.
  if (file !== "") return reportErrors(ctx.out, [plainError(`unable to read patch file: open ${file}: no such file or directory`)]);
  if (local || flagList(f, "filename").length > 0) return reportErrors(ctx.out, [plainError(NOT_AVAILABLE(`${ctx.path} ${local ? "--local" : "-f"}`))]);
  // Run
  const parsed = parsePatch(text);
  if ("kind" in parsed) return reportErrors(ctx.out, [parsed]);
  const result = runBuilder(ctx, ctx.args, { allowEmptySelector: false });
  if (result.fatal) return reportErrors(ctx.out, [result.fatal]);
  const errors: KubectlError[] = [...result.errors];
  let count = 0;
  for (const info of result.infos) {
    for (const object of info.objects) {
      count++;
      // The builder's Subresource("scale") visits the Scale, not its parent.
      let current = object;
      if (subresource === "scale") {
        const scale = ctx.env.client.getScale(info.resource, object.metadata.namespace, object.metadata.name!);
        if (!scale.ok) {
          errors.push(statusError(scale.status));
          continue;
        }
        current = scale.object;
      }
      const patched = patchedObject(type, current, parsed.value);
      if ("status" in patched) {
        errors.push(statusError(patched.status));
        continue;
      }
      let after = patched.object as KubeObject;
      if (dry !== "client") {
        const name = current.metadata.name!;
        const ns = current.metadata.namespace;
        const body = mergePatchBetween(current, patched.object);
        const opts = writeOptions(dry);
        const res =
          subresource === "status"
            ? ctx.env.client.patchStatus(info.resource, ns, name, body, opts)
            : subresource === "scale"
              ? ctx.env.client.patchScale(info.resource, ns, name, body, opts)
              : ctx.env.client.patch(info.resource, ns, name, body, opts);
        if (!res.ok) {
          errors.push(statusError(res.status));
          continue;
        }
        after = res.object;
      }
      const op = deepEqual(current, after) ? "patched (no change)" : "patched";
      // Run asks PrintFlags for a printer only now, after the write: a template -o fails once the object is patched.
      const printer = completeOutput(f);
      if ("error" in printer) return reportErrors(ctx.out, [printer.error]);
      printOperation(ctx, printer.output, after, `${op}${dryRunSuffix(dry)}`);
    }
  }
  if (errors.length === 0 && count === 0) errors.push(plainError("no objects passed to patch"));
  reportErrors(ctx.out, errors);
}
