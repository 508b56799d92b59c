// What the room fuzzer (tools/fuzz-room.ts) sends: fast-check arbitraries for
// every message type the room knows, near-valid (the right shape, hostile
// values) and arbitrary; unknown type names of any length; raw WebSocket
// frames and frames over the protocol's limit; joins with arbitrary options;
// and HTTP requests to every route the server mounts, and to random ones.

import fc from "fast-check";
import { MAX_CONSOLE_BYTES, MAX_LINE_BYTES, MAX_MESSAGE_BYTES, MAX_VIEW_NODES, MessageType } from "../shared/protocol/messages.ts";

/** Who sends a message: the room's host or a player (host-only types must be refused to players). */
export type Sender = "host" | "player";

export type RoomInput =
  | { readonly kind: "message"; readonly as: Sender; readonly via: "send" | "request"; readonly type: string | number; readonly payload: unknown }
  /** Random bytes as one WebSocket frame on the client's socket. */
  | { readonly kind: "raw"; readonly as: Sender; readonly bytes: Uint8Array }
  /** A message whose frame is over MAX_MESSAGE_BYTES: the server must close that socket, and nothing else. */
  | { readonly kind: "oversized"; readonly as: Sender; readonly via: "send" | "request"; readonly bytes: number }
  /** More messages at once than the rate limit allows: every one answered, the seat kept. */
  | { readonly kind: "burst"; readonly as: Sender; readonly count: number }
  | { readonly kind: "join"; readonly code: "room" | "other"; readonly options: unknown }
  | { readonly kind: "http"; readonly method: string; readonly path: string; readonly contentType?: string; readonly body?: string }
  /** Bytes that are not HTTP at all, on a fresh TCP connection to the port. */
  | { readonly kind: "tcp"; readonly bytes: Uint8Array };

/** Message types the room registers (shared/protocol/messages.ts, client → server). */
export const ROOM_MESSAGE_TYPES = [MessageType.kubectl, MessageType.complete, MessageType.bind, MessageType.drag, MessageType.nodeAction, MessageType.speed, MessageType.kick, MessageType.view] as const;

/** A string of about `size` UTF-8 bytes built by repetition (fc.string of 70 kB would be slow to generate). */
const sized = (sizes: readonly number[]) =>
  fc.tuple(fc.constantFrom(...sizes), fc.constantFrom("x", "é", "😀", "\u0000", "{", "'", " ")).map(([n, ch]) => ch.repeat(Math.max(0, Math.floor(n / Buffer.byteLength(ch)))));

/** Sizes around each limit: a console line, a console paste, and a frame (just under and over). */
const LIMIT_SIZES = [MAX_LINE_BYTES - 1, MAX_LINE_BYTES, MAX_LINE_BYTES + 1, MAX_CONSOLE_BYTES, MAX_CONSOLE_BYTES + 1, MAX_MESSAGE_BYTES - 2048, MAX_MESSAGE_BYTES - 200];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
  { weight: 1, arbitrary: sized(LIMIT_SIZES) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "node-1", "web", "default", "kube-system", "__proto__", "constructor", "system:admin", "a".repeat(253), "a".repeat(254), "\u202e", "../../etc/passwd") },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 5, 20, 0.5, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer(),
  fc.double(),
);

/** Any value a field could be given: hostile strings and numbers, and every other JSON-ish shape. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);

/** Console lines worth running: real kubectl, and hostile ones (huge numbers, regexes, jsonpath). */
const consoleLine = fc.oneof(
  fc.constantFrom(
    "kubectl get pods",
    "kubectl get nodes -o wide",
    "kubectl describe deploy web",
    "kubectl scale deployment web --replicas=7",
    "kubectl cordon node-2",
    "kubectl uncordon node-2",
    "kubectl delete pod --all",
    "kubectl get pods -o jsonpath={range .items[*]}{.metadata.name}{end}",
    "kubectl get pods | grep web",
    "kubectl apply -f -",
    "kubectl create deployment x --image=nginx",
    "kubectl auth whoami",
  ),
  hostileString,
  fc.tuple(fc.constantFrom("kubectl get ", "kubectl scale deployment web --replicas=", "kubectl delete ", "kubectl ", ""), hostileString).map(([a, b]) => a + b),
);

const manifest = fc.oneof(
  fc.constant("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fuzz\ndata:\n  a: b\n"),
  fc.constant("a: &a [*a]\n"),
  hostileString,
);

/** Per type: the right shape with hostile or plausible values. */
const nearValid: Record<(typeof ROOM_MESSAGE_TYPES)[number], fc.Arbitrary<unknown>> = {
  kubectl: fc.record({ line: fc.oneof(consoleLine, hostileValue), stdin: fc.option(fc.oneof(manifest, hostileValue), { nil: undefined }) }, { requiredKeys: ["line"] }),
  complete: fc.record({ line: fc.oneof(consoleLine, hostileValue) }),
  bind: fc.record({ namespace: fc.oneof(fc.constant("default"), hostileValue), pod: fc.oneof(fc.constantFrom("web-0", "nope"), hostileValue), node: fc.oneof(fc.constantFrom("node-1", "node-9"), hostileValue) }, { requiredKeys: [] }),
  drag: fc.record({ namespace: fc.oneof(fc.constant("default"), hostileValue), pod: fc.oneof(fc.constant(null), fc.constant("web-0"), hostileValue) }, { requiredKeys: [] }),
  "node-action": fc.record({ node: fc.oneof(fc.constantFrom("node-1", "node-2", "node-3", "node-9"), hostileValue), action: fc.oneof(fc.constantFrom("crash", "restart"), hostileValue) }, { requiredKeys: [] }),
  speed: fc.record({ speed: fc.oneof(fc.constantFrom(0, 1, 5, 20), hostileValue) }, { requiredKeys: [] }),
  // Sometimes a pool client by name: the target seats it again (by its seat token) once removed.
  kick: fc.record({ name: fc.oneof(fc.constantFrom("nobody", "host-0", "Host-0"), hostileValue) }, { requiredKeys: [] }),
  view: fc.record(
    {
      nodes: fc.oneof(
        fc.array(fc.oneof(fc.constantFrom("node-1", "node-2", "node-9"), hostileString), { maxLength: 8 }),
        fc.constantFrom(MAX_VIEW_NODES, MAX_VIEW_NODES + 1).map((n) => Array.from({ length: n }, (_, i) => `node-${i}`)),
        hostileValue,
      ),
    },
    { requiredKeys: [] },
  ),
};

const knownType = fc.constantFrom(...ROOM_MESSAGE_TYPES);
const sender = fc.constantFrom<Sender>("host", "player");
const via = fc.constantFrom<"send" | "request">("send", "request");

const message: fc.Arbitrary<RoomInput> = fc.oneof(
  // Near-valid payloads for each known type.
  { weight: 10, arbitrary: knownType.chain((type) => fc.record({ kind: fc.constant("message" as const), as: sender, via, type: fc.constant(type), payload: nearValid[type] })) },
  // Anything at all for a known type.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("message" as const), as: sender, via, type: knownType, payload: fc.anything({ maxDepth: 4 }) }) },
  // Type names of any length and numbers; the server's own types and prototype names.
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("message" as const),
      as: sender,
      via,
      type: fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.string({ unit: "grapheme", maxLength: 20 }),
        sized([124, 1_000, 8_000]),
        fc.constantFrom("*", "error", "welcome", "notice", "__proto__", "constructor", "toString", "_$bkubectl", ""),
        fc.integer(),
        fc.constantFrom(0, -1, 2 ** 32, 1.5),
      ),
      payload: fc.oneof(hostileValue, fc.constant(undefined)),
    }),
  },
);

const rawFrame = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 64 }),
  fc.uint8Array({ minLength: 1, maxLength: 2048 }),
  // A Colyseus protocol code first, then garbage: reaches each decoder.
  fc.tuple(fc.constantFrom(9, 10, 13, 14, 15, 16, 17, 18, 19, 20, 21), fc.uint8Array({ maxLength: 128 })).map(([code, rest]) => Uint8Array.of(code, ...rest)),
);

const joinOptions = fc.oneof(
  fc.record({ name: fc.oneof(fc.constantFrom("alice", "kubernetes-admin", "system:x", "Host-0", "a b", ""), hostileValue), hostToken: fc.option(hostileValue, { nil: undefined }), seat: fc.option(hostileValue, { nil: undefined }) }, { requiredKeys: [] }),
  fc.anything({ maxDepth: 3 }),
);

const apiPath = fc.oneof(
  fc.constantFrom("/api/rooms", "/api/scenarios", "/api/runs/", "/api/rooms/", "/matchmake/joinById/", "/matchmake/create/cluster", "/matchmake/join/cluster", "/matchmake/joinOrCreate/cluster", "/matchmake/reconnect/", "/", "/__healthcheck", "/index.html"),
  fc.tuple(fc.constantFrom("/api/rooms/", "/api/runs/", "/matchmake/joinById/", "/matchmake/", "/"), fc.string({ maxLength: 80 })).map(([p, s]) => p + encodeURIComponent(s)),
  fc.tuple(fc.constantFrom("/api/rooms/", "/api/runs/", "/"), sized([300, 9_000])).map(([p, s]) => p + encodeURIComponent(s)),
  fc.webPath(),
);

const httpBody = fc.oneof(
  fc.constant(undefined),
  fc.constant('{"scenario":"sandbox"}'),
  fc.record({ scenario: fc.oneof(fc.constantFrom("sandbox", "level-1", "nope"), hostileValue), seed: fc.option(hostileValue, { nil: undefined }) }, { requiredKeys: [] }).map((o) => JSON.stringify(o) ?? ""),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  sized([4_095, 4_097, 100_000]),
  fc.integer({ min: 1, max: 200 }).map((d) => "[".repeat(d * 50)),
);

const http: fc.Arbitrary<RoomInput> = fc.record({
  kind: fc.constant("http" as const),
  method: fc.oneof({ weight: 5, arbitrary: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS") }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,10}$/) }),
  path: apiPath,
  contentType: fc.option(fc.oneof(fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16"), fc.string({ maxLength: 30 })), { nil: undefined }),
  body: httpBody,
});

export const roomInput: fc.Arbitrary<RoomInput> = fc.oneof(
  { weight: 60, arbitrary: message },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("raw" as const), as: sender, bytes: rawFrame }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("oversized" as const), as: sender, via, bytes: fc.constantFrom(MAX_MESSAGE_BYTES + 1, MAX_MESSAGE_BYTES + 1000, 4 * MAX_MESSAGE_BYTES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("burst" as const), as: sender, count: fc.integer({ min: 25, max: 60 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("join" as const), code: fc.constantFrom<"room" | "other">("room", "room", "other"), options: joinOptions }) },
  { weight: 12, arbitrary: http },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("tcp" as const), bytes: fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(`GET /${s} HTTP/1.1\r\n\r\n`))) }) },
);

/** A short description of an input for a report line. */
export function describeInput(input: RoomInput): string {
  const clip = (v: unknown) => {
    let s: string;
    try {
      s = typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x)) ?? String(v));
    } catch {
      s = String(v);
    }
    return s.length > 160 ? `${s.slice(0, 160)}… (${s.length} chars)` : s;
  };
  switch (input.kind) {
    case "message":
      return `${input.as} ${input.via} ${clip(input.type)} ${clip(input.payload)}`;
    case "raw":
      return `${input.as} raw frame [${[...input.bytes.slice(0, 24)].join(",")}${input.bytes.length > 24 ? ",…" : ""}] (${input.bytes.length} bytes)`;
    case "oversized":
      return `${input.as} ${input.via} oversized frame (${input.bytes} bytes)`;
    case "burst":
      return `${input.as} burst of ${input.count}`;
    case "join":
      return `join ${input.code} ${clip(input.options)}`;
    case "http":
      return `${input.method} ${clip(input.path)} ${input.contentType ?? "-"} ${clip(input.body)}`;
    case "tcp":
      return `tcp [${[...input.bytes.slice(0, 24)].join(",")}] (${input.bytes.length} bytes)`;
  }
}
