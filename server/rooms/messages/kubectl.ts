// "kubectl": one console line (and, for `apply -f -`, the editor's text), run as
// the player; the reply is exactly what kubectl would print. A line that only
// reads runs on the room's read replica, off the event loop, at the tick it was
// sent (the replica has every earlier write); every other line runs on the
// session here, journalled before the reply.

import type { Client } from "@colyseus/core";
import { isReadOnlyLine } from "../../../shared/kubectl/read-only.ts";
import type { KubectlResult } from "../../../shared/kubectl/kubectl.ts";
import { KubectlRequest, type KubectlResponse } from "../../../shared/protocol/messages.ts";
import type { RoomContext } from "./context.ts";

export const roles = ["host", "player"] as const;
export const does = "run kubectl";
export const schema = KubectlRequest;

export function handle(ctx: RoomContext, client: Client, msg: KubectlRequest): KubectlResponse | Promise<KubectlResponse> {
  const replica = ctx.replica;
  if (replica?.live && isReadOnlyLine(msg.line)) {
    const user = ctx.userOf(client);
    // The replica refuses a line that writes after all; it then runs here, as a write.
    return replica.kubectl(user, ctx.session.kubeconfig(user), msg.line, msg.stdin).then((result) => (result ? toResponse(result) : run(ctx, client, msg)));
  }
  return run(ctx, client, msg);
}

function run(ctx: RoomContext, client: Client, msg: KubectlRequest): KubectlResponse {
  const before = ctx.session.actionCount;
  const result = ctx.session.kubectl(ctx.userOf(client), msg.line, msg.stdin);
  // A write kubectl gave up on before sending (its GET was refused or found nothing) is still a deed others should see.
  const refusal = ctx.session.actionCount === before ? refusedWrite(msg.line, result) : undefined;
  if (refusal) ctx.feed(client, refusal, true);
  ctx.flush();
  return toResponse(result);
}

/** The text once on the wire: stdout and stderr are in `output` already. */
function toResponse(result: KubectlResult): KubectlResponse {
  return { exitCode: result.exitCode, output: result.output };
}

/** kubectl subcommands that write. */
const WRITES = new Set(["create", "apply", "replace", "patch", "delete", "scale", "label", "annotate", "cordon", "uncordon", "drain", "taint", "set", "rollout", "run", "expose", "autoscale", "edit"]);

function refusedWrite(line: string, result: KubectlResult): string | undefined {
  const words = line.trim().split(/\s+/);
  if (words[0] !== "kubectl" || !WRITES.has(words[1] ?? "") || result.exitCode === 0) return undefined;
  const error = result.stderr.split("\n").find((l) => l.startsWith("Error from server") || l.startsWith("error: "));
  if (!error) return undefined;
  const command = line.trim().slice(0, 120);
  return `tried "${command}": ${error.replace(/^Error from server \([A-Za-z]+\): |^error: /, "")}`;
}
