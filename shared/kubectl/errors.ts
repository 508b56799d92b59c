// How kubectl turns errors into the lines it prints (cmdutil.CheckErr and
// StandardErrorMessage): API Status errors as "Error from server (Reason):
// message", Invalid errors rebuilt from their causes, usage and flag errors
// with their "See ..." hints, and everything else after "error: ".

import type { Status } from "../sim/api/meta.ts";
import type { Output } from "./env.ts";

export type KubectlError = { readonly kind: "status"; readonly status: Status } | { readonly kind: "plain"; readonly message: string };

export const statusError = (status: Status): KubectlError => ({ kind: "status", status });
export const plainError = (message: string): KubectlError => ({ kind: "plain", message });

/** StandardErrorMessage for an API status, or undefined for other errors. */
function standardStatusMessage(s: Status): string {
  if (s.reason === "Unauthorized") return `error: You must be logged in to the server (${s.message})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message}`;
  return `Error from server: ${s.message}`;
}

/** messageForError: the standard message of an API error, the bare text otherwise. */
export function messageForError(e: KubectlError): string {
  return e.kind === "status" ? standardStatusMessage(e.status) : e.message;
}

/** The Invalid rewrite: `The Deployment "web" is invalid: <cause>` or one "* cause" line each. */
function invalidMessage(s: Status): string {
  const details = s.details;
  let head = "The request is invalid";
  if (!details) return s.message ? `${head}: ${s.message}` : head;
  if (details.kind || details.name) head = `The ${details.kind ?? ""} ${JSON.stringify(details.name ?? "")} is invalid`;
  else if (s.message && (details.causes ?? []).length === 0) head += `: ${s.message}`;
  const seen = new Set<string>();
  const causes: string[] = [];
  for (const c of details.causes ?? []) {
    const msg = `${c.field ?? ""}: ${c.message ?? ""}`;
    if (seen.has(msg)) continue;
    seen.add(msg);
    causes.push(msg);
  }
  if (causes.length === 0) return head;
  if (causes.length === 1) return `${head}: ${causes[0]}\n`;
  return `${head}: \n${causes.map((c) => `* ${c}\n`).join("")}`;
}

/** cmdutil.CheckErr over the errors a command collected (an aggregate of one is unwrapped). */
export function reportErrors(out: Output, errs: readonly KubectlError[]): void {
  if (errs.length === 0) return;
  if (errs.length > 1) {
    out.fail(errs.map((e) => `${messageForError(e)}\n`).join(""));
    return;
  }
  const e = errs[0]!;
  if (e.kind === "status") {
    out.fail(e.status.reason === "Invalid" ? invalidMessage(e.status) : standardStatusMessage(e.status));
    return;
  }
  out.fail(e.message.startsWith("error: ") ? e.message : `error: ${e.message}`);
}

export function reportError(out: Output, e: KubectlError): void {
  reportErrors(out, [e]);
}

/** cmdutil.UsageErrorf: the message plus "See '<command path> -h' for help and examples". */
export function usageError(path: string, msg: string): KubectlError {
  return plainError(`${msg}\nSee '${path} -h' for help and examples`);
}

/** The templater's flag error: the pflag message plus "See '<command path> --help' for usage.". */
export function flagError(path: string, msg: string): KubectlError {
  return plainError(`${msg}\nSee '${path} --help' for usage.`);
}
