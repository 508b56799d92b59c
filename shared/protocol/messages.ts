// Messages between the browser and the cluster room. Every one is validated on
// arrival with these zod schemas (Colyseus 0.18 takes Standard Schema); the
// console, binding and node actions are requests, so a bad input gets an answer
// and the connection lives.

import { z } from "zod";

/** Longest console input accepted: a pasted manifest fits, a flood does not. */
export const MAX_CONSOLE_BYTES = 64 * 1024;
export const SPEEDS = [0, 1, 5, 20] as const;
export type Speed = (typeof SPEEDS)[number];

export const MessageType = {
  kubectl: "kubectl",
  complete: "complete",
  bind: "bind",
  nodeAction: "node-action",
  speed: "speed",
  /** Server → client: an error about a message that could not be handled. */
  error: "error",
} as const;

const name = z.string().min(1).max(253);

export const KubectlRequest = z.object({
  /** One console line, e.g. "kubectl get pods -o wide". */
  line: z.string().max(4096),
  /** Standard input for `kubectl apply -f -` (the YAML editor's text). */
  stdin: z.string().max(MAX_CONSOLE_BYTES).optional(),
});
export type KubectlRequest = z.infer<typeof KubectlRequest>;

export interface KubectlResponse {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** Both streams in the order kubectl wrote them: what the console shows. */
  readonly output: readonly { readonly stream: "stdout" | "stderr"; readonly text: string }[];
}

export const CompleteRequest = z.object({ line: z.string().max(4096) });
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

/** Options a client passes when creating or joining a cluster room. */
export const JoinOptions = z.object({
  scenario: z.string().regex(/^[a-z0-9-]{1,64}$/).default("sandbox"),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  name: z.string().max(32).optional(),
});
export type JoinOptions = z.infer<typeof JoinOptions>;

export const ROOM_NAME = "cluster";
