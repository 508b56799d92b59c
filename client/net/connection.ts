// Getting into a cluster room. Rooms are made by POST /api/rooms (the creator
// keeps the host token) and entered by join code with joinById; a tab that
// already has a seat in the room comes back to it: first with the SDK's
// reconnection token (same session, while the server lives), then, after a
// server restart made that token worthless, by joinById with its seat token.
// One Colyseus client per page.

import { Client, type Room } from "@colyseus/sdk";
import type { ClusterState } from "../../server/rooms/schema/cluster-state.ts";
import { MessageType, type JoinOptions, type WelcomeMessage } from "../../shared/protocol/messages.ts";
import { RoomSession } from "./room-session.ts";
import { browserSeatStore, type SeatStore } from "./seat-store.ts";
import { httpBase, postRoom } from "./rooms-api.ts";
import { serverUrl } from "./server-url.ts";

export type ClusterRoom = Room<any, ClusterState>;

/** Scenarios the menu offers; the server validates the name. */
export type ScenarioName = "sandbox" | "level-1" | "level-2" | "workshop";

/** A joined room and the options it was joined with (the name may still be the server's choice, see the welcome). */
export interface Joined {
  readonly room: ClusterRoom;
  readonly code: string;
}

let client: Client | undefined;
let seats: SeatStore | undefined;

function endpoint(): string {
  return serverUrl(window.location, import.meta.env.DEV);
}

function getClient(): Client {
  client ??= new Client(endpoint());
  return client;
}

export function seatStore(): SeatStore {
  seats ??= browserSeatStore();
  return seats;
}

/** Makes a room for `scenario` and joins it as its host. */
export async function createRoom(scenario: ScenarioName, name?: string): Promise<Joined> {
  const made = await postRoom(httpBase(endpoint()), { scenario });
  if (!made.ok) throw new Error(made.message);
  seatStore().saveHostToken(made.value.code, made.value.hostToken);
  return joinRoom(made.value.code, name);
}

/** Joins a room by its code under a display name (the host token too, if this browser made the room). */
export async function joinRoom(code: string, name?: string): Promise<Joined> {
  const options: JoinOptions = { name: name || undefined, hostToken: seatStore().hostToken(code) };
  return seated(await getClient().joinById<ClusterState>(code, options), code);
}

/**
 * Keeps the seat the server's welcome gives, for this tab. Registered as soon
 * as the room is joined: the welcome follows the join at once, and the SDK
 * drops a message nobody listens for.
 */
function seated(joined: Room<any, ClusterState>, code: string): Joined {
  const room = joined as ClusterRoom;
  room.onMessage(MessageType.welcome, (welcome: WelcomeMessage | undefined) => {
    if (typeof welcome?.name !== "string") return;
    seatStore().saveSeat(code, { name: welcome.name, seat: String(welcome.seat ?? ""), reconnectionToken: room.reconnectionToken });
  });
  return { room, code };
}

/** Whether this tab holds a seat in the room (a refresh, or a closed tab reopened). */
export function hasSeat(code: string): boolean {
  return seatStore().seat(code) !== undefined;
}

/**
 * Back into the room this tab has a seat in: the SDK's reconnection first,
 * then a join with the seat token (after a server restart).
 */
export async function resumeRoom(code: string): Promise<Joined> {
  const seat = seatStore().seat(code);
  if (seat?.reconnectionToken) {
    try {
      return seated(await getClient().reconnect<ClusterState>(seat.reconnectionToken), code);
    } catch {
      // The server forgot the session (restart, or the seat's grace ran out): rejoin by seat.
    }
  }
  return rejoinRoom(code);
}

/** Joins again with the seat token, so the server gives back the same seat and name. */
export async function rejoinRoom(code: string): Promise<Joined> {
  const store = seatStore();
  const seat = store.seat(code);
  const options: JoinOptions = { name: seat?.name, seat: seat?.seat, hostToken: store.hostToken(code) };
  return seated(await getClient().joinById<ClusterState>(code, options), code);
}

/** How the cluster screen gets its room: made now, already joined by the join form, or resumed after a refresh. */
export type RoomRequest =
  | { readonly create: ScenarioName }
  | { readonly joined: Joined }
  | { readonly resume: string };

export async function openRoom(request: RoomRequest): Promise<Joined> {
  if ("joined" in request) return request.joined;
  if ("resume" in request) return resumeRoom(request.resume);
  return createRoom(request.create, seatStore().lastName() || undefined);
}

/** Keeps the player's seat in `joined` through drops and server restarts. */
export function newRoomSession(joined: Joined): RoomSession<ClusterRoom> {
  return new RoomSession<ClusterRoom>(joined.code, joined.room, {
    store: seatStore(),
    rejoin: async (code) => (await rejoinRoom(code)).room,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
}
