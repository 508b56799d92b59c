// core/v1 Event strategy: no status, an involved object is required.

import type { Event } from "../../api/core-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import { field, type FieldError } from "../errors.ts";
import type { Strategy } from "../types.ts";

export const eventStrategy: Strategy<Event> = {
  info: RESOURCES.events,
  hasStatus: false,
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
