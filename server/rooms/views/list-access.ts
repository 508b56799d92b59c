// What one player may list, asked of the API server as that player: a
// SelfSubjectAccessReview through their own Client (the observer cannot
// impersonate, and should not need to), as `kubectl auth can-i list pods -n NS`
// would. Answers are kept until an RBAC object is written (the API server's
// rbacGeneration), so a view decides per pod with a map lookup.

import type { Client } from "../../../shared/sim/clientgo/client.ts";

/** The resources a view filters on, with their API groups. */
const GROUPS = { pods: "", deployments: "apps" } as const;
export type ListedResource = keyof typeof GROUPS;

export class ListAccess {
  readonly #client: Client;
  readonly #generation: () => number;
  #seenGeneration: number;
  /** "resource/namespace" ("" namespace: all namespaces) → allowed. */
  readonly #answers = new Map<string, boolean>();

  constructor(client: Client, rbacGeneration: () => number) {
    this.#client = client;
    this.#generation = rbacGeneration;
    this.#seenGeneration = rbacGeneration();
  }

  /** Drops the answers if RBAC changed since the last call; true when it did (answers may differ now). */
  refresh(): boolean {
    const generation = this.#generation();
    if (generation === this.#seenGeneration) return false;
    this.#seenGeneration = generation;
    this.#answers.clear();
    return true;
  }

  /** May the player list `resource` in `namespace` ("" asks about all namespaces, as --all-namespaces does)? */
  mayList(resource: ListedResource, namespace: string): boolean {
    const key = `${resource}/${namespace}`;
    let allowed = this.#answers.get(key);
    if (allowed === undefined) {
      const review = this.#client.selfSubjectAccessReview({ resourceAttributes: { verb: "list", group: GROUPS[resource], resource, namespace } });
      // A refused review (the player may not even ask) answers no.
      allowed = review.ok && review.object.allowed;
      this.#answers.set(key, allowed);
    }
    return allowed;
  }

  /**
   * The player's own namespaces: where RBAC grants them pods, short of the whole
   * cluster. A cluster-wide reader (a sandbox's cluster-admin) owns none, or
   * every pod of a 30,000-pod cluster would be "theirs".
   */
  ownsPodsIn(namespace: string): boolean {
    return !this.mayList("pods", "") && this.mayList("pods", namespace);
  }
}
