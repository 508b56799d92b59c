// A bare API server for the foundation's tests: etcd, the simulated clock, the
// registry and the default admission chain, with the "default" namespace and its
// default ServiceAccount made,
// plus small builders for the objects the tests write.

import type { Deployment } from "../api/apps-v1.ts";
import type { Container, Namespace, Pod, ServiceAccount } from "../api/core-v1.ts";
import type { KubeObject } from "../api/meta.ts";
import { EtcdCluster } from "../etcd/etcd.ts";
import { SimClock } from "../kernel/clock.ts";
import { newIdSource } from "../kernel/ids.ts";
import { RngStreams } from "../kernel/rng.ts";
import { DEFAULT_EPOCH_MS } from "../kernel/time.ts";
import type { ApiServer } from "./apiserver.ts";
import type { ApiResult } from "./errors.ts";
import type { UserInfo, WatchEvent } from "./types.ts";
import { newApiServer } from "./new-apiserver.ts";

export const ADMIN: UserInfo = { name: "kubernetes-admin", groups: ["system:masters"] };

export interface TestApiServer {
  readonly api: ApiServer;
  readonly clock: SimClock;
  readonly etcd: EtcdCluster;
  readonly epochMs: number;
}

export function newTestApiServer(seed = 1): TestApiServer {
  const clock = new SimClock();
  const etcd = new EtcdCluster(clock);
  const rng = new RngStreams(seed);
  const api = newApiServer({
    etcd,
    clock,
    ids: newIdSource(rng.stream("apiserver")),
    epochMs: DEFAULT_EPOCH_MS,
  });
  must(api.create(ADMIN, "namespaces", undefined, namespace("default")));
  must(api.create(ADMIN, "serviceaccounts", "default", defaultServiceAccount("default")));
  return { api, clock, etcd, epochMs: DEFAULT_EPOCH_MS };
}

/** The object of a successful result; throws (a test bug) otherwise. */
export function must<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`unexpected API error: ${r.status.message}`);
  return r.object;
}

/** The account the serviceaccount controller makes in every namespace (no controller runs here). */
export function defaultServiceAccount(namespace: string): ServiceAccount {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace } };
}

export function namespace(name: string): Namespace {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name } };
}

export function pod(name: string, extra: Partial<Pod["spec"]> = {}, meta: Partial<Pod["metadata"]> = {}): Pod {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, ...meta }, spec: { containers: [container()], ...extra } };
}

export function container(name = "web", image = "nginx:1.27", extra: Partial<Container> = {}): Container {
  return { name, image, ...extra };
}

/** What `kubectl create deployment web --image=nginx:1.27` sends. */
export function deployment(name = "web", image = "nginx:1.27"): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: image.split(/[:@]/)[0]!.split("/").at(-1)!, image, resources: {} }] } },
      strategy: {},
    },
  };
}

/** Records what a watch delivers, as compact strings ("ADDED default/web rv=3"). */
export function recorder(): { events: WatchEvent[]; lines: string[]; handler: (ev: WatchEvent) => void } {
  const events: WatchEvent[] = [];
  const lines: string[] = [];
  return {
    events,
    lines,
    handler: (ev) => {
      events.push(ev);
      const o = ev.object as KubeObject;
      lines.push(`${ev.type} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ""}${o.metadata.name} rv=${o.metadata.resourceVersion}`);
    },
  };
}
