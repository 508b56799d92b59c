// Everything a player asks of the server goes through here, as Colyseus
// request/response round-trips: a refused or malformed request gets an answer
// and the connection lives. A message too large for the protocol is refused
// here before it is sent, and whatever the server answers (a rejection, a
// timeout, or nothing usable) becomes a result the caller can show. Scenes and
// DOM panels call these; they never write state themselves.

import {
  MessageType,
  type BindRequest,
  type BindResponse,
  type CompleteResponse,
  type DragRequest,
  type KubectlResponse,
  type NodeActionRequest,
  type NodeActionResponse,
  type Speed,
} from "../../shared/protocol/messages.ts";
import type { ClusterRoom } from "./connection.ts";
import { kubectlProblem, messageProblem } from "./limits.ts";

export interface Intents {
  bind(request: BindRequest): Promise<BindResponse>;
  nodeAction(request: NodeActionRequest): Promise<NodeActionResponse>;
  /** Resolves with an error message, or undefined when the server took it. */
  speed(speed: Speed): Promise<string | undefined>;
  kubectl(line: string, stdin?: string): Promise<KubectlResponse>;
  complete(line: string): Promise<CompleteResponse>;
  /** The player's hand: the pod they picked up, or null when they let go. Presence only: failures are ignored. */
  drag(request: DragRequest): void;
  /** Host only: removes a player. Resolves with an error message, or undefined. */
  kick(name: string): Promise<string | undefined>;
}

/** Console requests may run long (a big `get -o yaml`); UI gestures should not. */
const GESTURE_TIMEOUT_MS = 5_000;
const CONSOLE_TIMEOUT_MS = 15_000;

export function newIntents(room: ClusterRoom): Intents {
  const request = async <T>(type: string, payload: unknown, timeout = GESTURE_TIMEOUT_MS): Promise<T> => {
    const problem = messageProblem(type, payload);
    if (problem) throw new Error(problem);
    return (await room.request(type as never, payload as never, { timeout })) as T;
  };

  return {
    async bind(req) {
      try {
        return await request<BindResponse>(MessageType.bind, req);
      } catch (error) {
        const message = requestErrorMessage(error);
        return { ok: false, reasons: [], message };
      }
    },
    async nodeAction(req) {
      try {
        return await request<NodeActionResponse>(MessageType.nodeAction, req);
      } catch (error) {
        return { ok: false, message: requestErrorMessage(error) };
      }
    },
    async speed(speed) {
      try {
        await request<unknown>(MessageType.speed, { speed });
        return undefined;
      } catch (error) {
        return requestErrorMessage(error);
      }
    },
    async kubectl(line, stdin) {
      const problem = kubectlProblem(line, stdin);
      if (problem) return kubectlError(problem);
      try {
        return kubectlResponse(await request<unknown>(MessageType.kubectl, stdin === undefined ? { line } : { line, stdin }, CONSOLE_TIMEOUT_MS));
      } catch (error) {
        return kubectlError(requestErrorMessage(error));
      }
    },
    async complete(line) {
      try {
        const reply = await request<Partial<CompleteResponse> | undefined>(MessageType.complete, { line });
        const candidates = Array.isArray(reply?.candidates) ? reply.candidates.filter((c): c is string => typeof c === "string") : [];
        return { candidates };
      } catch {
        return { candidates: [] };
      }
    },
    drag(req) {
      request<unknown>(MessageType.drag, req).catch(() => {
        // Others just miss a hint of whose hand is where; the drop itself is a bind request.
      });
    },
    async kick(name) {
      try {
        const reply = await request<{ ok?: boolean; message?: string } | undefined>(MessageType.kick, { name });
        return reply?.ok === false ? String(reply.message ?? "the server refused") : undefined;
      } catch (error) {
        return requestErrorMessage(error);
      }
    },
  };
}

/** One stderr line, as kubectl prints an error. */
export function kubectlError(message: string): KubectlResponse {
  return { exitCode: 1, output: [{ stream: "stderr", text: `error: ${message}\n` }] };
}

/**
 * The console's answer from whatever came back: a reply without the
 * expected shape (a server fault answering nothing) is an error line, never a
 * value the console trips over.
 */
export function kubectlResponse(reply: unknown): KubectlResponse {
  if (!reply || typeof reply !== "object") return kubectlError("the server sent no answer to this command");
  const r = reply as Partial<KubectlResponse>;
  const output = Array.isArray(r.output) ? r.output.filter((c) => c && (c.stream === "stdout" || c.stream === "stderr") && typeof c.text === "string") : [];
  if (output.length === 0 && typeof r.exitCode !== "number") return kubectlError("the server sent no answer to this command");
  return { exitCode: typeof r.exitCode === "number" ? r.exitCode : 1, output };
}

/**
 * A deliberate server rejection carries its reason in `error.reason` (any
 * shape); a fault or a timeout only has a message.
 */
export function requestErrorMessage(error: unknown): string {
  if (error instanceof Error) {
    const reason = (error as Error & { reason?: unknown }).reason;
    if (typeof reason === "string") return reason;
    if (reason && typeof reason === "object" && "message" in reason && typeof reason.message === "string") return reason.message;
    return error.message;
  }
  return String(error);
}
