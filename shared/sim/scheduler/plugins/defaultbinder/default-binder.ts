// DefaultBinder: binds through the API, POST pods/<name>/binding, the only way a
// scheduler places a pod. An API error becomes an Error status, so the pod is
// forgotten from the cache and retried after backoff.

import type { Pod } from "../../../api/core-v1.ts";
import type { DeepReadonly } from "../../../api/meta.ts";
import type { Client } from "../../../clientgo/client.ts";
import type { CycleState } from "../../framework/cycle-state.ts";
import type { BindPlugin, PluginFactory } from "../../framework/interface.ts";
import { asStatus, type Status } from "../../framework/status.ts";
import { Names } from "../names.ts";

export const Name = Names.DefaultBinder;

export class DefaultBinder implements BindPlugin {
  readonly name = Name;
  readonly #client: Client;

  constructor(client: Client) {
    this.#client = client;
  }

  bind(_state: CycleState, pod: DeepReadonly<Pod>, nodeName: string): Status | undefined {
    const res = this.#client.bind(pod.metadata.namespace!, pod.metadata.name!, nodeName);
    return res.ok ? undefined : asStatus(res.status.message);
  }
}

export const newDefaultBinder: PluginFactory = (handle) => new DefaultBinder(handle.client);
