// What a player can do, as data: the action log stores these inputs (never their
// outcomes, which replays recompute). Every action is validated with zod when it
// comes from outside: a message, a log file.

import { z } from "zod";
import { RESOURCE_NAMES } from "../../sim/api/resources.ts";
import type { UserInfo } from "../../sim/apiserver/types.ts";

const name = z.string().min(1).max(253);
const resource = z.enum(RESOURCE_NAMES as [string, ...string[]]);
const body = z.object({ apiVersion: z.string(), kind: z.string(), metadata: z.object({}).loose() }).loose();
const deleteOptions = z
  .object({
    gracePeriodSeconds: z.number().int().min(0).optional(),
    propagationPolicy: z.enum(["Background", "Foreground", "Orphan"]).optional(),
    preconditions: z.object({ uid: z.string().optional(), resourceVersion: z.string().optional() }).optional(),
  })
  .optional();

/** An API request as the API server takes it (shared/sim/apiserver/types.ts ApiRequest). */
const dryRun = z.boolean().optional();
/** metav1.FieldValidation: the body's unknown fields refused, warned about and dropped, or silently dropped. */
const fieldValidation = z.enum(["Strict", "Warn", "Ignore"]).optional();
const impersonate = z
  .object({
    user: z.string().max(253).optional(),
    groups: z.array(z.string().max(253)).max(64).optional(),
    uid: z.string().max(128).optional(),
    extra: z.record(z.string().max(253), z.array(z.string().max(253)).max(64)).optional(),
  })
  .optional();
export const ApiRequestSchema = z.discriminatedUnion("verb", [
  z.object({ verb: z.literal("create"), resource, namespace: z.string().optional(), body, dryRun, fieldValidation, impersonate }),
  z.object({
    verb: z.literal("update"),
    resource,
    namespace: z.string().optional(),
    body,
    subresource: z.enum(["status", "finalize", "scale"]).optional(),
    dryRun,
    fieldValidation,
    impersonate,
  }),
  z.object({
    verb: z.literal("patch"),
    resource,
    namespace: z.string().optional(),
    name,
    patch: z.record(z.string(), z.unknown()),
    subresource: z.enum(["status", "scale"]).optional(),
    dryRun,
    fieldValidation,
    impersonate,
  }),
  z.object({ verb: z.literal("delete"), resource, namespace: z.string().optional(), name, options: deleteOptions, dryRun, impersonate }),
  z.object({ verb: z.literal("deletecollection"), resource, namespace: z.string().optional(), options: deleteOptions, dryRun, impersonate }),
  z.object({ verb: z.literal("bind"), namespace: name, name, node: name, dryRun, impersonate }),
  z.object({ verb: z.literal("evict"), namespace: name, name, options: deleteOptions, dryRun, impersonate }),
]);

export const Action = z.discriminatedUnion("type", [
  /** A request the player's kubectl made (one console line may make several). */
  z.object({ type: z.literal("request"), request: ApiRequestSchema }),
  /** A drag-and-drop placement: the scheduler's Filter plugins judge it, then a binding is posted. */
  z.object({ type: z.literal("bind"), namespace: name, pod: name, node: name }),
  /** A failure button. */
  z.object({ type: z.literal("fault"), fault: z.enum(["node-crash", "node-restart"]), node: name }),
]);
export type Action = z.infer<typeof Action>;

/** Who acted, in full: a replay re-runs authentication and authorization with exactly this user. */
export const LoggedUser = z.object({
  name: z.string().min(1).max(253),
  uid: z.string().max(128).optional(),
  groups: z.array(z.string().min(1).max(253)).max(64).optional(),
  extra: z.record(z.string().max(253), z.array(z.string().max(253)).max(64)).optional(),
});
export type LoggedUser = z.infer<typeof LoggedUser>;

export function loggedUser(user: UserInfo): LoggedUser {
  return {
    name: user.name,
    ...(user.uid !== undefined ? { uid: user.uid } : {}),
    ...(user.groups !== undefined ? { groups: [...user.groups] } : {}),
    ...(user.extra !== undefined ? { extra: Object.fromEntries(Object.entries(user.extra).map(([k, v]) => [k, [...v]])) } : {}),
  };
}

export const LoggedAction = z.object({
  /** Steps completed before the action was applied. */
  tick: z.number().int().min(0),
  user: LoggedUser,
  action: Action,
});
export type LoggedAction = z.infer<typeof LoggedAction>;

export const ActionLog = z.object({
  simVersion: z.number().int(),
  scenario: z.string(),
  seed: z.number().int(),
  /** The tick the run ended at (replays step up to it). */
  endTick: z.number().int().min(0),
  actions: z.array(LoggedAction),
});
export type ActionLog = z.infer<typeof ActionLog>;
