// The etcd cluster as the API server sees it. One member for now; a later issue
// grows this into a Raft group behind the same interface (writes fail without
// quorum, reads may be served by any member).

import { MvccStore } from "./mvcc.ts";

export interface EtcdMember {
  readonly name: string;
  readonly id: string;
  healthy: boolean;
}

export class EtcdCluster {
  readonly store = new MvccStore();
  readonly members: EtcdMember[];

  constructor(memberNames: readonly string[] = ["etcd-0"]) {
    this.members = memberNames.map((name, i) => ({ name, id: (0x8e9e05c52164694dn + BigInt(i)).toString(16), healthy: true }));
  }

  /** Whether a majority of voting members is up: without it no write commits. */
  hasQuorum(): boolean {
    const up = this.members.filter((m) => m.healthy).length;
    return up >= Math.floor(this.members.length / 2) + 1;
  }
}
