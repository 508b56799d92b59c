// kubectl explain (pkg/cmd/explain, pkg/explain/v2): resolves TYPE[.field...]
// the way SplitAndParseResourceRequestWithMatchingPrefix does ("pods.spec",
// "deployments.apps.spec", "deploy.spec"), finds the group-version's OpenAPI
// document (overridden by --api-version) and renders the plaintext template
// over the schemas the simulated API server publishes.

import { RESOURCE_NAMES, infoOf, resolveType } from "../resources.ts";
import { plainError, reportError } from "../errors.ts";
import { flagBool, flagString } from "../flags.ts";
import { renderPlaintext } from "../explain/plaintext.ts";
import { apiVersionOf } from "../../sim/api/resources.ts";
import { SERVED_GO_TYPES } from "../../sim/api/schema/served-kinds.ts";
import { OUTPUT, bool, str, type Command } from "./command.ts";
import { noResourceMatchMessage } from "./rest-mapper.ts";

const SUGGEST_API_RESOURCES = 'Use "kubectl api-resources" for a complete list of supported resources.';

/** jsonPathParse's field nodes of "{.a.b}": an empty segment is a recursive descent, not a field. */
function fieldNodes(path: string): string[] | undefined {
  const parts = path.replace(/\.$/, "").split(".");
  return parts.every((p) => p !== "" && !/[[\]{}*]/.test(p)) ? parts : undefined;
}

export const explainCommand: Command = {
  name: "explain",
  use: "explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]",
  short: "Get documentation for a resource",
  flags: [bool("recursive"), str("api-version"), OUTPUT],
  run(ctx) {
    const apiVersion = flagString(ctx.flags, "api-version");
    const output = flagString(ctx.flags, "output", "plaintext");
    const recursive = flagBool(ctx.flags, "recursive");
    if (ctx.args.length === 0) return reportError(ctx.out, plainError(`You must specify the type of resource to explain. ${SUGGEST_API_RESOURCES}\n`));
    if (ctx.args.length > 1) return reportError(ctx.out, plainError("We accept only this format: explain RESOURCE\n"));
    const input = ctx.args[0]!;
    const nodes = fieldNodes(input);
    if (!nodes) return reportError(ctx.out, plainError("invalid jsonpath syntax, first node must be field node"));
    const name = resolveType(nodes[0]!);
    if (!name) return reportError(ctx.out, plainError(noResourceMatchMessage({ group: "", resource: nodes[0]!.toLowerCase() })));
    const info = infoOf(name);
    // Without --api-version, "deployments.apps.spec" names the group before the fields.
    const groupResource = info.group === "" ? info.resource : `${info.resource}.${info.group}`;
    const fields = apiVersion === "" && input.startsWith(groupResource) ? (fieldNodes(`x${input.slice(groupResource.length)}`) ?? []).slice(1) : nodes.slice(1);

    let group: string = info.group;
    let version: string = info.version;
    if (apiVersion !== "") {
      const parts = apiVersion.split("/");
      if (parts.length > 2) return reportError(ctx.out, plainError(`unexpected GroupVersion string: ${apiVersion}`));
      [group, version] = parts.length === 1 ? ["", parts[0]!] : [parts[0]!, parts[1]!];
    }
    if (output === "plaintext-openapiv2") return reportError(ctx.out, plainError("explain --output=plaintext-openapiv2 is not available in the Pod Pilot console"));
    const gvr = `${group}/${version}, Resource=${info.resource}`;
    const served = RESOURCE_NAMES.map(infoOf);
    if (!served.some((i) => apiVersionOf(i) === (group === "" ? version : `${group}/${version}`))) return reportError(ctx.out, plainError(`couldn't find resource for "${gvr}"`));
    if (output !== "plaintext") return reportError(ctx.out, plainError(`unrecognized format: ${output}`));
    if (group !== info.group || version !== info.version) return reportError(ctx.out, plainError(`error: GVR (${gvr}) not found in OpenAPI schema`));

    const rendered = renderPlaintext({ group, version, kind: info.kind, type: SERVED_GO_TYPES[name] }, fields, recursive);
    if (!rendered.ok) return reportError(ctx.out, plainError(rendered.message));
    ctx.out.out(rendered.text);
  },
};
