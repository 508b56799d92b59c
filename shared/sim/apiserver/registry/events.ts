// core/v1 Event strategy: no status, an involved object is required, and events
// expire an hour after their last write (kube-apiserver's --event-ttl).

import type { Event } from "../../api/core-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import { field, type FieldError } from "../errors.ts";
import type { Strategy } from "../types.ts";

/** kube-apiserver's --event-ttl default. */
export const EVENT_TTL_SECONDS = 60 * 60;

export const eventStrategy: Strategy<Event> = {
  info: RESOURCES.events,
  hasStatus: false,
  ttlSeconds: EVENT_TTL_SECONDS,
  applyDefaults() {},
  prepareForCreate(ev) {
    delete ev.metadata.generation; // events do not track generation
  },
  validate(ev) {
    const errs: FieldError[] = [];
    if (!ev.involvedObject) errs.push(field.required("involvedObject"));
    if (ev.type !== "Normal" && ev.type !== "Warning") errs.push(field.notSupported("type", ev.type, ["Normal", "Warning"]));
    return errs;
  },
};
