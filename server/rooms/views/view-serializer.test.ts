import { SchemaSerializer, type Client } from "@colyseus/core";
import { Decoder, Encoder, StateView } from "@colyseus/schema";
import { afterEach, describe, expect, it } from "vitest";
import { ClusterState, NodeView, PodView } from "../schema/cluster-state.ts";
import { ViewSerializer } from "./view-serializer.ts";

type State = InstanceType<typeof ClusterState>;

/** A state whose shared part (200 nodes) is far larger than a 1 KiB buffer, and a client seeing one pod. */
function joinThrough(serializer: SchemaSerializer<State>): { state: State; view: StateView } {
  const state = new ClusterState();
  for (let n = 0; n < 200; n++) {
    const node = new NodeView();
    node.name = `node-${n}`;
    node.status = "Ready";
    state.nodes.set(node.name, node);
  }
  const pod = new PodView();
  pod.name = "web-1";
  pod.namespace = "default";
  state.pods.set("default/web-1", pod);
  serializer.reset(state);
  const view = new StateView();
  view.add(pod);
  const bytes = serializer.getFullState({ view } as unknown as Client) as Uint8Array;
  const decoder = new Decoder(new ClusterState());
  // Byte 0 is Colyseus' ROOM_STATE code.
  decoder.decode(bytes, { offset: 1 });
  return { state: decoder.state as State, view };
}

describe("ViewSerializer", () => {
  const defaultBufferSize = Encoder.BUFFER_SIZE;
  afterEach(() => {
    Encoder.BUFFER_SIZE = defaultBufferSize;
  });

  it("keeps the full state's grown buffer, so a client's first state holds every node and its pods", () => {
    Encoder.BUFFER_SIZE = 1024;
    const { state, view } = joinThrough(new ViewSerializer<State>());
    expect(state.nodes.size).toBe(200);
    expect([...state.pods.keys()]).toEqual(["default/web-1"]);
    // What the view queued went out in the full state: the next patch does not repeat it.
    expect(view.changes.size).toBe(0);
  });

  it("(Colyseus' own SchemaSerializer cuts the shared part off at its first buffer's size)", () => {
    Encoder.BUFFER_SIZE = 1024;
    let nodes = -1;
    try {
      nodes = joinThrough(new SchemaSerializer<State>()).state.nodes.size;
    } catch {
      // A cut-off state may not decode at all.
    }
    expect(nodes).not.toBe(200);
  });
});
