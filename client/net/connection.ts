// Joins the cluster room. One Colyseus client per page; the SDK reconnects a
// dropped room by itself (15 tries with back-off) and resyncs a full snapshot.

import { Client, type Room } from "@colyseus/sdk";
import type { ClusterState } from "../../server/rooms/schema/cluster-state.ts";
import type { JoinOptions } from "../../shared/protocol/messages.ts";
import type { ApiErrorBody, CreateRoomResponse } from "../../shared/protocol/rooms.ts";
import { serverUrl } from "./server-url.ts";

export type ClusterRoom = Room<any, ClusterState>;

let client: Client | undefined;

function getClient(): Client {
  client ??= new Client(serverUrl(window.location, import.meta.env.DEV));
  return client;
}

/** Scenarios the menu offers; the server validates the name. */
export type ScenarioName = "sandbox" | "level-1" | "level-2" | "workshop";

/**
 * Every menu entry starts a new cluster: POST /api/rooms makes it and answers
 * its join code and the host token, and the creator joins it as host.
 */
export async function joinCluster(options: { scenario: ScenarioName; seed?: number; name?: string }): Promise<ClusterRoom> {
  const client = getClient();
  const res = await fetch(new URL("/api/rooms", serverUrl(window.location, import.meta.env.DEV).replace(/^ws/, "http")), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ scenario: options.scenario, ...(options.seed !== undefined ? { seed: options.seed } : {}) }),
  });
  const body = (await res.json()) as CreateRoomResponse | ApiErrorBody;
  if ("error" in body) throw new Error(body.error);
  const join: JoinOptions = { hostToken: body.hostToken, ...(options.name ? { name: options.name } : {}) };
  const room = await client.joinById<ClusterState>(body.code, join);
  return room as ClusterRoom;
}
