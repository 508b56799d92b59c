// kubectl logs: the pod, the container (defaulted to the first when -c is not
// given, as LogsForObject does), then GET pods/NAME/log through the API server,
// which asks the node's kubelet. The text is printed as it comes, newlines and all.
// LogsOptions is built once in complete(); validate() has kubectl's refusals.

import { plainError, reportErrors, statusError, usageError, type KubectlError } from "../errors.ts";
import { flagBool, flagInt, flagString } from "../flags.ts";
import { resolveType } from "../resources.ts";
import { bool, int, str, type CommandContext } from "./command.ts";
import { optionsCommand, type Completed } from "./options.ts";
import { NOT_AVAILABLE } from "./unsupported.ts";

export const LOGS_USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

interface LogsOptions {
  /** POD or TYPE/NAME. */
  readonly resourceArg: string;
  /** -c or the inline CONTAINER; "" to default. */
  readonly container: string;
  readonly containerNameSpecified: boolean;
  readonly inlineContainer: boolean;
  readonly previous: boolean;
  /** -1: every line. */
  readonly tail: number;
}

function complete(ctx: CommandContext): Completed<LogsOptions> {
  const f = ctx.flags;
  // Following a stream is not something a console line can do.
  if (flagBool(f, "follow")) return { error: plainError(NOT_AVAILABLE(`${ctx.path} -f`)) };
  if (ctx.args.length === 0 || ctx.args.length > 2) return { error: usageError(ctx.path, LOGS_USAGE) };
  return {
    options: {
      resourceArg: ctx.args[0]!,
      container: ctx.args[1] ?? flagString(f, "container"),
      containerNameSpecified: f.changed.has("container"),
      inlineContainer: ctx.args.length === 2,
      previous: flagBool(f, "previous"),
      tail: flagInt(f, "tail", -1),
    },
  };
}

function validate(o: LogsOptions): KubectlError | undefined {
  if (o.containerNameSpecified && o.inlineContainer) return plainError("only one of -c or an inline [CONTAINER] arg is allowed");
  if (o.tail < -1) return plainError("--tail must be greater than or equal to -1");
  return undefined;
}

function run(o: LogsOptions, ctx: CommandContext): void {
  const arg = o.resourceArg;
  const slash = arg.indexOf("/");
  let name = arg;
  if (slash >= 0) {
    const typed = arg.slice(0, slash);
    const resource = resolveType(typed);
    if (resource === undefined) return reportErrors(ctx.out, [plainError(`the server doesn't have a resource type "${typed}"`)]);
    if (resource !== "pods") return ctx.out.fail(NOT_AVAILABLE(`${ctx.path} ${typed}/NAME`));
    name = arg.slice(slash + 1);
  }
  const got = ctx.env.client.get("pods", ctx.namespace, name);
  if (!got.ok) return reportErrors(ctx.out, [statusError(got.status)]);
  const pod = got.object;
  let container = o.container;
  if (container === "") {
    // Default to the first container name (aligning behavior with `kubectl exec`).
    container = pod.spec.containers[0]!.name;
    const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name);
    if (all.length > 1) ctx.out.err(`Defaulted container ${JSON.stringify(container)} out of: ${all.join(", ")}\n`);
  } else if (![...(pod.spec.initContainers ?? []), ...pod.spec.containers].some((c) => c.name === container)) {
    return reportErrors(ctx.out, [plainError(`container ${container} is not valid for pod ${name}`)]);
  }
  const logs = ctx.env.client.getLogs(ctx.namespace, name, { container, previous: o.previous, ...(o.tail >= 0 ? { tailLines: o.tail } : {}) });
  if (!logs.ok) return reportErrors(ctx.out, [statusError(logs.status)]);
  ctx.out.out(logs.object);
}

export const logsCommand = optionsCommand<LogsOptions>({
  name: "logs",
  use: "logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]",
  short: "Print the logs for a container in a pod",
  flags: [str("container", "c"), bool("previous", "p"), int("tail"), bool("follow", "f")],
  complete,
  validate,
  run,
});
