// The event recorder (client-go tools/record): components report what they did as
// core/v1 Events; identical events within the correlation window are merged into
// one with a growing count, as EventCorrelator does.

import type { Event, ObjectReference } from "../api/core-v1.ts";
import type { KubeObject } from "../api/meta.ts";
import type { SimClock } from "../kernel/clock.ts";
import { rfc3339 } from "../kernel/time.ts";
import type { Client } from "./client.ts";

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

interface Correlated {
  readonly name: string;
  readonly namespace: string;
  count: number;
}

export function newEventRecorder(opts: RecorderOptions): EventRecorder {
  const seen = new Map<string, Correlated>();
  return {
    event(obj, type, reason, message) {
      const meta = obj.metadata;
      const namespace = meta.namespace || "default";
      const involvedObject: ObjectReference = {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: meta.name,
        namespace: meta.namespace,
        resourceVersion: meta.resourceVersion,
        uid: meta.uid,
      };
      const now = rfc3339(opts.epochMs, opts.clock.now);
      const aggregateKey = [opts.component, opts.host ?? "", involvedObject.kind, namespace, involvedObject.name, involvedObject.uid, type, reason, message].join("\u0000");
      const prior = seen.get(aggregateKey);
      if (prior) {
        prior.count++;
        const res = opts.client.patch("events", prior.namespace, prior.name, { count: prior.count, lastTimestamp: now });
        if (res.ok) return;
        seen.delete(aggregateKey); // expired or deleted: start a new one
      }
      // Name: <object>.<UnixNano in hex>; the sequence keeps same-instant events apart.
      const nanos = (BigInt(opts.epochMs + opts.clock.now) * 1_000_000n + BigInt(opts.sequence.next++ % 1_000_000)).toString(16);
      const name = `${meta.name}.${nanos}`;
      const ev: Event = {
        apiVersion: "v1",
        kind: "Event",
        metadata: { name, namespace },
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
      const res = opts.client.create("events", namespace, ev);
      if (res.ok) seen.set(aggregateKey, { name, namespace, count: 1 });
    },
  };
}
