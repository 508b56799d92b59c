// The event recorder (client-go tools/record): components report what they did as
// core/v1 Events. Each recorder runs client-go's EventCorrelator (event-correlator.ts):
// repeats of an event become count++ patches, similar ones are combined, and a
// source that keeps talking about one object is rate limited.

import type { Event, ObjectReference } from "../api/core-v1.ts";
import type { KubeObject } from "../api/meta.ts";
import type { SimClock } from "../kernel/clock.ts";
import { rfc3339 } from "../kernel/time.ts";
import type { Client } from "./client.ts";
import { EventCorrelator } from "./event-correlator.ts";

export type EventType = "Normal" | "Warning";

export interface EventRecorder {
  event(obj: KubeObject | { readonly apiVersion: string; readonly kind: string; readonly metadata: KubeObject["metadata"] }, type: EventType, reason: string, message: string): void;
}

/** Shared sequence so event names stay unique among every recorder of a cluster. */
export interface EventNameSequence {
  next: number;
}

export interface RecorderOptions {
  readonly component: string;
  readonly host?: string;
  readonly client: Client;
  readonly clock: SimClock;
  readonly epochMs: number;
  readonly sequence: EventNameSequence;
}

export function newEventRecorder(opts: RecorderOptions): EventRecorder {
  const correlator = new EventCorrelator();
  const nowMs = () => opts.epochMs + opts.clock.now;
  // Name: <object>.<UnixNano in hex>; the sequence keeps same-instant events apart.
  const nameFor = (objectName: string | undefined) => () =>
    `${objectName}.${(BigInt(nowMs()) * 1_000_000n + BigInt(opts.sequence.next++ % 1_000_000)).toString(16)}`;
  return {
    event(obj, type, reason, message) {
      const meta = obj.metadata;
      const involvedObject: ObjectReference = {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: meta.name,
        namespace: meta.namespace,
        resourceVersion: meta.resourceVersion,
        uid: meta.uid,
      };
      const now = rfc3339(opts.epochMs, opts.clock.now);
      const fresh: Event = {
        apiVersion: "v1",
        kind: "Event",
        // Events about cluster-scoped objects live in "default".
        metadata: { name: nameFor(meta.name)(), namespace: meta.namespace || "default" },
        involvedObject,
        reason,
        message,
        source: opts.host ? { component: opts.component, host: opts.host } : { component: opts.component },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: opts.component,
        reportingInstance: opts.host ?? "",
      };
      const { event, skip } = correlator.correlate(fresh, opts.clock.now, now, nameFor(meta.name));
      if (skip) return;
      const namespace = event.metadata.namespace!;
      let written: Event | undefined;
      if (event.count > 1) {
        const r = opts.client.patch("events", namespace, event.metadata.name!, { count: event.count, lastTimestamp: event.lastTimestamp, message: event.message });
        if (r.ok) written = r.object;
        else if (r.status.reason !== "NotFound") return;
      }
      // A first occurrence, or a repeat whose event has expired (TTL): create it, count and all.
      if (written === undefined) {
        const r = opts.client.create("events", namespace, event);
        if (r.ok) written = r.object;
      }
      if (written !== undefined) correlator.updateState(written);
    },
  };
}
