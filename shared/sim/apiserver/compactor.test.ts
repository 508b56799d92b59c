import { describe, expect, it } from "vitest";
import { ETCD_COMPACTION_INTERVAL_MS } from "./compactor.ts";
import { ADMIN, must, newTestApiServer, pod } from "./test-fixture.ts";

describe("the API server's etcd compactor (--etcd-compaction-interval)", () => {
  it("runs every 5 minutes", () => {
    expect(ETCD_COMPACTION_INTERVAL_MS).toBe(300_000);
  });

  it("compacts to the revision it saw one interval earlier, never on its first round", () => {
    const { api, clock } = newTestApiServer();
    must(api.create(ADMIN, "pods", "default", pod("a")));
    const watchFrom = (rev: number) => {
      const r = api.watch(ADMIN, "pods", { sinceRevision: rev }, () => {});
      return r.ok ? "ok" : r.status.message;
    };
    clock.advanceTo(ETCD_COMPACTION_INTERVAL_MS);
    expect(watchFrom(1)).toBe("ok");
    const seen = api.revision;
    must(api.create(ADMIN, "pods", "default", pod("b")));
    clock.advanceTo(2 * ETCD_COMPACTION_INTERVAL_MS);
    expect(watchFrom(seen - 1)).toBe(`too old resource version: ${seen - 1} (${seen})`);
    expect(watchFrom(seen)).toBe("ok");
  });
});
