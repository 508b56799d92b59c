// Finding pods by what a player types: a name, part of one, a namespace, or
// namespace/name. Exact names come first, then names that start with the
// text, then the rest, each group in namespace/name order.

import type { PodView } from "../../server/rooms/schema/cluster-state.ts";

export interface PodMatch {
  readonly key: string;
  readonly pod: PodView;
}

export function findPods(pods: readonly PodView[], query: string): PodMatch[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [];
  const ranked: Array<{ rank: number; key: string; pod: PodView }> = [];
  for (const pod of pods) {
    const key = `${pod.namespace}/${pod.name}`;
    const name = pod.name.toLowerCase();
    const rank = name === q || key.toLowerCase() === q ? 0 : name.startsWith(q) ? 1 : pod.namespace.toLowerCase() === q ? 2 : key.toLowerCase().includes(q) ? 3 : -1;
    if (rank >= 0) ranked.push({ rank, key, pod });
  }
  ranked.sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ranked.map(({ key, pod }) => ({ key, pod }));
}
