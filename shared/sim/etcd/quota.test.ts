import { describe, expect, it } from "vitest";
import { SimClock } from "../kernel/clock.ts";
import { DEFAULT_QUOTA_BACKEND_BYTES, EtcdCluster } from "./etcd.ts";
import { ERR_NO_SPACE, type EtcdResult } from "./kv.ts";
import { KV_OVERHEAD } from "./mvcc.ts";

function ok<T>(r: EtcdResult<T>): T {
  if (!r.ok) throw new Error(`unexpected etcd error: ${r.error}`);
  return r;
}

/** A put of exactly `bytes` as the quota counts it (key "/k" + value). */
const sized = (bytes: number): string => "x".repeat(bytes - KV_OVERHEAD - 2 - 2);

describe("--quota-backend-bytes", () => {
  it("defaults to 2 GiB, as etcd's 0 does", () => {
    expect(new EtcdCluster(new SimClock()).quotaBackendBytes).toBe(DEFAULT_QUOTA_BACKEND_BYTES);
    expect(new EtcdCluster(new SimClock(), { quotaBackendBytes: 0 }).quotaBackendBytes).toBe(2 * 1024 ** 3);
  });

  it("counts every version kept, history included, until a compaction drops the superseded ones", () => {
    const etcd = new EtcdCluster(new SimClock());
    ok(etcd.put("/k", sized(1000)));
    expect(etcd.dbSize).toBe(1000);
    ok(etcd.put("/k", sized(1000)));
    expect(etcd.dbSize).toBe(2000);
    const deleted = etcd.delete("/k") as { revision: number };
    expect(etcd.dbSize).toBe(2000 + KV_OVERHEAD + 2);
    ok(etcd.compact(deleted.revision));
    // The first version, superseded at 3, is gone; the second (superseded by the delete at 4) and the tombstone stay.
    expect(etcd.dbSize).toBe(1000 + KV_OVERHEAD + 2);
    ok(etcd.put("/other", ""));
    ok(etcd.compact(deleted.revision + 1));
    expect(etcd.dbSize).toBe(KV_OVERHEAD + 6 + 2);
  });

  it("refuses a write past the quota with etcd's error, raises NOSPACE, and then serves only reads and deletes", () => {
    const etcd = new EtcdCluster(new SimClock(), { quotaBackendBytes: 3000 });
    ok(etcd.put("/k", sized(1000)));
    ok(etcd.put("/j", sized(1000)));
    expect(etcd.alarms()).toEqual([]);
    expect(etcd.put("/i", sized(1000))).toEqual({ ok: false, error: ERR_NO_SPACE });
    expect(ERR_NO_SPACE).toBe("etcdserver: mvcc: database space exceeded");
    expect(etcd.alarms()).toEqual([{ memberID: etcd.members[0]!.id, alarm: "NOSPACE" }]);
    // Even a small write waits for the alarm to be disarmed; a lease too.
    expect(etcd.put("/tiny", "")).toEqual({ ok: false, error: ERR_NO_SPACE });
    expect(etcd.grant(60)).toEqual({ ok: false, error: ERR_NO_SPACE });
    expect(ok(etcd.range("/k")).kvs).toHaveLength(1);
    expect(ok(etcd.delete("/k")).deleted).toBe(1);
  });
});
