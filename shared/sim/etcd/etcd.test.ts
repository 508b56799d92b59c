import { describe, expect, it } from "vitest";
import { SimClock } from "../kernel/clock.ts";
import { EtcdCluster } from "./etcd.ts";

describe("EtcdCluster", () => {
  it("has one healthy member by default, at revision 1", () => {
    const etcd = new EtcdCluster(new SimClock());
    expect(etcd.members.map((m) => m.name)).toEqual(["etcd-0"]);
    expect(etcd.members[0]!.id).toBe("8e9e05c52164694d");
    expect(etcd.hasQuorum()).toBe(true);
    expect(etcd.status()).toEqual({ ok: true, revision: 1 });
  });

  it("needs a majority of members up", () => {
    const etcd = new EtcdCluster(new SimClock(), { memberNames: ["a", "b", "c"] });
    expect(etcd.members.map((m) => m.id)).toEqual(["8e9e05c52164694d", "8e9e05c52164694e", "8e9e05c52164694f"]);
    etcd.members[0]!.healthy = false;
    expect(etcd.hasQuorum()).toBe(true);
    etcd.members[1]!.healthy = false;
    expect(etcd.hasQuorum()).toBe(false);
    const one = new EtcdCluster(new SimClock());
    one.members[0]!.healthy = false;
    expect(one.hasQuorum()).toBe(false);
  });
});
