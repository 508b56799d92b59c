// A small cluster for scheduler tests: a real API server, shared informers and
// the scheduler, with no kubelets or controllers. settle() does what the cluster
// step does for the scheduler (deliver watches, run cycles, until quiet); step()
// first moves the clock 100 ms, firing the queue's flush timers. Every event the
// scheduler records is also kept, with its time, for assertions.

import type { Event, Node, Pod } from "../../api/core-v1.ts";
import type { ApiServer } from "../../apiserver/apiserver.ts";
import { Client } from "../../clientgo/client.ts";
import { newEventRecorder, type EventRecorder } from "../../clientgo/events.ts";
import { SharedInformerFactory } from "../../clientgo/informer.ts";
import { EtcdCluster } from "../../etcd/etcd.ts";
import { SimClock, STEP_MS } from "../../kernel/clock.ts";
import { newIdSource } from "../../kernel/ids.ts";
import { RngStreams } from "../../kernel/rng.ts";
import { DEFAULT_EPOCH_MS, rfc3339 } from "../../kernel/time.ts";
import { newScheduler, type Scheduler } from "../scheduler.ts";
import { makeNode, makePod, type NodeOptions, type PodOptions } from "./wrappers.ts";
import { bootstrapApiServer } from "../../apiserver/bootstrap.ts";
import { KUBE_CONTROLLER_MANAGER } from "../../apiserver/authentication/user.ts";
import type { UserInfo } from "../../apiserver/types.ts";

const ADMIN: UserInfo = { name: "admin", groups: ["system:masters"] };
import { newApiServer } from "../../apiserver/new-apiserver.ts";
import { defaultServiceAccount } from "../../apiserver/test-fixture.ts";

export interface RecordedEvent {
  readonly at: number;
  readonly object: string;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
}

export class SchedulerTestCluster {
  readonly clock = new SimClock();
  readonly epochMs = DEFAULT_EPOCH_MS;
  readonly api: ApiServer;
  readonly admin: Client;
  readonly scheduler: Scheduler;
  readonly recorded: RecordedEvent[] = [];

  constructor(opts: { seed?: number; active?: boolean } = {}) {
    const rng = new RngStreams(opts.seed ?? 1);
    const etcd = new EtcdCluster(this.clock);
    const api = newApiServer({
      etcd,
      clock: this.clock,
      ids: newIdSource(rng.stream("apiserver")),
      epochMs: this.epochMs,
    });
    this.api = api;
    bootstrapApiServer(api, ["default"]);
    this.admin = new Client(api, ADMIN);
    this.#must(this.admin.create("serviceaccounts", "default", defaultServiceAccount("default")));
    const informers = new SharedInformerFactory(new Client(api, { name: KUBE_CONTROLLER_MANAGER }, { protobuf: true }));
    const client = new Client(api, { name: "system:kube-scheduler" }, { protobuf: true });
    const real = newEventRecorder({ component: "default-scheduler", client, clock: this.clock, epochMs: this.epochMs, sequence: { next: 0 } });
    const recorder: EventRecorder = {
      event: (obj, type, reason, message) => {
        this.recorded.push({ at: this.clock.now, object: `${obj.metadata.namespace}/${obj.metadata.name}`, type, reason, message });
        real.event(obj, type, reason, message);
      },
    };
    this.scheduler = newScheduler({ client, informers, recorder, clock: this.clock, rng: rng.stream("scheduler"), epochMs: this.epochMs });
    this.scheduler.active = opts.active ?? true;
    informers.start();
  }

  #must<T>(r: { ok: true; object: T } | { ok: false; status: { message: string } }): T {
    if (!r.ok) throw new Error(r.status.message);
    return r.object;
  }

  createNode(name: string, o?: NodeOptions): Node {
    return this.#must(this.admin.create("nodes", undefined, makeNode(name, o)));
  }

  createPod(name: string, o?: PodOptions): Pod {
    // The API server assigns the uid.
    return this.#must(this.admin.create("pods", "default", makePod(name, o)));
  }

  patchNode(name: string, patch: Record<string, unknown>): void {
    this.#must(this.admin.patch("nodes", undefined, name, patch));
  }

  setPodPhase(name: string, phase: "Succeeded" | "Failed" | "Running"): void {
    this.#must(this.admin.patchStatus("pods", "default", name, { status: { phase } }));
  }

  deletePod(name: string, gracePeriodSeconds?: number): void {
    this.#must(this.admin.delete("pods", "default", name, gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }));
  }

  /** Delivers watches and runs the scheduler until neither has anything left. */
  settle(): void {
    for (let round = 0; round < 100; round++) {
      const delivered = this.api.dispatchWatches();
      const cycles = this.scheduler.runOnce();
      if (delivered === 0 && cycles === 0 && !this.api.hasPendingWatchEvents()) return;
    }
    throw new Error("scheduler test cluster did not settle");
  }

  /** Advances the clock in 100 ms steps, settling after each. */
  step(ms = STEP_MS): void {
    const end = this.clock.now + ms;
    while (this.clock.now < end) {
      this.clock.advanceTo(Math.min(end, this.clock.now + STEP_MS));
      this.settle();
    }
  }

  pod(name: string): Pod {
    return this.#must(this.admin.get("pods", "default", name));
  }

  nodeOf(name: string): string | undefined {
    return this.pod(name).spec.nodeName;
  }

  /** Events the scheduler recorded about `pod`, optionally of one reason. */
  eventsFor(pod: string, reason?: string): RecordedEvent[] {
    return this.recorded.filter((e) => e.object === `default/${pod}` && (reason === undefined || e.reason === reason));
  }

  /** Event objects as stored in the API (after the recorder's aggregation). */
  storedEvents(): Event[] {
    return [...this.#must(this.api.list(ADMIN, "events", "default")).items];
  }

  ts(ms: number): string {
    return rfc3339(this.epochMs, ms);
  }
}
