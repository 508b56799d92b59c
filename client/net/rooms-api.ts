// The rooms HTTP API from the browser: POST /api/rooms makes a room, GET
// /api/rooms/CODE says what is in one. Every failure becomes one sentence a
// player can act on (the server's own `{ error }` when it gave one).

import type { ApiErrorBody, CreateRoomRequest, CreateRoomResponse, RoomInfo } from "../../shared/protocol/rooms.ts";

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The HTTP origin of the game server (the Colyseus endpoint may be ws:// or wss://). */
export function httpBase(endpoint: string): string {
  return endpoint.replace(/^ws(s?):/, "http$1:").replace(/\/+$/, "");
}

export async function postRoom(base: string, request: CreateRoomRequest, fetcher: Fetch = fetch): Promise<ApiResult<CreateRoomResponse>> {
  return call<CreateRoomResponse>(fetcher, `${base}/api/rooms`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
}

export async function getRoom(base: string, code: string, fetcher: Fetch = fetch): Promise<ApiResult<RoomInfo>> {
  return call<RoomInfo>(fetcher, `${base}/api/rooms/${encodeURIComponent(code)}`);
}

async function call<T>(fetcher: Fetch, url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetcher(url, init);
  } catch {
    return { ok: false, message: "Could not reach the game server. Check the network and try again." };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok && body && typeof body === "object") return { ok: true, value: body as T };
  const error = body && typeof body === "object" && typeof (body as ApiErrorBody).error === "string" ? (body as ApiErrorBody).error : undefined;
  return { ok: false, message: error ?? `The game server answered ${response.status} ${response.statusText}`.trim() };
}
