// Everything a player asks of the server goes through here, as Colyseus
// request/response round-trips: a refused or malformed request gets an answer
// and the connection lives. Scenes and DOM panels call these; they never write
// state themselves.

import {
  MessageType,
  type BindRequest,
  type BindResponse,
  type CompleteResponse,
  type KubectlResponse,
  type NodeActionRequest,
  type NodeActionResponse,
  type Speed,
} from "../../shared/protocol/messages.ts";
import type { ClusterRoom } from "./connection.ts";

export interface Intents {
  bind(request: BindRequest): Promise<BindResponse>;
  nodeAction(request: NodeActionRequest): Promise<NodeActionResponse>;
  /** Resolves with an error message, or undefined when the server took it. */
  speed(speed: Speed): Promise<string | undefined>;
  kubectl(line: string, stdin?: string): Promise<KubectlResponse>;
  complete(line: string): Promise<CompleteResponse>;
}

/** Console requests may run long (a big `get -o yaml`); UI gestures should not. */
const GESTURE_TIMEOUT_MS = 5_000;
const CONSOLE_TIMEOUT_MS = 15_000;

export function newIntents(room: ClusterRoom): Intents {
  const request = <T>(type: string, payload: unknown, timeout = GESTURE_TIMEOUT_MS): Promise<T> =>
    room.request(type as never, payload as never, { timeout }) as Promise<T>;

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
      try {
        return await request<KubectlResponse>(MessageType.kubectl, stdin === undefined ? { line } : { line, stdin }, CONSOLE_TIMEOUT_MS);
      } catch (error) {
        const stderr = `error: ${requestErrorMessage(error)}\n`;
        return { stdout: "", stderr, exitCode: 1, output: [{ stream: "stderr", text: stderr }] };
      }
    },
    async complete(line) {
      try {
        return await request<CompleteResponse>(MessageType.complete, { line });
      } catch {
        return { candidates: [] };
      }
    },
  };
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
