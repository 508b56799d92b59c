// Joins the cluster room. One Colyseus client per page; the SDK reconnects a
// dropped room by itself (15 tries with back-off) and resyncs a full snapshot.

import { Client, type Room } from "@colyseus/sdk";
import type { ClusterState } from "../../server/rooms/schema/cluster-state.ts";
import { ROOM_NAME, type JoinOptions } from "../../shared/protocol/messages.ts";
import { serverUrl } from "./server-url.ts";

export type ClusterRoom = Room<any, ClusterState>;

let client: Client | undefined;

function getClient(): Client {
  client ??= new Client(serverUrl(window.location, import.meta.env.DEV));
  return client;
}

/** Scenarios the menu offers; the server validates the name. */
export type ScenarioName = "sandbox" | "level-1" | "level-2";

/**
 * Every menu entry starts a new cluster of one's own: thirty people opening the
 * sandbox in a workshop must not crash each other's nodes. (Shared clusters come
 * with join codes.)
 */
export async function joinCluster(options: { scenario: ScenarioName; seed?: number; name?: string }): Promise<ClusterRoom> {
  const join: JoinOptions = { scenario: options.scenario, seed: options.seed, name: options.name };
  const client = getClient();
  const room = await client.create<ClusterState>(ROOM_NAME, join);
  return room as ClusterRoom;
}
