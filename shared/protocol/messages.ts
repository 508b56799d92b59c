// Messages between the browser and the cluster room. Every one is validated on
// arrival with these zod schemas (Colyseus 0.18 takes Standard Schema); the
// console, binding and node actions are requests, so a bad input gets an answer
// and the connection lives.

import { z } from "zod";

/** Longest console input accepted: a pasted manifest fits, a flood does not. */
export const MAX_CONSOLE_BYTES = 64 * 1024;
/** Longest console line (kubectl's own flags and a jsonpath fit many times over). */
export const MAX_LINE_BYTES = 4096;
/**
 * The protocol's frame limit: the largest message a browser may send, the
 * server's WebSocket maxPayload too. The browser refuses a larger message before
 * sending it (the server would close the socket on it); it holds a full console
 * request with room to spare for the envelope.
 */
export const MAX_MESSAGE_BYTES = MAX_CONSOLE_BYTES + MAX_LINE_BYTES + 1024;
export const SPEEDS = [0, 1, 5, 20] as const;
export type Speed = (typeof SPEEDS)[number];

export const MessageType = {
  kubectl: "kubectl",
  complete: "complete",
  bind: "bind",
  nodeAction: "node-action",
  speed: "speed",
  /** The player's hand: the pod they are dragging, or null when they let go. */
  drag: "drag",
  /** Host only: remove a player from the room. */
  kick: "kick",
  /** The nodes the player's screen shows: their pods are sent in detail (ViewRequest). */
  view: "view",
  /** Server → client: an error about a message that could not be handled. */
  error: "error",
  /** Server → client, once per join: who the server seated you as (WelcomeMessage). */
  welcome: "welcome",
  /** Server → every client: the host's banner or a room notice ({ message }). */
  notice: "notice",
} as const;

/** Who may send a message: the room's host (holder of its host token) or any player. */
export const ROLES = ["host", "player"] as const;
export type Role = (typeof ROLES)[number];

const name = z.string().min(1).max(253);

export const KubectlRequest = z.object({
  /** One console line, e.g. "kubectl get pods -o wide". */
  line: z.string().max(MAX_LINE_BYTES),
  /** Standard input for `kubectl apply -f -` (the YAML editor's text). */
  stdin: z.string().max(MAX_CONSOLE_BYTES).optional(),
});
export type KubectlRequest = z.infer<typeof KubectlRequest>;

/**
 * A console line's answer. The text travels once, as both streams in the order
 * kubectl wrote them (what the console shows); streamText() reads one stream.
 */
export interface KubectlResponse {
  readonly exitCode: number;
  readonly output: readonly { readonly stream: "stdout" | "stderr"; readonly text: string }[];
}

/** Everything kubectl wrote to one stream, as `cmd > file` would capture it. */
export function streamText(res: Pick<KubectlResponse, "output">, stream: "stdout" | "stderr"): string {
  let text = "";
  for (const chunk of res.output) if (chunk.stream === stream) text += chunk.text;
  return text;
}

export const CompleteRequest = z.object({ line: z.string().max(MAX_LINE_BYTES) });
export type CompleteRequest = z.infer<typeof CompleteRequest>;
export interface CompleteResponse {
  /** Full replacement words for the last word of the line. */
  readonly candidates: readonly string[];
}

export const BindRequest = z.object({ namespace: name.default("default"), pod: name, node: name });
export type BindRequest = z.infer<typeof BindRequest>;

export type BindResponse =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Filter plugin reasons, exactly as the scheduler words them ("Insufficient cpu"). */
      readonly reasons: readonly string[];
      /** One line for a toast: the reasons joined, or an API error message. */
      readonly message: string;
    };

export const NodeActionRequest = z.object({ node: name, action: z.enum(["crash", "restart"]) });
export type NodeActionRequest = z.infer<typeof NodeActionRequest>;
export type NodeActionResponse = { readonly ok: true } | { readonly ok: false; readonly message: string };

export const SpeedRequest = z.object({ speed: z.union([z.literal(0), z.literal(1), z.literal(5), z.literal(20)]) });
export type SpeedRequest = z.infer<typeof SpeedRequest>;

export const DragRequest = z.object({ namespace: name.default("default"), pod: name.nullable() });
export type DragRequest = z.infer<typeof DragRequest>;

export const KickRequest = z.object({ name: z.string().min(1).max(64) });
export type KickRequest = z.infer<typeof KickRequest>;

/** Most nodes one "view" message may name: a screenful at the closest zoom, with room to spare. */
export const MAX_VIEW_NODES = 200;

export const ViewRequest = z.object({ nodes: z.array(name).max(MAX_VIEW_NODES) });
export type ViewRequest = z.infer<typeof ViewRequest>;

/** A display name: what others see and the player's user name to the API server. */
export const PLAYER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/**
 * Options a client passes to joinById(code, options). Rooms are made by
 * POST /api/rooms, never by a client's create/join (see shared/protocol/rooms.ts).
 */
export const JoinOptions = z.object({
  /** Display name, unique in the room; the server picks one when absent. */
  name: z.string().max(64).optional(),
  /** The token POST /api/rooms gave the creator: it makes them the room's host. */
  hostToken: z.string().max(128).optional(),
  /** The seat token a previous welcome gave: reclaims that seat and name after a drop or a server restart. */
  seat: z.string().max(128).optional(),
});
export type JoinOptions = z.infer<typeof JoinOptions>;

/** Sent to a client when it is seated (first join, or rejoin by seat token). Keep `seat` for the tab. */
export interface WelcomeMessage {
  readonly name: string;
  readonly role: Role;
  readonly seat: string;
  readonly code: string;
}

/**
 * Rate limit per client (a token bucket): a person types a few lines a second;
 * past the burst each extra message is refused with "slow down", never dropped
 * with the connection.
 */
export const RATE_LIMIT = { perSecond: 8, burst: 20 } as const;

/**
 * Why the server closed a connection, beyond Colyseus' own codes (4001 is a
 * server shutdown: rejoin by code once it is back).
 */
export const CLOSE_CODES = {
  /** The same seat was taken by a newer connection (another tab). Do not reconnect. */
  replaced: 4100,
  /** The host removed this player. Do not reconnect. */
  removed: 4101,
} as const;

export const ROOM_NAME = "cluster";
