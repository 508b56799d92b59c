// A player's kubeconfig (client-go's clientcmdapi.Config, reduced to what the
// console uses): one cluster, the player's user, their contexts and the
// current one. The session keeps one per user; its current context's
// namespace is where commands without -n act, as with a real kubeconfig.

import type { UserInfo } from "../sim/apiserver/types.ts";
import { CONTROL_PLANE_URL } from "./cmd/info.ts";

export interface KubeconfigContext {
  readonly name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

export interface Kubeconfig {
  readonly clusters: readonly { readonly name: string; readonly server: string }[];
  /** Users authenticate with kubeadm-style client certificates. */
  readonly users: readonly { readonly name: string }[];
  readonly contexts: KubeconfigContext[];
  currentContext: string;
}

/** kubeadm's cluster name, and its admin.conf context naming: USER@CLUSTER. */
export const CLUSTER_NAME = "kubernetes";

/** The kubeconfig a player starts with: their user, one context, namespace unset ("default"). */
export function newKubeconfig(user: UserInfo): Kubeconfig {
  const context = `${user.name}@${CLUSTER_NAME}`;
  return {
    clusters: [{ name: CLUSTER_NAME, server: CONTROL_PLANE_URL }],
    users: [{ name: user.name }],
    contexts: [{ name: context, cluster: CLUSTER_NAME, user: user.name }],
    currentContext: context,
  };
}

export function findContext(cfg: Kubeconfig, name: string): KubeconfigContext | undefined {
  return cfg.contexts.find((c) => c.name === name);
}

/** The namespace of the current (or the named) context; "default" when it sets none. */
export function contextNamespace(cfg: Kubeconfig | undefined, name?: string): string {
  if (!cfg) return "default";
  return findContext(cfg, name ?? cfg.currentContext)?.namespace || "default";
}
