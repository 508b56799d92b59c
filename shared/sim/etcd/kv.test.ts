import { describe, expect, it } from "vitest";
import { SimClock } from "../kernel/clock.ts";
import { EtcdCluster } from "./etcd.ts";
import {
  ERR_COMPACTED,
  ERR_FUTURE_REV,
  ERR_LEASE_NOT_FOUND,
  ERR_TIMEOUT,
  ERR_TOO_MANY_OPS,
  compareModRevision,
  opDelete,
  opGet,
  opPut,
  type Compare,
  type EtcdResult,
  type WatchChan,
} from "./kv.ts";

function newEtcd(): { etcd: EtcdCluster; clock: SimClock } {
  const clock = new SimClock();
  return { etcd: new EtcdCluster(clock), clock };
}

function value<T>(r: EtcdResult<T>): T & { revision: number } {
  if (!r.ok) throw new Error(`unexpected etcd error: ${r.error}`);
  return r;
}

/** Every event a watch has waiting, as "PUT /a@2". */
function drain(w: WatchChan): string[] {
  const out: string[] = [];
  for (let ev = w.recv(); ev; ev = w.recv()) out.push(`${ev.type} ${ev.kv.key}@${ev.revision}`);
  return out;
}

describe("txn compares (OptimisticPut / OptimisticDelete)", () => {
  it("creates with If(ModRevision(key) = 0), and a second create finds the key through Else(Get)", () => {
    const { etcd } = newEtcd();
    const create = (v: string) => etcd.txn({ compare: [compareModRevision("/a", "=", 0)], success: [opPut("/a", v)], failure: [opGet("/a")] });
    expect(value(create("v1"))).toEqual({ ok: true, succeeded: true, revision: 2, responses: [{ type: "put", prevKv: undefined }] });
    const again = value(create("v2"));
    expect(again.succeeded).toBe(false);
    expect(again.revision).toBe(2); // a lost compare writes nothing
    expect(again.responses).toEqual([{ type: "range", kvs: [{ key: "/a", value: "v1", createRevision: 2, modRevision: 2, version: 1, lease: 0 }] }]);
  });

  it("updates and deletes only at the mod revision read", () => {
    const { etcd } = newEtcd();
    value(etcd.put("/a", "v1"));
    value(etcd.put("/a", "v2"));
    const update = (rev: number) => value(etcd.txn({ compare: [compareModRevision("/a", "=", rev)], success: [opPut("/a", `at ${rev}`)], failure: [] })).succeeded;
    expect(update(2)).toBe(false);
    expect(update(3)).toBe(true);
    const del = (rev: number) => value(etcd.txn({ compare: [compareModRevision("/a", "=", rev)], success: [opDelete("/a")], failure: [] }));
    expect(del(3).succeeded).toBe(false);
    expect(del(4)).toMatchObject({ succeeded: true, revision: 5, responses: [{ type: "delete", deleted: 1 }] });
    expect(value(etcd.range("/a")).kvs).toEqual([]);
  });

  const cases: { name: string; compare: Omit<Compare, "key">; holds: boolean }[] = [
    { name: "mod = 3", compare: { target: "mod", result: "=", value: 3 }, holds: true },
    { name: "mod != 3", compare: { target: "mod", result: "!=", value: 3 }, holds: false },
    { name: "mod > 2", compare: { target: "mod", result: ">", value: 2 }, holds: true },
    { name: "mod < 3", compare: { target: "mod", result: "<", value: 3 }, holds: false },
    { name: "create = 2", compare: { target: "create", result: "=", value: 2 }, holds: true },
    { name: "version = 2", compare: { target: "version", result: "=", value: 2 }, holds: true },
    { name: "version > 2", compare: { target: "version", result: ">", value: 2 }, holds: false },
  ];
  for (const c of cases) {
    it(`compares a key put twice (revisions 2 and 3): ${c.name}`, () => {
      const { etcd } = newEtcd();
      etcd.put("/a", 1);
      etcd.put("/a", 2);
      expect(value(etcd.txn({ compare: [{ key: "/a", ...c.compare }], success: [], failure: [] })).succeeded).toBe(c.holds);
    });
  }

  it("sees a missing key at revision 0, version 0", () => {
    const { etcd } = newEtcd();
    const missing = (target: Compare["target"]) => value(etcd.txn({ compare: [{ key: "/none", target, result: "=", value: 0 }], success: [], failure: [] })).succeeded;
    expect([missing("mod"), missing("create"), missing("version")]).toEqual([true, true, true]);
  });

  it("refuses two writes in one branch: each write here is its own revision", () => {
    const { etcd } = newEtcd();
    expect(etcd.txn({ compare: [], success: [opPut("/a", 1), opDelete("/b")], failure: [] })).toEqual({ ok: false, error: ERR_TOO_MANY_OPS });
    expect(value(etcd.status()).revision).toBe(1);
  });
});

describe("quorum", () => {
  it("answers writes, compactions, grants and linearizable reads with etcd's timeout; serializable reads, status and watches still work", () => {
    const { etcd } = newEtcd();
    etcd.put("/a", 1);
    const w = etcd.watch("/", { prefix: true, startRevision: 1 });
    etcd.members[0]!.healthy = false;
    const timedOut = { ok: false, error: ERR_TIMEOUT };
    expect(ERR_TIMEOUT).toBe("etcdserver: request timed out");
    expect(etcd.put("/b", 2)).toEqual(timedOut);
    expect(etcd.delete("/a")).toEqual(timedOut);
    expect(etcd.txn({ compare: [], success: [], failure: [] })).toEqual(timedOut);
    expect(etcd.compact(2)).toEqual(timedOut);
    expect(etcd.grant(60)).toEqual(timedOut);
    expect(etcd.range("/a")).toEqual(timedOut);
    expect(value(etcd.range("/a", { serializable: true })).kvs.map((kv) => kv.value)).toEqual([1]);
    expect(etcd.status()).toEqual({ ok: true, revision: 2 });
    expect(drain(w)).toEqual(["PUT /a@2"]);
  });
});

describe("range", () => {
  it("reads one key or a prefix, now or at an older revision", () => {
    const { etcd } = newEtcd();
    etcd.put("/r/b", "b1");
    etcd.put("/r/a", "a1");
    etcd.put("/r/b", "b2");
    etcd.put("/rb", "other");
    expect(value(etcd.range("/r/", { prefix: true })).kvs.map((kv) => `${kv.key}=${kv.value}`)).toEqual(["/r/a=a1", "/r/b=b2"]);
    expect(value(etcd.range("/r/b", { revision: 3 })).kvs.map((kv) => kv.value)).toEqual(["b1"]);
    expect(value(etcd.range("/r/", { prefix: true, revision: 2 }))).toMatchObject({ revision: 2, kvs: [{ key: "/r/b", value: "b1" }] });
    expect(value(etcd.range("/r/b")).revision).toBe(5);
  });
});

describe("compaction", () => {
  const cases: { name: string; run: (etcd: EtcdCluster) => EtcdResult<unknown>; error: string }[] = [
    { name: "compacting to the compacted revision again", run: (etcd) => etcd.compact(3), error: ERR_COMPACTED },
    { name: "compacting below it", run: (etcd) => etcd.compact(2), error: ERR_COMPACTED },
    { name: "compacting past the current revision", run: (etcd) => etcd.compact(5), error: ERR_FUTURE_REV },
    { name: "reading below the compacted revision", run: (etcd) => etcd.range("/a", { revision: 2 }), error: ERR_COMPACTED },
    { name: "reading a prefix below it", run: (etcd) => etcd.range("/", { prefix: true, revision: 2 }), error: ERR_COMPACTED },
    { name: "reading a future revision", run: (etcd) => etcd.range("/a", { revision: 9 }), error: ERR_FUTURE_REV },
  ];
  for (const c of cases) {
    it(`refuses ${c.name} (revision 4, compacted at 3)`, () => {
      const { etcd } = newEtcd();
      for (const v of [1, 2, 3]) etcd.put("/a", v);
      expect(value(etcd.compact(3)).revision).toBe(4);
      expect(c.run(etcd)).toEqual({ ok: false, error: c.error });
    });
  }

  it("keeps the compacted revision itself readable", () => {
    const { etcd } = newEtcd();
    for (const v of [1, 2, 3]) etcd.put("/a", v);
    etcd.compact(3);
    expect(value(etcd.range("/a", { revision: 3 })).kvs.map((kv) => kv.value)).toEqual([2]);
  });
});

describe("watch from a revision", () => {
  it("sends every write from the start revision on, in order, filtered by key or prefix", () => {
    const { etcd } = newEtcd();
    etcd.put("/p/a", 1);
    etcd.put("/q", 1);
    etcd.put("/p/b", 1);
    const prefix = etcd.watch("/p/", { prefix: true, startRevision: 3 });
    const key = etcd.watch("/q", { startRevision: 1 });
    etcd.delete("/p/a");
    expect(drain(prefix)).toEqual(["PUT /p/b@4", "DELETE /p/a@5"]);
    expect(drain(key)).toEqual(["PUT /q@3"]);
  });

  it("holds events until received, and from start revision 0 sends only later writes", () => {
    const { etcd } = newEtcd();
    etcd.put("/a", 1);
    const w = etcd.watch("/a", { startRevision: 0 });
    expect(w.pending()).toBe(false);
    etcd.put("/a", 2);
    expect(w.pending()).toBe(true);
    const ev = w.recv()!;
    expect(ev).toMatchObject({ type: "PUT", revision: 3, kv: { value: 2 }, prevKv: { value: 1 } });
    expect(w.pending()).toBe(false);
  });

  it("cancels a watch from a compacted revision with the compact revision, and allows the compacted revision itself", () => {
    const { etcd } = newEtcd();
    for (const v of [1, 2, 3]) etcd.put("/a", v);
    etcd.compact(3);
    const old = etcd.watch("/a", { startRevision: 2 });
    expect(old.compactRevision).toBe(3);
    expect(old.recv()).toBeUndefined();
    const at = etcd.watch("/a", { startRevision: 3 });
    expect(at.compactRevision).toBe(0);
    expect(drain(at)).toEqual(["PUT /a@3", "PUT /a@4"]);
  });

  it("cancels a watch that fell behind a compaction", () => {
    const { etcd } = newEtcd();
    const w = etcd.watch("/", { prefix: true, startRevision: 2 });
    for (const v of [1, 2, 3]) etcd.put("/a", v);
    etcd.compact(4);
    expect(w.recv()).toBeUndefined();
    expect(w.compactRevision).toBe(4);
  });

  it("sends nothing once canceled", () => {
    const { etcd } = newEtcd();
    const w = etcd.watch("/a", { startRevision: 0 });
    w.cancel();
    etcd.put("/a", 1);
    expect(w.pending()).toBe(false);
    expect(w.recv()).toBeUndefined();
  });
});

describe("leases", () => {
  it("deletes a key when the lease of its latest put runs out", () => {
    const { etcd, clock } = newEtcd();
    const lease = value(etcd.grant(60));
    expect(lease).toMatchObject({ id: 1, ttl: 60 });
    value(etcd.put("/e", "event", { lease: lease.id }));
    expect(value(etcd.range("/e")).kvs[0]!.lease).toBe(1);
    clock.advanceTo(59_999);
    expect(value(etcd.range("/e")).kvs).toHaveLength(1);
    clock.advanceTo(60_000);
    expect(value(etcd.range("/e")).kvs).toEqual([]);
    expect(value(etcd.status()).revision).toBe(3);
  });

  it("leaves a key a later put moved to another lease, or to none", () => {
    const { etcd, clock } = newEtcd();
    const first = value(etcd.grant(60)).id;
    etcd.put("/moved", 1, { lease: first });
    etcd.put("/kept", 1, { lease: first });
    etcd.put("/moved", 2, { lease: value(etcd.grant(120)).id });
    etcd.put("/kept", 2);
    clock.advanceTo(60_000);
    expect(value(etcd.range("/", { prefix: true })).kvs.map((kv) => kv.key)).toEqual(["/kept", "/moved"]);
    clock.advanceTo(120_000);
    expect(value(etcd.range("/", { prefix: true })).kvs.map((kv) => kv.key)).toEqual(["/kept"]);
  });

  it("refuses a put with a lease it never granted, or one already expired", () => {
    const { etcd, clock } = newEtcd();
    expect(etcd.put("/a", 1, { lease: 7 })).toEqual({ ok: false, error: ERR_LEASE_NOT_FOUND });
    const id = value(etcd.grant(1)).id;
    clock.advanceTo(1000);
    expect(etcd.put("/a", 1, { lease: id })).toEqual({ ok: false, error: ERR_LEASE_NOT_FOUND });
    expect(value(etcd.status()).revision).toBe(1);
  });
});
