// metav1.Status errors, built the way apimachinery's pkg/api/errors builds them,
// so that kubectl prints them byte for byte: "Error from server (NotFound): ...".

import type { Status, StatusCause } from "../api/meta.ts";
import { qualifiedResource, type ResourceInfo } from "../api/resources.ts";

/**
 * A request's answer. Either branch may carry the warnings the server added
 * while serving it (the Warning response headers: `unknown field "spec.replica"`),
 * in the order it added them; client-go hands each to its warning handler.
 */
export type ApiResult<T> =
  | { readonly ok: true; readonly object: T; readonly warnings?: readonly string[] }
  | { readonly ok: false; readonly status: Status; readonly warnings?: readonly string[] };

export function ok<T>(object: T): ApiResult<T> {
  return { ok: true, object };
}

export function fail<T = never>(status: Status): ApiResult<T> {
  return { ok: false, status };
}

function status(code: number, reason: string, message: string, details?: Status["details"]): Status {
  return { apiVersion: "v1", kind: "Status", status: "Failure", message, reason, details, code };
}

/** `pods "web" not found`, `deployments.apps "web" not found`. */
export function notFound(info: ResourceInfo, name: string): Status {
  return status(404, "NotFound", `${qualifiedResource(info)} ${JSON.stringify(name)} not found`, { name, group: info.group, kind: info.resource });
}

export function alreadyExists(info: ResourceInfo, name: string): Status {
  return status(409, "AlreadyExists", `${qualifiedResource(info)} ${JSON.stringify(name)} already exists`, { name, group: info.group, kind: info.resource });
}

export const OPTIMISTIC_LOCK_ERROR_MSG = "the object has been modified; please apply your changes to the latest version and try again";

/** `Operation cannot be fulfilled on deployments.apps "web": <detail>`; `qualified` may name a subresource ("pods/binding"). */
export function conflict(qualified: string, name: string, detail: string, info?: ResourceInfo): Status {
  return status(409, "Conflict", `Operation cannot be fulfilled on ${qualified} ${JSON.stringify(name)}: ${detail}`, {
    name,
    group: info?.group,
    kind: info?.resource,
  });
}

export function forbidden(qualified: string, name: string | undefined, reason: string): Status {
  const subject = name === undefined || name === "" ? qualified : `${qualified} ${JSON.stringify(name)}`;
  return status(403, "Forbidden", `${subject} is forbidden: ${reason}`, { name });
}

export function badRequest(message: string): Status {
  return status(400, "BadRequest", message);
}

export function methodNotSupported(info: ResourceInfo, verb: string): Status {
  return status(405, "MethodNotAllowed", `${verb} is not supported on resources of kind ${JSON.stringify(qualifiedResource(info))}`);
}

export function tooManyRequests(message: string, causes?: StatusCause[]): Status {
  return status(429, "TooManyRequests", message, { causes });
}

export function expired(message: string): Status {
  return status(410, "Expired", message);
}

export function internalError(message: string): Status {
  return status(500, "InternalError", `Internal error occurred: ${message}`);
}

/** ErrorToAPIStatus of an error that is no API status: code 500, StatusReasonUnknown (""), the error's text. */
export function unknownError(message: string): Status {
  return status(500, "", message);
}

export function serviceUnavailable(message: string): Status {
  return status(503, "ServiceUnavailable", message);
}

export function timeout(message: string): Status {
  return status(504, "Timeout", message);
}

// --- field errors (apimachinery pkg/util/validation/field) -------------------

export type FieldErrorType =
  | "Required value"
  | "Invalid value"
  | "Unsupported value"
  | "Duplicate value"
  | "Forbidden"
  | "Too long"
  | "Too many"
  | "Not found";

export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  /** Omitted for types that print no value (Required, Forbidden, Too long...). */
  readonly value?: unknown;
  readonly detail: string;
  readonly hasValue: boolean;
  /** The value is already in Go's printed form (e.g. a map), not to be quoted again. */
  readonly raw?: boolean;
}

export const field = {
  required: (path: string, detail = ""): FieldError => ({ type: "Required value", field: path, detail, hasValue: false }),
  invalid: (path: string, value: unknown, detail: string): FieldError => ({ type: "Invalid value", field: path, value, detail, hasValue: true }),
  notSupported: (path: string, value: unknown, valid: readonly string[]): FieldError => ({
    type: "Unsupported value",
    field: path,
    value,
    detail: `supported values: ${valid.map((v) => JSON.stringify(v)).join(", ")}`,
    hasValue: true,
  }),
  duplicate: (path: string, value: unknown): FieldError => ({ type: "Duplicate value", field: path, value, detail: "", hasValue: true }),
  forbidden: (path: string, detail: string): FieldError => ({ type: "Forbidden", field: path, detail, hasValue: false }),
  tooLong: (path: string, max: number): FieldError => ({ type: "Too long", field: path, detail: `may not be more than ${max} bytes`, hasValue: false }),
  notFound: (path: string, value: unknown): FieldError => ({ type: "Not found", field: path, value, detail: "", hasValue: true }),
};

function formatValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null || v === undefined) return "null";
  return JSON.stringify(v);
}

/** One cause as field.Error.Error() prints it: `spec.replicas: Invalid value: -1: must be ...`. */
export function formatFieldError(e: FieldError): string {
  let s = `${e.field}: ${e.type}`;
  if (e.hasValue) s += `: ${e.raw ? String(e.value) : formatValue(e.value)}`;
  if (e.detail !== "") s += `: ${e.detail}`;
  return s;
}

/** metav1.CauseType of each field error type (field.ErrorType's string values). */
const CAUSE_TYPES: Readonly<Record<FieldErrorType, string>> = {
  "Required value": "FieldValueRequired",
  "Invalid value": "FieldValueInvalid",
  "Unsupported value": "FieldValueNotSupported",
  "Duplicate value": "FieldValueDuplicate",
  Forbidden: "FieldValueForbidden",
  "Too long": "FieldValueTooLong",
  "Too many": "FieldValueTooMany",
  "Not found": "FieldValueNotFound",
};

/**
 * 422 Invalid: `Deployment.apps "web" is invalid: <cause>`, several causes as a
 * list `[cause1, cause2]` with repeats dropped (ErrorList.ToAggregate). kubectl
 * rebuilds its own line from details.kind and the causes: `The Deployment "web" is invalid: ...`.
 */
export function invalid(info: Pick<ResourceInfo, "kind" | "group">, name: string, errors: readonly FieldError[]): Status {
  const causes = [...new Set(errors.map((e) => formatFieldError(e)))];
  const list = causes.length === 1 ? causes[0]! : `[${causes.join(", ")}]`;
  const kind = info.kind;
  const groupKind = info.group === "" ? kind : `${kind}.${info.group}`;
  return status(422, "Invalid", `${groupKind} ${JSON.stringify(name)} is invalid: ${list}`, {
    name,
    group: info.group,
    kind,
    causes: errors.map((e) => ({ reason: CAUSE_TYPES[e.type], message: formatFieldError(e).slice(e.field.length + 2), field: e.field })),
  });
}
