// The room's front door for messages, like kube-apiserver's filter chain:
// rate limit → decode (zod) → role check → handler, and every failure answered.
// A request (room.request) gets a rejection whose reason is { message }; a
// plain send gets an "error" message back. Nothing a client sends closes its
// socket or reaches the process: unknown types, bad payloads and handler
// exceptions (thrown, or a returned promise's rejection) are all answered, and
// logged as one line.

import type { Client, MessageContext, Room } from "@colyseus/core";
import type { z } from "zod";
import { MAX_LINE_BYTES, MessageType, type Role } from "../../../shared/protocol/messages.ts";
import type { RoomContext } from "../messages/context.ts";
import type { MessageModule } from "../messages/index.ts";
import { RateLimiter, slowDownMessage } from "./rate-limiter.ts";

export interface DispatchOptions {
  readonly roleOf: (client: Client) => Role | undefined;
  readonly log: (line: string) => void;
  readonly now: () => number;
}

export function registerMessages(room: Room, modules: Readonly<Record<string, MessageModule<unknown>>>, ctx: RoomContext, opts: DispatchOptions): RateLimiter {
  const limiter = new RateLimiter();
  const answer = (client: Client, mctx: MessageContext | undefined, message: string): void => {
    if (mctx?.id !== undefined) mctx.reject({ message });
    else client.send(MessageType.error, { message });
  };

  for (const [type, module] of Object.entries(modules)) {
    // No validator is handed to Colyseus: on a bad payload it would close the socket.
    room.onMessage(type, (client: Client, payload: unknown, mctx?: MessageContext) => {
      if (!limiter.take(client.sessionId, opts.now())) return answer(client, mctx, slowDownMessage());
      const parsed = module.schema.safeParse(payload);
      if (!parsed.success) {
        const message = `invalid "${type}" message: ${issuesLine(parsed.error)}`;
        opts.log(`[${room.roomId}] ${client.sessionId}: ${message}`);
        return answer(client, mctx, message);
      }
      const role = opts.roleOf(client);
      if (role === undefined || !module.roles.includes(role)) return answer(client, mctx, `only the host can ${module.does}`);
      const fail = (error: unknown): void => {
        const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
        opts.log(`[${room.roomId}] "${type}" handler failed: ${reason}`);
        answer(client, mctx, `internal error while handling "${type}": ${reason}; the room keeps running`);
      };
      try {
        const result = module.handle(ctx, client, parsed.data);
        // A reply that comes later (a read on the replica) fails the same way a thrown one does.
        if (result instanceof Promise) return result.catch(fail);
        // A handler's refusal ({ ok: false, message }) is an answer, not an error: it goes back as a value.
        return result;
      } catch (error) {
        return fail(error);
      }
    });
  }

  // Any other type: answered, never a socket closed with a reason longer than
  // WebSocket's 123 bytes (which Colyseus' own "not registered" path would do).
  room.onMessage("*", (client: Client, type: string | number, _payload: unknown) => {
    if (!limiter.take(client.sessionId, opts.now())) return;
    client.send(MessageType.error, { message: `unknown message type "${String(type).slice(0, 64)}"` });
  });
  return limiter;
}

/** zod's issues as one line; an over-long console line says just that. */
function issuesLine(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid payload";
  if (issue.code === "too_big" && issue.path.join(".") === "line") return `a console line is limited to ${MAX_LINE_BYTES} characters`;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
  return `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}${more}`;
}
