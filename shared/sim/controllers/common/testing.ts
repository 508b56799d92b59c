// Test fixture for controllers: a real API server over an in-memory etcd, shared
// informers and a ControllerManager, stepped the way the cluster steps them
// (advance the clock, deliver watches, drain the queues until quiet). No
// scheduler or kubelet runs: tests play those parts by patching pods.

import type { Event, Pod } from "../../api/core-v1.ts";
import type { ApiServer } from "../../apiserver/apiserver.ts";
import type { ApiResult } from "../../apiserver/errors.ts";
import type { UserInfo } from "../../apiserver/types.ts";
import { Client } from "../../clientgo/client.ts";
import { TokenBucketRateLimiter, type RateLimit } from "../../clientgo/rate-limiter.ts";
import { newEventRecorder, type EventNameSequence } from "../../clientgo/events.ts";
import { SharedInformerFactory } from "../../clientgo/informer.ts";
import { EtcdCluster } from "../../etcd/etcd.ts";
import { SimClock, STEP_MS } from "../../kernel/clock.ts";
import { newIdSource } from "../../kernel/ids.ts";
import { RngStreams } from "../../kernel/rng.ts";
import { DEFAULT_EPOCH_MS, rfc3339 } from "../../kernel/time.ts";
import type { Controller, ControllerFactory } from "../controller.ts";
import { ControllerManager } from "../manager.ts";
import { newApiServer } from "../../apiserver/new-apiserver.ts";
import { bootstrapApiServer } from "../../apiserver/bootstrap.ts";
import { KUBE_CONTROLLER_MANAGER, serviceAccountUser } from "../../apiserver/authentication/user.ts";
import { controllerServiceAccount } from "../service-accounts.ts";
import { defaultServiceAccount } from "../../apiserver/test-fixture.ts";

export const ADMIN: UserInfo = { name: "kubernetes-admin", groups: ["system:masters"] };
const TEST_ADMIN = ADMIN;

export interface ControllerFixture {
  readonly clock: SimClock;
  readonly api: ApiServer;
  readonly admin: Client;
  readonly informers: SharedInformerFactory;
  readonly manager: ControllerManager;
  readonly controllers: readonly Controller[];
  readonly epochMs: number;
  /** Delivers watch events and runs the controllers until nothing is left to do. */
  settle(): void;
  /** Moves simulated time forward in 100 ms steps, settling after each. */
  advance(ms: number): void;
  /** "Reason: message" of every event, oldest first, " (xN)" when merged N times; optionally of one object only. */
  events(involvedName?: string): string[];
  pods(namespace?: string): Pod[];
  /** What a kubelet would do: bind the pod (if needed), then report it Running and Ready now. */
  markReady(pod: Pod | string, node?: string): void;
  /** What a kubelet does once a terminating pod has stopped: delete it for good. */
  finishTerminating(): number;
  now(): string;
}

export function must<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.status.message);
  return r.object;
}

/** Event names end in UnixNano hex plus a sequence number, so they sort in creation order. */
function eventOrder(e: Event): bigint {
  return BigInt(`0x${e.metadata.name!.slice(e.metadata.name!.lastIndexOf(".") + 1)}`);
}

/** `rateLimit` gives each controller's client a token bucket, as kube-controller-manager does. */
export function newControllerFixture(factories: readonly (readonly [string, ControllerFactory])[], seed = 1, rateLimit?: RateLimit): ControllerFixture {
  const clock = new SimClock();
  const etcd = new EtcdCluster(clock);
  const rng = new RngStreams(seed);
  const epochMs = DEFAULT_EPOCH_MS;
  const api = newApiServer({
    etcd,
    clock,
    ids: newIdSource(rng.stream("apiserver")),
    epochMs,
  });
  bootstrapApiServer(api, ["default"]);
  const admin = new Client(api, TEST_ADMIN);
  must(admin.create("serviceaccounts", "default", defaultServiceAccount("default")));
  const informers = new SharedInformerFactory(new Client(api, { name: KUBE_CONTROLLER_MANAGER }, { protobuf: true }));
  const sequence: EventNameSequence = { next: 0 };
  const controllerRng = rng.stream("controllers");
  const limiters = new Map<Controller, TokenBucketRateLimiter>();
  const controllers = factories.map(([name, factory]) => {
    const rateLimiter = rateLimit === undefined ? undefined : new TokenBucketRateLimiter(rateLimit, clock);
    const client = new Client(api, serviceAccountUser("kube-system", controllerServiceAccount(name)), { protobuf: true, rateLimiter });
    const controller = factory({
      client,
      informers,
      recorder: newEventRecorder({ component: name, client: client.withoutRateLimiter(), clock, epochMs, sequence }),
      clock,
      rng: controllerRng,
      epochMs,
    });
    if (rateLimiter !== undefined) limiters.set(controller, rateLimiter);
    return controller;
  });
  const manager = new ControllerManager(controllers, limiters);
  informers.start();

  const settle = (): void => {
    for (let round = 0; round < 1000; round++) {
      const work = api.dispatchWatches() + manager.runOnce();
      if (work === 0 && !api.hasPendingWatchEvents()) return;
    }
    throw new Error("controllers did not settle within 1000 rounds");
  };

  const pods = (namespace = "default"): Pod[] => [...must(api.list(ADMIN, "pods", namespace)).items];

  return {
    clock,
    api,
    admin,
    informers,
    manager,
    controllers,
    epochMs,
    settle,
    advance(ms) {
      const end = clock.now + ms;
      while (clock.now < end) {
        clock.advanceTo(Math.min(end, clock.now + STEP_MS));
        settle();
      }
    },
    events(involvedName) {
      return [...must(api.list(ADMIN, "events")).items]
        .filter((e) => involvedName === undefined || e.involvedObject.name === involvedName)
        .sort((a, b) => (eventOrder(a) < eventOrder(b) ? -1 : 1))
        .map((e) => (e.count > 1 ? `${e.reason}: ${e.message} (x${e.count})` : `${e.reason}: ${e.message}`));
    },
    pods,
    markReady(podOrName, node = "node-1") {
      const name = typeof podOrName === "string" ? podOrName : podOrName.metadata.name!;
      let pod = must(api.get(ADMIN, "pods", "default", name));
      if (!pod.spec.nodeName) pod = must(admin.bind("default", name, node));
      const now = rfc3339(epochMs, clock.now);
      const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== "Ready");
      conditions.push({ type: "Ready", status: "True", lastProbeTime: null, lastTransitionTime: now });
      must(admin.patchStatus("pods", "default", name, { status: { phase: "Running", conditions } }));
    },
    finishTerminating() {
      let n = 0;
      for (const pod of pods()) {
        if (pod.metadata.deletionTimestamp === undefined) continue;
        must(admin.delete("pods", "default", pod.metadata.name!, { gracePeriodSeconds: 0 }));
        n++;
      }
      return n;
    },
    now: () => rfc3339(epochMs, clock.now),
  };
}
