import type { Client } from "@colyseus/core";
import { Decoder, Encoder, type StateView } from "@colyseus/schema";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { playerUser } from "../../../shared/game/players.ts";
import { hostsBinding, playersBinding } from "../../../shared/game/players.ts";
import { Cluster } from "../../../shared/sim/cluster.ts";
import { ClusterState, NodeView, PodView, WorkloadView } from "../schema/cluster-state.ts";
import { ClientViews, DEFAULT_VIEW_NODES, FULL_DETAIL_MAX_PODS, PENDING_SHOWN } from "./client-views.ts";
import { ENCODER_BUFFER_BYTES } from "./view-serializer.ts";

type State = InstanceType<typeof ClusterState>;

/** A cluster for its RBAC only: players are cluster-admins, "dana" may only view team-a. */
function rbacCluster(): Cluster {
  const cluster = new Cluster({ seed: 1, nodes: [{ name: "node-1", zone: "zone-a", cpu: "4", memory: "8Gi", index: 0 }], objects: [hostsBinding(), playersBinding("cluster-admin")] });
  cluster.admin.create("namespaces", undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } });
  return cluster;
}

function grantView(cluster: Cluster, user: string, namespace: string): void {
  const created = cluster.admin.create("rolebindings", namespace, {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: `${user}-view`, namespace },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: user }],
  });
  expect(created.ok).toBe(true);
}

/** What the projector would write: `nodes` nodes, `perNode` pods on each in "default", then the extras. */
function fill(state: State, views: ClientViews, nodes: number, perNode: number, extra: { pending?: number; teamA?: number } = {}): void {
  for (let n = 1; n <= nodes; n++) {
    const node = new NodeView();
    node.name = `node-${String(n).padStart(3, "0")}`;
    state.nodes.set(node.name, node);
  }
  const add = (namespace: string, name: string, node: string) => {
    const pod = new PodView();
    pod.name = name;
    pod.namespace = namespace;
    pod.node = node;
    state.pods.set(`${namespace}/${name}`, pod);
    views.podChanged(`${namespace}/${name}`, pod);
  };
  for (let n = 1; n <= nodes; n++) for (let i = 0; i < perNode; i++) add("default", `web-${n}-${i}`, `node-${String(n).padStart(3, "0")}`);
  for (let i = 0; i < (extra.pending ?? 0); i++) add("default", `queued-${String(i).padStart(4, "0")}`, "");
  for (let i = 0; i < (extra.teamA ?? 0); i++) add("team-a", `api-${i}`, "node-100");
  for (const namespace of ["default", "team-a"]) {
    const workload = new WorkloadView();
    workload.kind = "Deployment";
    workload.name = "app";
    workload.namespace = namespace;
    state.workloads.set(`${namespace}/app`, workload);
    views.workloadChanged(`${namespace}/app`, workload);
  }
  views.flushed();
}

/** A connection as the views see it, and what it would decode. */
class Peer {
  readonly client = { sessionId: "", view: undefined as StateView | undefined };
  readonly decoder = new Decoder(new ClusterState());
  joinBytes = 0;
  constructor(sessionId: string) {
    this.client.sessionId = sessionId;
  }
  get state(): State {
    return this.decoder.state as State;
  }
  join(encoder: Encoder): void {
    const it = { offset: 0 };
    encoder.encodeAll(it);
    const bytes = encoder.encodeAllView(this.client.view!, it.offset, it);
    this.joinBytes = bytes.byteLength;
    this.decoder.decode(bytes);
  }
}

/** One patch to each peer; returns the bytes each received. */
function patch(encoder: Encoder, peers: readonly Peer[]): number[] {
  const it = { offset: 0 };
  encoder.encode(it);
  const shared = it.offset;
  const sizes = peers.map((peer) => {
    const bytes = encoder.encodeView(peer.client.view!, shared, it);
    peer.decoder.decode(bytes);
    return bytes.byteLength;
  });
  encoder.discardChanges();
  return sizes;
}

/** Patches, as the room's ticks would, until no view has more to send; returns how many it took. */
function settle(encoder: Encoder, views: ClientViews, peers: readonly Peer[]): number {
  let patches = 1;
  patch(encoder, peers);
  while (views.catchUp()) {
    patch(encoder, peers);
    patches++;
  }
  patch(encoder, peers);
  return patches + 1;
}

function setup(nodes: number, perNode: number, extra: { pending?: number; teamA?: number } = {}) {
  const cluster = rbacCluster();
  const state = new ClusterState();
  const encoder = new Encoder(state);
  const views = new ClientViews(cluster, state);
  fill(state, views, nodes, perNode, extra);
  encoder.discardChanges();
  const attach = (name: string, role: "host" | "player" = "player"): Peer => {
    const peer = new Peer(`session-${name}`);
    views.attach(peer.client as unknown as Client, playerUser(name, role));
    peer.join(encoder);
    return peer;
  };
  return { cluster, state, encoder, views, attach };
}

const podKeys = (state: State) => [...state.pods.keys()].sort();

describe("per-client views", () => {
  // The room's encoders are this large (setViewState); the default 16 KiB is for the catch-up case.
  const defaultBufferSize = Encoder.BUFFER_SIZE;
  beforeEach(() => {
    Encoder.BUFFER_SIZE = ENCODER_BUFFER_BYTES;
  });
  afterEach(() => {
    Encoder.BUFFER_SIZE = defaultBufferSize;
  });

  it(`sends every pod while the cluster holds at most ${FULL_DETAIL_MAX_PODS}`, () => {
    const { state, attach } = setup(50, 30);
    expect(state.pods.size).toBe(1_500);
    const alice = attach("alice");
    expect(alice.state.pods.size).toBe(1_500);
    expect(alice.state.nodes.size).toBe(50);
    expect(alice.state.workloads.size).toBe(2);
  });

  it(`past ${FULL_DETAIL_MAX_PODS} pods, sends the first ${DEFAULT_VIEW_NODES} nodes' pods and the first ${PENDING_SHOWN} pending until the client says what it shows`, () => {
    const { state, attach } = setup(100, 30, { pending: 250 });
    const alice = attach("alice");
    const firstNodes = [...state.nodes.keys()].slice(0, DEFAULT_VIEW_NODES);
    const expected = [...state.pods.entries()]
      .filter(([key, p]) => firstNodes.includes(p.node) || (p.node === "" && Number(key.slice(-4)) < PENDING_SHOWN))
      .map(([key]) => key)
      .sort();
    expect(podKeys(alice.state)).toEqual(expected);
    expect(alice.state.pods.size).toBe(DEFAULT_VIEW_NODES * 30 + PENDING_SHOWN);
    // Every node still arrives, aggregates and all.
    expect(alice.state.nodes.size).toBe(100);
  });

  it("moves the detail to the nodes a view message names: the old nodes' pods leave, the new ones' arrive", () => {
    const { state, encoder, views, attach } = setup(100, 30);
    const alice = attach("alice");
    const bob = attach("bob");
    views.setViewport(alice.client.sessionId, ["node-050", "node-051", "node-404"]);
    settle(encoder, views, [alice, bob]);
    expect(new Set([...alice.state.pods.values()].map((p) => p.node))).toEqual(new Set(["node-050", "node-051"]));
    expect(alice.state.pods.size).toBe(60);
    // Bob's screen did not move.
    expect(bob.state.pods.size).toBe(DEFAULT_VIEW_NODES * 30);

    // A pod moving onto a viewed node, and one created there, reach alice; bob never hears of them.
    const moved = state.pods.get("default/web-99-0")!;
    moved.node = "node-050";
    views.podChanged("default/web-99-0", moved);
    views.flushed();
    settle(encoder, views, [alice, bob]);
    expect(alice.state.pods.get("default/web-99-0")?.node).toBe("node-050");
    expect(bob.state.pods.has("default/web-99-0")).toBe(false);

    // Deleted: gone from alice's map too.
    state.pods.delete("default/web-50-0");
    views.podChanged("default/web-50-0", undefined);
    views.flushed();
    settle(encoder, views, [alice, bob]);
    expect(alice.state.pods.has("default/web-50-0")).toBe(false);
    expect(alice.state.pods.size).toBe(60);
  });

  it("sends a player the pods of the namespaces RBAC gives them, and only their workloads; a cluster-admin owns no namespace", () => {
    const { cluster, encoder, views, attach } = setup(100, 30, { teamA: 40 });
    grantView(cluster, "dana", "team-a");
    // Dana is no cluster-admin here: only the hosts are.
    cluster.admin.delete("clusterrolebindings", undefined, "pod-pilot:players");
    views.flushed();
    const dana = attach("dana");
    const host = attach("hannah", "host");
    views.setViewport(dana.client.sessionId, []);
    views.setViewport(host.client.sessionId, []);
    settle(encoder, views, [dana, host]);
    expect(podKeys(dana.state)).toEqual(Array.from({ length: 40 }, (_, i) => `team-a/api-${i}`).sort());
    expect([...dana.state.workloads.keys()]).toEqual(["team-a/app"]);
    expect(host.state.pods.size).toBe(0);
    expect([...host.state.workloads.keys()].sort()).toEqual(["default/app", "team-a/app"]);
  });

  it("follows RBAC: a binding written later brings its namespace's pods at the next flush", () => {
    const { cluster, encoder, views, attach } = setup(100, 30, { teamA: 5 });
    cluster.admin.delete("clusterrolebindings", undefined, "pod-pilot:players");
    views.flushed();
    const dana = attach("dana");
    views.setViewport(dana.client.sessionId, []);
    settle(encoder, views, [dana]);
    expect(dana.state.pods.size).toBe(0);
    grantView(cluster, "dana", "team-a");
    views.flushed();
    settle(encoder, views, [dana]);
    expect(dana.state.pods.size).toBe(5);
  });

  it("switches every view to the full cluster when it shrinks back under the limit", () => {
    const { state, encoder, views, attach } = setup(100, 21);
    const alice = attach("alice");
    expect(alice.state.pods.size).toBe(DEFAULT_VIEW_NODES * 21);
    for (const key of [...state.pods.keys()].slice(0, 100)) {
      state.pods.delete(key);
      views.podChanged(key, undefined);
    }
    views.flushed();
    settle(encoder, views, [alice]);
    expect(alice.state.pods.size).toBe(2_000);
  });

  it("sends a view more than one patch holds over the next patches, none lost (encodeView checks its buffer per object, not per map entry)", () => {
    Encoder.BUFFER_SIZE = 16 * 1024;
    const { encoder, views, attach } = setup(100, 30);
    const alice = attach("alice");
    views.setViewport(alice.client.sessionId, Array.from({ length: 100 }, (_, n) => `node-${String(n + 1).padStart(3, "0")}`));
    patch(encoder, [alice]);
    expect(alice.state.pods.size).toBeLessThan(3_000);
    expect(settle(encoder, views, [alice])).toBeGreaterThan(2);
    expect(alice.state.pods.size).toBe(3_000);
  });
});
