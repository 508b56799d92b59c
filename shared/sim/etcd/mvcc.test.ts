import { describe, expect, it } from "vitest";
import { ERR_COMPACTED, ERR_FUTURE_REV, EtcdError, MvccStore } from "./mvcc.ts";

const keysOf = (r: { kvs: readonly { key: string }[] }) => r.kvs.map((kv) => kv.key);

describe("MvccStore revisions", () => {
  it("starts at revision 1 with an empty key space", () => {
    const s = new MvccStore();
    expect(s.revision).toBe(1);
    expect(s.keyCount).toBe(0);
    expect(s.compactRevision).toBe(0);
    expect(s.range("/")).toEqual({ kvs: [], revision: 1 });
  });

  it("bumps the revision by one per write", () => {
    const s = new MvccStore();
    expect(s.put("/a", 1).revision).toBe(2);
    expect(s.put("/b", 2).revision).toBe(3);
    expect(s.put("/a", 3).revision).toBe(4);
    expect(s.delete("/b").revision).toBe(5);
    expect(s.revision).toBe(5);
  });

  it("tracks create revision, mod revision and version per key", () => {
    const s = new MvccStore();
    s.put("/other", 0);
    const first = s.put("/a", "v1");
    expect(first.kv).toEqual({ key: "/a", value: "v1", createRevision: 3, modRevision: 3, version: 1, lease: 0 });
    expect(first.prevKv).toBeUndefined();
    const second = s.put("/a", "v2");
    expect(second.kv).toEqual({ key: "/a", value: "v2", createRevision: 3, modRevision: 4, version: 2, lease: 0 });
    expect(second.prevKv).toBe(first.kv);
    expect(s.get("/a")).toBe(second.kv);
  });

  it("starts a key afresh after a delete", () => {
    const s = new MvccStore();
    s.put("/a", 1);
    s.put("/a", 2);
    s.delete("/a");
    const again = s.put("/a", 3);
    expect(again.kv).toMatchObject({ createRevision: 5, modRevision: 5, version: 1, lease: 0 });
  });

  it("does not bump the revision when deleting a missing key", () => {
    const s = new MvccStore();
    s.put("/a", 1);
    expect(s.delete("/missing")).toEqual({ revision: 2 });
    expect(s.revision).toBe(2);
    expect(s.eventsSince(0)).toHaveLength(1);
  });
});

describe("MvccStore deletes", () => {
  it("leaves a tombstone event carrying the last value", () => {
    const s = new MvccStore();
    const put = s.put("/a", "last");
    const del = s.delete("/a");
    expect(del).toEqual({ revision: 3, prevKv: put.kv });
    expect(s.get("/a")).toBeUndefined();
    expect(s.keyCount).toBe(0);
    expect(s.eventAt(3)).toEqual({ type: "DELETE", revision: 3, kv: { key: "/a", value: "last", createRevision: 0, modRevision: 3, version: 0, lease: 0 }, prevKv: put.kv });
  });
});

describe("MvccStore ranges", () => {
  it("returns every key under a prefix in key order", () => {
    const s = new MvccStore();
    for (const k of ["/registry/pods/default/web-2", "/registry/pods/default/web-10", "/registry/pods/kube-system/dns", "/registry/minions/n1", "/registry/pods/default/web-1"]) s.put(k, k);
    expect(keysOf(s.range("/registry/pods/default/"))).toEqual(["/registry/pods/default/web-1", "/registry/pods/default/web-10", "/registry/pods/default/web-2"]);
    expect(keysOf(s.range("/registry/pods/"))).toHaveLength(4);
    expect(keysOf(s.range("/registry/"))[0]).toBe("/registry/minions/n1");
    expect(s.range("/registry/pods/").revision).toBe(6);
    expect(s.range("/nothing/").kvs).toEqual([]);
  });

  it("does not list a prefix's neighbours", () => {
    const s = new MvccStore();
    s.put("/registry/pods/default/a", 1);
    s.put("/registry/pods/defaults/b", 2);
    expect(keysOf(s.range("/registry/pods/default/"))).toEqual(["/registry/pods/default/a"]);
  });

  it("reads the key space as it was at a past revision", () => {
    const s = new MvccStore();
    s.put("/k/a", "a1"); // 2
    s.put("/k/b", "b1"); // 3
    s.put("/k/a", "a2"); // 4
    s.delete("/k/b"); // 5
    s.put("/k/c", "c1"); // 6
    const at = (rev: number) => s.range("/k/", rev).kvs.map((kv) => `${kv.key}=${String(kv.value)}@${kv.modRevision}`);
    expect(at(1)).toEqual([]);
    expect(at(2)).toEqual(["/k/a=a1@2"]);
    expect(at(3)).toEqual(["/k/a=a1@2", "/k/b=b1@3"]);
    expect(at(4)).toEqual(["/k/a=a2@4", "/k/b=b1@3"]);
    expect(at(5)).toEqual(["/k/a=a2@4"]);
    expect(at(6)).toEqual(["/k/a=a2@4", "/k/c=c1@6"]);
    expect(s.range("/k/", 3).revision).toBe(3);
  });

  it("reads the current revision when asked for revision 0, as etcd does", () => {
    const s = new MvccStore();
    s.put("/a", 1);
    expect(s.range("/", 0)).toEqual(s.range("/"));
  });

  it("refuses a future revision", () => {
    const s = new MvccStore();
    s.put("/a", 1);
    expect(() => s.range("/", 3)).toThrow(new EtcdError(ERR_FUTURE_REV));
    expect(ERR_FUTURE_REV).toBe("etcdserver: mvcc: required revision is a future revision");
  });
});

describe("MvccStore history", () => {
  it("lists events from a revision on, in order", () => {
    const s = new MvccStore();
    s.put("/a", 1); // 2
    s.put("/b", 1); // 3
    s.put("/a", 2); // 4
    s.delete("/b"); // 5
    expect(s.eventsSince(4).map((e) => [e.type, e.revision, e.kv.key])).toEqual([
      ["PUT", 4, "/a"],
      ["DELETE", 5, "/b"],
    ]);
    expect(s.eventsSince(0).map((e) => e.revision)).toEqual([2, 3, 4, 5]);
    expect(s.eventsSince(6)).toEqual([]);
  });

  it("finds the event at a revision, with the previous value", () => {
    const s = new MvccStore();
    s.put("/a", "old");
    s.put("/a", "new");
    const ev = s.eventAt(3)!;
    expect(ev.type).toBe("PUT");
    expect(ev.kv.value).toBe("new");
    expect(ev.prevKv?.value).toBe("old");
    expect(s.eventAt(1)).toBeUndefined();
    expect(s.eventAt(4)).toBeUndefined();
  });
});

describe("MvccStore compaction", () => {
  const store = () => {
    const s = new MvccStore();
    for (let i = 0; i < 10; i++) s.put(`/k/${i % 3}`, i); // revisions 2..11
    return s;
  };

  it("drops history below the compacted revision", () => {
    const s = store();
    s.compact(6);
    expect(s.compactRevision).toBe(6);
    expect(s.eventAt(5)).toBeUndefined();
    expect(s.eventAt(6)?.revision).toBe(6);
    expect(s.eventsSince(6).map((e) => e.revision)).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it("keeps the key space at the compacted revision readable, and nothing older", () => {
    const s = store();
    const before = s.range("/k/", 6);
    s.compact(6);
    expect(s.range("/k/", 6)).toEqual(before);
    expect(() => s.range("/k/", 5)).toThrow(ERR_COMPACTED);
    expect(() => s.eventsSince(5)).toThrow(ERR_COMPACTED);
    expect(s.range("/k/").kvs).toHaveLength(3);
  });

  it("fails with etcd's exact errors", () => {
    const s = store();
    s.compact(6);
    expect(ERR_COMPACTED).toBe("etcdserver: mvcc: required revision has been compacted");
    expect(() => s.compact(6)).toThrow(new EtcdError(ERR_COMPACTED));
    expect(() => s.compact(4)).toThrow(ERR_COMPACTED);
    expect(() => s.compact(12)).toThrow(new EtcdError(ERR_FUTURE_REV));
    s.compact(11); // the current revision may be compacted
    expect(s.compactRevision).toBe(11);
    expect(s.eventsSince(11)).toHaveLength(1);
  });

  it("keeps revisions counting and history growing after compaction", () => {
    const s = store();
    s.compact(8);
    expect(s.put("/k/new", 1).revision).toBe(12);
    expect(s.eventAt(12)?.kv.key).toBe("/k/new");
    expect(s.eventsSince(8).map((e) => e.revision)).toEqual([8, 9, 10, 11, 12]);
    s.compact(12);
    expect(s.eventsSince(12).map((e) => e.revision)).toEqual([12]);
  });

  it("throws EtcdError, an Error", () => {
    const s = store();
    s.compact(6);
    try {
      s.eventsSince(2);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EtcdError);
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).message).toBe(ERR_COMPACTED);
    }
  });
});

describe("MvccStore at size", () => {
  it("ranges over a prefix spanning groups of 200,000 keys (a 30,000-pod cluster's events) without overflowing the stack", () => {
    const s = new MvccStore();
    for (let i = 0; i < 200_000; i++) s.put(`/registry/events/default/e-${i}`, i);
    s.put("/registry/pods/default/p", 0);
    const got = s.range("/registry/");
    expect(got.kvs).toHaveLength(200_001);
    expect(got.kvs.at(-1)!.key).toBe("/registry/pods/default/p");
  });
});
