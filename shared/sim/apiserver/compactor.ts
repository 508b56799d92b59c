// kube-apiserver's etcd compactor (staging/src/k8s.io/apiserver/pkg/storage/etcd3/compact.go),
// started with the API server's storage: every --etcd-compaction-interval it
// compacts etcd to the revision it saw one interval earlier, so watches and
// reads may reach back one to two intervals. The first round only records the
// revision ("we don't compact on bootstrap").
//
// Upstream also writes compact_rev_key so that several API servers take turns;
// with one API server that key would only add a write per interval, so it is
// left out.

import type { EtcdClient } from "../etcd/kv.ts";
import type { SimClock } from "../kernel/clock.ts";

/** --etcd-compaction-interval (storagebackend.DefaultCompactInterval). */
export const ETCD_COMPACTION_INTERVAL_MS = 5 * 60_000;

export function startCompactor(etcd: EtcdClient, clock: SimClock, intervalMs = ETCD_COMPACTION_INTERVAL_MS): void {
  let seen = 0;
  const round = (): void => {
    const target = seen;
    const status = etcd.status();
    if (status.ok) seen = status.revision;
    // A failed compaction (no quorum; nothing written since the last one) is retried at the next round, as upstream logs and goes on.
    if (target > 0) etcd.compact(target);
    clock.after(intervalMs, round);
  };
  clock.after(intervalMs, round);
}
