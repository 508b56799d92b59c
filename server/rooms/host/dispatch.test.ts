// The message front door on its own: every failure is answered in words, and
// nothing reaches Colyseus' paths that close sockets or throw.

import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Client, Room } from "@colyseus/core";
import { registerMessages } from "./dispatch.ts";
import type { MessageModule } from "../messages/index.ts";
import type { RoomContext } from "../messages/context.ts";

type Handler = (client: Client, payload: unknown, ctx?: { id: number | undefined; reject(r: unknown): void }) => unknown;

function fakeRoom() {
  const handlers = new Map<string, Handler>();
  const room = { roomId: "ROOM01", onMessage: (type: string, cb: Handler) => handlers.set(type, cb) } as unknown as Room;
  return { room, handlers };
}

function fakeClient(id = "s1") {
  const sent: [string, unknown][] = [];
  return { client: { sessionId: id, send: (type: string, msg: unknown) => sent.push([type, msg]) } as unknown as Client, sent };
}

/** Sends as room.request would: returns the handler's value or the rejection reason. */
function request(h: Handler, client: Client, payload: unknown): { value?: unknown; rejected?: unknown } {
  let rejected: unknown;
  const value = h(client, payload, { id: 1, reject: (r) => (rejected = r) });
  return rejected !== undefined ? { rejected } : { value };
}

const modules: Record<string, MessageModule<unknown>> = {
  echo: { schema: z.object({ line: z.string().max(10) }) as z.ZodType<unknown>, roles: ["host", "player"], does: "echo", handle: (_c, _cl, msg) => msg },
  pause: { schema: z.object({}) as z.ZodType<unknown>, roles: ["host"], does: "pause or change the speed", handle: () => ({ ok: true }) },
  boom: { schema: z.object({}) as z.ZodType<unknown>, roles: ["host", "player"], does: "boom", handle: () => { throw new Error("yaml: alias loop\n  at parse"); } },
  later: { schema: z.object({ fail: z.boolean() }) as z.ZodType<unknown>, roles: ["host", "player"], does: "later", handle: (_c, _cl, msg) => ((msg as { fail: boolean }).fail ? Promise.reject(new Error("the read replica stopped")) : Promise.resolve({ ok: true })) },
};

function setup(role: "host" | "player" | undefined = "player", now = () => 0) {
  const { room, handlers } = fakeRoom();
  const logged: string[] = [];
  registerMessages(room, modules, {} as RoomContext, { roleOf: () => role, log: (l) => logged.push(l), now });
  return { handlers, logged };
}

describe("message dispatch", () => {
  it("runs a valid message and returns the handler's value", () => {
    const { handlers } = setup();
    expect(request(handlers.get("echo")!, fakeClient().client, { line: "hi" })).toEqual({ value: { line: "hi" } });
  });

  it("answers a bad payload with one line, and an over-long console line with the limit", () => {
    const { handlers, logged } = setup();
    const { client } = fakeClient();
    expect(request(handlers.get("echo")!, client, { line: 42 })).toEqual({ rejected: { message: 'invalid "echo" message: line: Invalid input: expected string, received number' } });
    expect(logged).toHaveLength(1);
    expect(logged[0]!.split("\n")).toHaveLength(1);
  });

  it("refuses the wrong role in words", () => {
    const { handlers } = setup("player");
    expect(request(handlers.get("pause")!, fakeClient().client, {})).toEqual({ rejected: { message: "only the host can pause or change the speed" } });
    const host = setup("host");
    expect(request(host.handlers.get("pause")!, fakeClient().client, {})).toEqual({ value: { ok: true } });
  });

  it("turns a handler's exception into an error reply, not an empty OK", () => {
    const { handlers, logged } = setup();
    const res = request(handlers.get("boom")!, fakeClient().client, {});
    expect(res).toEqual({ rejected: { message: 'internal error while handling "boom": yaml: alias loop; the room keeps running' } });
    expect(logged).toEqual(['[ROOM01] "boom" handler failed: yaml: alias loop']);
  });

  it("answers a promised reply when it comes, and a rejected one like an exception", async () => {
    const { handlers, logged } = setup();
    let rejected: unknown;
    const ctx = { id: 1, reject: (r: unknown) => (rejected = r) };
    expect(await handlers.get("later")!(fakeClient().client, { fail: false }, ctx)).toEqual({ ok: true });
    expect(rejected).toBeUndefined();
    expect(await handlers.get("later")!(fakeClient().client, { fail: true }, ctx)).toBeUndefined();
    expect(rejected).toEqual({ message: 'internal error while handling "later": the read replica stopped; the room keeps running' });
    expect(logged).toEqual(['[ROOM01] "later" handler failed: the read replica stopped']);
  });

  it("answers an unknown message type with an error message, whatever its length", () => {
    const { handlers } = setup();
    const { client, sent } = fakeClient();
    handlers.get("*")!(client, "x".repeat(100) as unknown, { id: undefined, reject: () => undefined });
    expect(sent).toEqual([["error", { message: `unknown message type "${"x".repeat(64)}"` }]]);
  });

  it("answers a burst past the bucket with 'slow down' and lets the sender go on once it refills", () => {
    let now = 0;
    const { handlers } = setup("player", () => now);
    const { client } = fakeClient();
    const results = Array.from({ length: 60 }, () => request(handlers.get("echo")!, client, { line: "x" }));
    const refused = results.filter((r) => r.rejected);
    expect(results.length - refused.length).toBe(20);
    expect(refused[0]!.rejected).toEqual({ message: "slow down: more than 20 messages in a burst or 8 a second; this one was not run" });
    now += 1000;
    expect(request(handlers.get("echo")!, client, { line: "x" })).toEqual({ value: { line: "x" } });
    // Another client has its own bucket.
    expect(request(handlers.get("echo")!, fakeClient("s2").client, { line: "x" })).toEqual({ value: { line: "x" } });
  });
});
