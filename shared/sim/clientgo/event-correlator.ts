// client-go's EventCorrelator (tools/record/events_cache.go) on simulated time:
// the aggregator folds 10 events that differ only by message within 10 minutes
// into one "(combined from similar events): ..." event; the logger counts repeats
// of the same event so they become a patch (count++) instead of a new object; the
// spam filter lets a source send 25 events about an object, then 1 per 5 minutes.

import type { Event } from "../api/core-v1.ts";

export const MAX_LRU_CACHE_ENTRIES = 4096;
export const AGGREGATE_MAX_EVENTS = 10;
export const AGGREGATE_INTERVAL_MS = 600_000;
export const SPAM_BURST = 25;
/** The spam filter's refill: one event per 5 minutes (qps 1/300). */
export const SPAM_REFILL_MS = 300_000;
export const COMBINED_PREFIX = "(combined from similar events): ";

/** The LRU of github.com/golang/groupcache: a get refreshes an entry, adding past the limit drops the oldest. */
class Lru<V> {
  readonly #max: number;
  readonly #map = new Map<string, V>();

  constructor(max: number) {
    this.#max = max;
  }

  get(key: string): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }

  add(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#max) this.#map.delete(this.#map.keys().next().value!);
  }
}

/** getEventKey: source, involved object, type, reason and message. */
export function eventKey(e: Event): string {
  const o = e.involvedObject;
  return [e.source.component, e.source.host, o.kind, o.namespace, o.name, o.fieldPath, o.uid, o.apiVersion, e.type, e.reason, e.message].map((s) => s ?? "").join("");
}

function spamKey(e: Event): string {
  const o = e.involvedObject;
  return [e.source.component, e.source.host, o.kind, o.namespace, o.name, o.uid, o.apiVersion].map((s) => s ?? "").join("");
}

/** EventAggregatorByReasonFunc: everything but the message. */
function aggregateKey(e: Event): string {
  const o = e.involvedObject;
  return [e.source.component, e.source.host, o.kind, o.namespace, o.name, o.uid, o.apiVersion, e.type, e.reason, e.reportingComponent, e.reportingInstance]
    .map((s) => s ?? "")
    .join("");
}

interface AggregateRecord {
  readonly messages: Set<string>;
  lastMs: number;
}

interface EventLog {
  readonly count: number;
  readonly firstTimestamp: string;
  readonly name: string;
}

export interface CorrelateResult {
  /** The event to write: a create when count is 1, else a patch of count, lastTimestamp and message. */
  readonly event: Event;
  readonly skip: boolean;
}

export class EventCorrelator {
  readonly #aggregates = new Lru<AggregateRecord>(MAX_LRU_CACHE_ENTRIES);
  readonly #logs = new Lru<EventLog>(MAX_LRU_CACHE_ENTRIES);
  /** Spam filter token buckets, as credit in ms: each event costs SPAM_REFILL_MS. */
  readonly #buckets = new Lru<{ credit: number; lastMs: number }>(MAX_LRU_CACHE_ENTRIES);

  /**
   * EventCorrelate. `nowMs` is simulated time; `name` makes a fresh event's name
   * for an aggregate event (the recorder's own naming rule).
   */
  correlate(event: Event, nowMs: number, now: string, name: () => string): CorrelateResult {
    const [aggregated, key] = this.#aggregate(event, nowMs, now, name);
    const observed = this.#observe(aggregated, key);
    return { event: observed, skip: !this.#allow(observed, nowMs) };
  }

  /** updateState: what the server stored, so the next repeat patches the right object. */
  updateState(event: Event): void {
    this.#logs.add(eventKey(event), { count: event.count, firstTimestamp: event.firstTimestamp, name: event.metadata.name! });
  }

  #aggregate(event: Event, nowMs: number, now: string, name: () => string): [Event, string] {
    const aggKey = aggregateKey(event);
    let record = this.#aggregates.get(aggKey);
    if (record === undefined || nowMs - record.lastMs > AGGREGATE_INTERVAL_MS) record = { messages: new Set(), lastMs: nowMs };
    record.messages.add(event.message);
    record.lastMs = nowMs;
    this.#aggregates.add(aggKey, record);
    if (record.messages.size < AGGREGATE_MAX_EVENTS) return [event, eventKey(event)];
    // Go drops an arbitrary member (PopAny); the oldest keeps runs reproducible.
    record.messages.delete(record.messages.values().next().value!);
    const combined: Event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: name(), namespace: event.metadata.namespace },
      involvedObject: event.involvedObject,
      reason: event.reason,
      message: COMBINED_PREFIX + event.message,
      source: event.source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type: event.type,
      eventTime: null,
      reportingComponent: "",
      reportingInstance: "",
    };
    return [combined, aggKey];
  }

  #observe(event: Event, key: string): Event {
    const last = this.#logs.get(key);
    const observed: Event =
      last === undefined
        ? event
        : { ...event, metadata: { ...event.metadata, name: last.name }, firstTimestamp: last.firstTimestamp, count: last.count + 1 };
    this.#logs.add(key, { count: observed.count, firstTimestamp: observed.firstTimestamp, name: observed.metadata.name! });
    return observed;
  }

  /** EventSourceObjectSpamFilter: a token bucket per source and object, full at first. */
  #allow(event: Event, nowMs: number): boolean {
    const key = spamKey(event);
    const bucket = this.#buckets.get(key) ?? { credit: SPAM_BURST * SPAM_REFILL_MS, lastMs: nowMs };
    bucket.credit = Math.min(SPAM_BURST * SPAM_REFILL_MS, bucket.credit + (nowMs - bucket.lastMs));
    bucket.lastMs = nowMs;
    const allowed = bucket.credit >= SPAM_REFILL_MS;
    if (allowed) bucket.credit -= SPAM_REFILL_MS;
    this.#buckets.add(key, bucket);
    return allowed;
  }
}
