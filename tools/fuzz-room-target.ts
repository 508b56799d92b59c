// The room fuzzer's target: a server booted in-process (createServer and an
// in-memory RunStore), two rooms made by POST /api/rooms, a pool of SDK
// clients seated in the first as hosts and players, and the invariants checked
// after each input and each batch — the process keeps running, both rooms
// exist and answer a fresh client, every valid-framed message is answered,
// the journal never loses an action, and caught bad input is logged as one line.

import { decode, encode } from "@colyseus/schema";
import { Client, Protocol, type Room as SdkRoom } from "@colyseus/sdk";
import { request as httpRequest } from "node:http";
import { unpack } from "msgpackr"; // the SDK's and the server's decoder (a dependency of both)
import { connect } from "node:net";
import { performance } from "node:perf_hooks";
import { createServer } from "../server/app.config.ts";
import { RunStore } from "../server/persistence/run-store.ts";
import { MESSAGES } from "../server/rooms/messages/index.ts";
import { loadCatalog } from "../server/scenarios.ts";
import { replay } from "../shared/game/replay.ts";
import { streamText, CLOSE_CODES, MAX_MESSAGE_BYTES, RATE_LIMIT, type KubectlResponse, type WelcomeMessage } from "../shared/protocol/messages.ts";
import type { CreateRoomResponse } from "../shared/protocol/rooms.ts";
import { describeInput, type RoomInput, type Sender } from "./fuzz-room-inputs.ts";

/** How long any answer may take before it counts as a silent drop (the machine is shared and loaded). */
const ANSWER_MS = 15_000;
/**
 * The SDK reserves only `headerLength & 0xff` bytes in front of msgpackr's
 * output, so a message type whose header passes 255 bytes goes out corrupted;
 * past this many bytes the fuzzer frames the message itself.
 */
const SDK_HEADER_BYTES = 200;
/** Request ids of frames the fuzzer builds itself: far from the SDK's own counter. */
const OWN_REQUEST_IDS = 2 ** 30;
/** Wall ms one message costs a client under the fuzzer's pacing (80 % of the server's rate), and the burst it may run ahead. */
const PACE_MS = 1000 / (RATE_LIMIT.perSecond * 0.8);
const PACE_BURST_MS = (RATE_LIMIT.burst / 2) * PACE_MS;

/** The SDK room's encoder (its own Packr decodes some maps as {}: decoding uses msgpackr's unpack, as the server does). */
interface Packr {
  pack(value: unknown): Uint8Array;
}

interface PoolClient {
  readonly name: string;
  readonly role: Sender;
  readonly room: SdkRoom;
  readonly seat: string;
  /** "error" messages received, in order. */
  readonly errors: string[];
  /** Requests the fuzzer framed itself, by id: resolved with (status, payload) from the raw socket. */
  readonly own: Map<number, (status: number, payload: unknown) => void>;
  /** Close code once the server closed the connection. */
  closed: number | undefined;
}

export interface Failure {
  readonly input: string;
  readonly problem: string;
}

export interface TargetOptions {
  readonly port: number;
  readonly hosts?: number;
  readonly players?: number;
}

/** Lines and bytes the server wrote: through its `log` option, and through console (Colyseus' own logger). */
export interface LogCount {
  lines: number;
  bytes: number;
  /** Entries that were more than one line (a stack trace, a validation dump). */
  multiline: number;
  samples: string[];
}

/** Client-side SDK chatter, not the server's: left out of the server's log count. */
const SDK_LINE = /^(Room connection was closed unexpectedly|\[Colyseus reconnection\]|@colyseus\/sdk)/;

export class RoomTarget {
  readonly port: number;
  readonly base: string;
  readonly log: LogCount = { lines: 0, bytes: 0, multiline: 0, samples: [] };
  readonly failures: Failure[] = [];
  /** Exceptions that reached the process: each would have ended it. */
  readonly uncaught: string[] = [];
  readonly #runs = new RunStore(":memory:");
  readonly #server: ReturnType<typeof createServer>;
  readonly #pool: PoolClient[] = [];
  /** When each client's pace is next free (wall ms): mirrors the server's bucket, a little slower, so paced inputs reach the handlers. */
  readonly #pace = new Map<string, number>();
  readonly #opts: Required<TargetOptions>;
  readonly #restoreConsole: () => void;
  #next = 0;
  #ip = 0;
  #ownIds = 0;
  /** Inputs msgpack could not encode (never sent). */
  unsendable = 0;
  #journaled = new Map<string, number>();
  code = "";
  otherCode = "";
  #hostToken = "";
  #otherHostToken = "";

  constructor(opts: TargetOptions) {
    this.#opts = { hosts: 6, players: 12, ...opts };
    this.port = opts.port;
    this.base = `http://localhost:${opts.port}`;
    this.#restoreConsole = this.#captureConsole();
    this.#server = createServer({ runs: this.#runs, serveClient: false, log: (line) => this.#count(line) });
    const onUncaught = (e: unknown) => this.uncaught.push(e instanceof Error ? `${e.name}: ${e.message}`.split("\n")[0]! : String(e));
    process.on("uncaughtException", onUncaught);
    process.on("unhandledRejection", onUncaught);
  }

  async start(): Promise<void> {
    await this.#server.listen(this.port);
    ({ code: this.code, hostToken: this.#hostToken } = await this.#createRoom());
    ({ code: this.otherCode, hostToken: this.#otherHostToken } = await this.#createRoom());
    for (let i = 0; i < this.#opts.hosts; i++) this.#pool.push(await this.#seat(`host-${i}`, "host"));
    for (let i = 0; i < this.#opts.players; i++) this.#pool.push(await this.#seat(`player-${i}`, "player"));
  }

  /** Runs one input; a broken invariant is recorded in `failures`. */
  async run(input: RoomInput): Promise<void> {
    const problem = await withTimeout(this.#run(input), 4 * ANSWER_MS).catch((e: unknown) => `the fuzzer itself failed: ${e instanceof Error ? e.message : String(e)}`);
    if (problem) this.failures.push({ input: describeInput(input), problem });
  }

  /** The invariants between batches: process, rooms, a fresh client's answer, the journal, the log. */
  async check(label: string): Promise<void> {
    const fail = (problem: string) => this.failures.push({ input: `(check after ${label})`, problem });
    while (this.uncaught.length) fail(`reached the process (would have ended it): ${this.uncaught.shift()}`);
    for (const code of [this.code, this.otherCode]) {
      const room = this.#server.directory.rooms.get(code);
      if (!room?.host) {
        fail(`room ${code} is gone`);
        continue;
      }
      const info = await fetch(`${this.base}/api/rooms/${code}`).then((r) => r.status, (e: Error) => e.message);
      if (info !== 200) fail(`GET /api/rooms/${code} answered ${info}`);
      const probe = await this.#probe(code).catch((e: Error) => e.message);
      if (probe !== undefined) fail(`a fresh client in room ${code}: ${probe}`);
      // Nothing stored is lost: every applied action is journaled, and the journal only grows.
      const host = room.host;
      const journaled = this.#runs.get(host.runId)?.log.actions.length ?? -1;
      if (journaled !== host.session.actionCount) fail(`room ${code}: ${host.session.actionCount} actions applied, ${journaled} journaled`);
      if (journaled < (this.#journaled.get(code) ?? 0)) fail(`room ${code}: the journal shrank from ${this.#journaled.get(code)} to ${journaled}`);
      this.#journaled.set(code, journaled);
    }
  }

  /** Pauses each room and replays its journal: the same log must give the same state hash. */
  async checkReplay(): Promise<void> {
    const catalog = loadCatalog();
    for (const code of [this.code, this.otherCode]) {
      const room = this.#server.directory.rooms.get(code);
      if (!room?.host) continue;
      const host = await this.#freshClient(code, { name: `pauser-${code}`, hostToken: code === this.code ? this.#hostToken : this.#otherHostToken });
      await host.request("speed", { speed: 0 }, { timeout: ANSWER_MS });
      const run = this.#runs.get(room.host.runId)!;
      const replayed = replay(run.log, catalog).cluster.stateHash();
      const live = room.host.session.cluster.stateHash();
      if (replayed !== live) this.failures.push({ input: "(replay at the end)", problem: `room ${code}: the journal replays to ${replayed}, the room is at ${live}` });
      await host.leave();
    }
  }

  async close(): Promise<void> {
    for (const c of this.#pool) if (c.closed === undefined) await c.room.leave().catch(() => undefined);
    this.#server.beginShutdown();
    await this.#server.gracefullyShutdown(false).catch(() => undefined);
    this.#runs.close();
    this.#restoreConsole();
  }

  async #run(input: RoomInput): Promise<string | undefined> {
    switch (input.kind) {
      case "message":
        return this.#message(input);
      case "raw":
        return this.#raw(input.as, input.bytes);
      case "oversized": {
        const c = await this.#pick(input.as, 1);
        const payload = { line: "kubectl apply -f -", stdin: "x".repeat(input.bytes) };
        return this.#oversized(c, () => (input.via === "send" ? c.room.send("kubectl", payload) : void c.room.request("kubectl", payload, { timeout: ANSWER_MS }).catch(() => undefined)));
      }
      case "burst":
        return this.#burst(input.as, input.count);
      case "join":
        return this.#join(input.code === "room" ? this.code : this.otherCode, input.options);
      case "http":
        return this.#http(input.method, input.path, input.contentType, input.body);
      case "tcp":
        return this.#tcp(input.bytes);
    }
  }

  async #message(input: Extract<RoomInput, { kind: "message" }>): Promise<string | undefined> {
    const c = await this.#pick(input.as, 2);
    const packr = (c.room as unknown as { packr: Packr }).packr;
    let body: Uint8Array;
    try {
      body = input.payload === undefined ? new Uint8Array() : packr.pack(input.payload);
    } catch {
      this.unsendable++;
      return undefined; // msgpack cannot carry it: nothing a browser could send.
    }
    const header = frameHeader(input.via === "request" ? Protocol.ROOM_REQUEST : Protocol.ROOM_DATA, input.type, input.via === "request" ? OWN_REQUEST_IDS : undefined);
    if (header.length + body.length > MAX_MESSAGE_BYTES) return this.#oversized(c, () => this.#sendOwn(c, input.via, input.type, body));
    if (input.via === "request") {
      const answer = header.length > SDK_HEADER_BYTES ? await this.#ownRequest(c, input.type, body) : await this.#answer(c.room.request(input.type as string, input.payload, { timeout: ANSWER_MS }));
      if (await this.#removed(c)) return this.#afterward(c);
      return answer.problem ?? (await this.#afterward(c));
    }
    const before = c.errors.length;
    if (header.length > SDK_HEADER_BYTES) this.#sendOwn(c, "send", input.type, body);
    else c.room.send(input.type as string, input.payload);
    // Messages are answered in order: once a later request is answered, any error for the send has arrived.
    const marker = await this.#answer(c.room.request("complete", { line: "" }, { timeout: ANSWER_MS }));
    if (await this.#removed(c)) return this.#afterward(c);
    if (marker.problem) return `the request after the send: ${marker.problem}`;
    if (c.closed !== undefined) return `the server closed the sender's connection (${c.closed})`;
    const got = c.errors.slice(before);
    const expected = expectedError(input.type, unpack(packr.pack(input.payload ?? null)), input.as);
    if (expected && got.length === 0) return `no answer: a send the server should refuse (${expected}) got no "error" message`;
    for (const message of got) if (!message) return `an "error" message without words`;
    return undefined;
  }

  /** Sends a frame the fuzzer built; returns the request id it carries. */
  #sendOwn(c: PoolClient, via: "send" | "request", type: string | number, body: Uint8Array): number {
    const id = OWN_REQUEST_IDS + (this.#ownIds++ % OWN_REQUEST_IDS);
    const header = frameHeader(via === "request" ? Protocol.ROOM_REQUEST : Protocol.ROOM_DATA, type, via === "request" ? id : undefined);
    const frame = new Uint8Array(header.length + body.length);
    frame.set(header);
    frame.set(body, header.length);
    socketOf(c.room).send(frame);
    return id;
  }

  #ownRequest(c: PoolClient, type: string | number, body: Uint8Array): Promise<{ problem?: string; refusal?: string }> {
    const id = this.#sendOwn(c, "request", type, body);
    return this.#answer(
      withTimeout(
        new Promise((resolve, reject) =>
          c.own.set(id, (status, payload) => {
            if (status === 0) resolve(payload);
            else reject(Object.assign(new Error(status === 2 ? String((payload as { message?: unknown })?.message ?? "") : "request rejected"), { name: status === 1 ? "rejected" : "error", reason: payload }));
          }),
        ),
        ANSWER_MS,
      ).catch((e: Error) => Promise.reject(e.message === "timeout" ? new Error("timed out") : e)),
    );
  }

  async #raw(as: Sender, bytes: Uint8Array): Promise<string | undefined> {
    const c = await this.#pick(as, 1);
    socketOf(c.room).send(bytes);
    // Random bytes are not a valid frame: the server may close this socket, but must not go quiet on an open one.
    const marker = await this.#answer(c.room.request("complete", { line: "" }, { timeout: ANSWER_MS }), true);
    if (c.closed === undefined && marker.problem) return `the request after the raw frame: ${marker.problem}`;
    await this.#replaceIfClosed(c);
    return undefined;
  }

  /** Sends a message over the frame limit: the server must close that socket (1009), and nothing else. */
  async #oversized(c: PoolClient, send: () => void): Promise<string | undefined> {
    const closed = new Promise<number>((resolve) => c.room.onLeave((code) => resolve(code)));
    send();
    const code = await Promise.race([closed, sleep(ANSWER_MS).then(() => undefined)]);
    if (code === undefined) return "a frame over the limit did not close its socket";
    await this.#replaceIfClosed(c);
    return undefined;
  }

  async #burst(as: Sender, count: number): Promise<string | undefined> {
    const c = await this.#pick(as, RATE_LIMIT.burst / 2);
    const answers = await Promise.all(Array.from({ length: count }, () => this.#answer(c.room.request("kubectl", { line: "kubectl get nodes -o name" }, { timeout: ANSWER_MS }))));
    const silent = answers.filter((a) => a.problem);
    if (silent.length) return `${silent.length} of ${count} in a burst: ${silent[0]!.problem}`;
    if (!answers.some((a) => a.refusal?.startsWith("slow down"))) return `a burst of ${count} was never told to slow down`;
    if (c.closed !== undefined) return `a burst closed the connection (${c.closed})`;
    // Let the server's bucket refill before this client is used again.
    this.#pace.set(c.name, performance.now() + (RATE_LIMIT.burst / RATE_LIMIT.perSecond) * 1000);
    return undefined;
  }

  async #join(code: string, options: unknown): Promise<string | undefined> {
    const sdk = this.#client();
    let room: SdkRoom;
    try {
      room = await withTimeout(sdk.joinById(code, options as Record<string, unknown>), ANSWER_MS);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (message === "timeout") return "a join was never answered";
      return message.trim() ? undefined : "a join was refused without a message";
    }
    room.reconnection.enabled = false;
    const welcome = await withTimeout(new Promise<unknown>((resolve) => room.onMessage("welcome", resolve)), ANSWER_MS).catch(() => undefined);
    await room.leave().catch(() => undefined);
    return welcome ? undefined : "a seated client got no welcome";
  }

  #http(method: string, path: string, contentType: string | undefined, body: string | undefined): Promise<string | undefined> {
    return new Promise((resolve) => {
      let req;
      try {
        req = httpRequest(`${this.base}${path}`, { method, headers: contentType !== undefined ? { "content-type": contentType } : {} });
      } catch {
        return resolve(undefined); // Node's client refuses to send it (an invalid method or path): nothing reached the server.
      }
      const timer = setTimeout(() => {
        req.destroy();
        resolve("no HTTP response");
      }, ANSWER_MS);
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d.length + text.length < 4096 ? d : ""));
        res.on("end", () => {
          clearTimeout(timer);
          const status = res.statusCode ?? 0;
          // Colyseus' matchmaker answers its own refusals (522: no such room) with its error code as the status, in one JSON line the SDK reads.
          const matchmakerRefusal = path.startsWith("/matchmake/") && status >= 520 && status < 530 && /^\{"code":52\d,"error":"[^\n]*"\}$/.test(text);
          if (status >= 500 && !matchmakerRefusal) resolve(`HTTP ${status}: ${text.slice(0, 200)}`);
          // An empty 4xx is Node's HTTP parser refusing the request (a URL or header too large) before the app sees it.
          else if (status >= 400 && path.startsWith("/api/") && text !== "" && !/^\{"error":"[^\n]*"\}$/.test(text)) resolve(`HTTP ${status} without a one-line {"error"}: ${text.slice(0, 200)}`);
          else resolve(undefined);
        });
      });
      req.on("error", (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        // The server may end a request it will not read (a body too large): a closed socket is an answer.
        resolve(e.code === "ECONNRESET" || e.code === "EPIPE" ? undefined : `HTTP request failed: ${e.message}`);
      });
      if (body !== undefined && method !== "GET" && method !== "HEAD") req.write(body);
      req.end();
    });
  }

  #tcp(bytes: Uint8Array): Promise<string | undefined> {
    return new Promise((resolve) => {
      const socket = connect(this.port, "127.0.0.1", () => socket.end(bytes));
      const done = () => {
        socket.destroy();
        resolve(undefined);
      };
      socket.on("data", () => undefined);
      socket.on("close", done);
      socket.on("error", done);
      setTimeout(done, 2_000);
    });
  }

  /** The answer to a request: a reply, or a rejection with words. Undefined problem when answered. */
  async #answer(p: Promise<unknown>, closeIsAnswer = false): Promise<{ problem?: string; refusal?: string }> {
    try {
      await p;
      return {};
    } catch (e) {
      const err = e as Error & { reason?: { message?: unknown } };
      if (/timed out/.test(err.message)) return { problem: `no answer within ${ANSWER_MS} ms` };
      if (/connection is not open|closed/i.test(err.message)) return closeIsAnswer ? {} : { problem: `the connection closed: ${err.message}` };
      const words = err.name === "rejected" ? err.reason?.message : err.message;
      if (typeof words !== "string" || !words.trim()) return { problem: `refused without a { message } reason: ${JSON.stringify(err.reason) ?? err.message}` };
      return { refusal: words };
    }
  }

  /** True when another host removed this client (a kick input) while it was in use: not its own input's doing. */
  async #removed(c: PoolClient): Promise<boolean> {
    // The SDK reports the close (onLeave) a moment after the socket stops being open.
    if (c.closed === undefined && !c.room.connection.isOpen) await sleep(100);
    return c.closed === CLOSE_CODES.removed;
  }

  /** After a request: the sender is still connected. */
  async #afterward(c: PoolClient): Promise<string | undefined> {
    if (c.closed === undefined) return undefined;
    const kicked = c.closed === CLOSE_CODES.removed;
    await this.#replaceIfClosed(c);
    return kicked ? undefined : `the server closed the sender's connection (${c.closed})`;
  }

  /** A connected pool client of the role with `tokens` to spend under the pacing, waiting if all are spent. */
  async #pick(role: Sender, tokens: number): Promise<PoolClient> {
    for (;;) {
      const pool = this.#pool.filter((c) => c.role === role);
      for (let i = 0; i < pool.length; i++) {
        const c = pool[(this.#next + i) % pool.length]!;
        if (c.closed !== undefined) {
          await this.#replaceIfClosed(c);
          continue;
        }
        if (this.#take(c.name, tokens)) {
          this.#next++;
          return c;
        }
      }
      await sleep(25);
      if (process.env.FUZZ_DEBUG) process.stderr.write(`pick ${role}: ${pool.map((c) => `${c.name}:${c.closed ?? "open"}`).join(" ")}\n`);
    }
  }

  /** Spends `tokens` of the client's pace if all are there (a cell-rate check: nothing is spent on a refusal). */
  #take(name: string, tokens: number): boolean {
    const now = performance.now();
    const due = Math.max(this.#pace.get(name) ?? 0, now);
    if (due - now > PACE_BURST_MS) return false;
    this.#pace.set(name, due + tokens * PACE_MS);
    return true;
  }

  async #replaceIfClosed(c: PoolClient): Promise<void> {
    if (c.closed === undefined) return;
    const i = this.#pool.indexOf(c);
    if (i < 0) return;
    // Back by seat token, as a dropped browser tab comes back (the seat may be gone after a consented leave or a kick).
    this.#pool[i] = await this.#seat(c.name, c.role, c.seat);
  }

  async #seat(name: string, role: Sender, seat?: string): Promise<PoolClient> {
    const room = await this.#client().joinById(this.code, { name, ...(role === "host" ? { hostToken: this.#hostToken } : {}), ...(seat ? { seat } : {}) });
    const welcome = (await withTimeout(new Promise((resolve) => room.onMessage("welcome", resolve)), ANSWER_MS)) as WelcomeMessage;
    room.reconnection.enabled = false;
    const c: PoolClient = { name, role, room, seat: welcome.seat, errors: [], own: new Map(), closed: undefined };
    socketOf(room).addEventListener("message", (event) => {
      if (!(event.data instanceof ArrayBuffer)) return;
      const bytes = new Uint8Array(event.data);
      if (bytes[0] !== Protocol.ROOM_RESPONSE) return;
      const it = { offset: 1 };
      const id = decode.number(bytes, it);
      const answer = c.own.get(id);
      if (!answer) return;
      c.own.delete(id);
      const status = bytes[it.offset++]!;
      answer(status, bytes.length > it.offset ? unpack(bytes, { start: it.offset }) : undefined);
    });
    room.onMessage("error", (m: { message?: unknown }) => c.errors.push(typeof m?.message === "string" ? m.message : ""));
    room.onMessage("*", () => undefined);
    room.onLeave((code) => (c.closed = code));
    return c;
  }

  async #probe(code: string): Promise<string | undefined> {
    const room = await this.#freshClient(code, {});
    try {
      const res = (await room.request("kubectl", { line: "kubectl get nodes -o name" }, { timeout: ANSWER_MS })) as KubectlResponse;
      return streamText(res, "stdout").startsWith("node/") ? undefined : `kubectl get nodes -o name answered ${JSON.stringify(res).slice(0, 200)}`;
    } finally {
      await room.leave().catch(() => undefined);
    }
  }

  async #freshClient(code: string, options: Record<string, unknown>): Promise<SdkRoom> {
    const room = await withTimeout(this.#client().joinById(code, options), ANSWER_MS);
    room.reconnection.enabled = false;
    room.onMessage("*", () => undefined);
    return room;
  }

  /** A client from its own address (the server trusts X-Real-IP from loopback), so the fuzzer's joins are not one address's. */
  #client(): Client {
    const n = ++this.#ip;
    return new Client(this.base, { headers: { "X-Real-IP": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } });
  }

  async #createRoom(): Promise<CreateRoomResponse> {
    const res = await fetch(`${this.base}/api/rooms`, { method: "POST", headers: { "Content-Type": "application/json", "X-Forwarded-For": "10.255.0.1" }, body: JSON.stringify({ scenario: "sandbox", seed: 1 }) });
    if (res.status !== 201) throw new Error(`POST /api/rooms answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as CreateRoomResponse;
  }

  #count(entry: string): void {
    this.log.lines += entry.split("\n").length;
    this.log.bytes += Buffer.byteLength(entry) + 1;
    if (entry.includes("\n")) {
      this.log.multiline++;
      if (this.log.samples.length < 5) this.log.samples.push(entry.split("\n").slice(0, 3).join(" ⏎ ").slice(0, 300));
    }
  }

  /** Counts what reaches console (Colyseus logs there) and keeps it off the terminal. */
  #captureConsole(): () => void {
    const saved = { error: console.error, warn: console.warn, info: console.info, log: console.log, debug: console.debug };
    for (const key of Object.keys(saved) as (keyof typeof saved)[]) {
      console[key] = (...args: unknown[]) => {
        const text = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === "string" ? a : JSON.stringify(a))).join(" ");
        if (!SDK_LINE.test(text)) this.#count(text);
      };
    }
    return () => Object.assign(console, saved);
  }
}

/** Why the server must answer a plain send with an "error" message, or undefined when it should run it. */
export function expectedError(type: string | number, payload: unknown, as: Sender): string | undefined {
  const module = Object.hasOwn(MESSAGES, String(type)) ? MESSAGES[String(type)] : undefined;
  if (!module) return "unknown type";
  if (!module.schema.safeParse(payload).success) return "invalid payload";
  if (!module.roles.includes(as)) return "wrong role";
  return undefined;
}

/** A Colyseus message header: protocol code, request id (requests), type. */
function frameHeader(code: number, type: string | number, requestId?: number): Uint8Array {
  const bytes = new Uint8Array(16 + (typeof type === "string" ? Buffer.byteLength(type) : 0));
  const it = { offset: 0 };
  bytes[it.offset++] = code;
  if (requestId !== undefined) encode.number(bytes, requestId, it);
  if (typeof type === "string") encode.string(bytes, type, it);
  else encode.number(bytes, type, it);
  return bytes.subarray(0, it.offset);
}

/** The room's WebSocket (Node's global WebSocket, which the SDK uses). */
export function socketOf(room: SdkRoom): WebSocket {
  return (room.connection.transport as unknown as { ws: WebSocket }).ws;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)))]).finally(() => clearTimeout(timer));
}
