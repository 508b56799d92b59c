// Tab completion for the console: candidates for the last word of a partial
// line: subcommands, resource types, flags, and object names read from the
// API server, the way kubectl's __complete does for the same positions.

import { contextNamespace } from "./kubeconfig.ts";
import type { KubectlEnv } from "./env.ts";
import { tokenize } from "./tokenize.ts";
import type { ApiResult } from "../sim/apiserver/errors.ts";
import type { ListResult } from "../sim/apiserver/apiserver.ts";

/** Completion offers only what the player may list. */
function listed<T>(r: ApiResult<ListResult<T>>): readonly T[] {
  return r.ok ? r.object.items : [];
}
import { KUBECTL_ALIASES } from "./cmd/root.ts";
import { COMMANDS } from "./cmd/index.ts";
import { GLOBAL_FLAGS } from "./cmd/root.ts";
import type { Command } from "./cmd/command.ts";
import { RESOURCE_NAMES, infoOf, isNamespaced, resolveType } from "./resources.ts";

const TYPE_TAKING = new Set(["get", "describe", "delete", "label", "scale", "edit"]);
const NODE_TAKING = new Set(["cordon", "uncordon", "drain"]);
const OUTPUT_FORMATS = ["json", "name", "wide", "yaml"];

function unique(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

function objectNames(env: KubectlEnv, typed: string, namespace: string): string[] {
  const r = resolveType(typed);
  if (!r) return [];
  const items = listed(env.client.list(r, isNamespaced(r) ? namespace : undefined));
  return items.map((o) => o.metadata.name ?? "").filter((n) => n !== "");
}

/** Tab completion: candidates for the last word of a partial line. */
export function completeKubectl(env: KubectlEnv, line: string): string[] {
  const endsWithSpace = /\s$/.test(line);
  const tokens = tokenize(line);
  if (!tokens.ok) return [];
  const words = [...tokens.words];
  if (endsWithSpace || words.length === 0) words.push("");
  const current = words[words.length - 1]!;
  const before = words.slice(0, -1);
  if (before.length === 0) return ["kubectl"].filter((c) => c.startsWith(current));
  if (!KUBECTL_ALIASES.includes(before[0]!)) return [];

  // Walk the command path and note -n and the last flag.
  let commands: readonly Command[] = COMMANDS;
  const path: Command[] = [];
  const positional: string[] = [];
  let namespace = contextNamespace(env.kubeconfig);
  for (let i = 1; i < before.length; i++) {
    const w = before[i]!;
    if ((w === "-n" || w === "--namespace") && i + 1 < before.length) namespace = before[++i]!;
    else if (w.startsWith("--namespace=")) namespace = w.slice("--namespace=".length);
    else if (w.startsWith("-")) continue;
    else {
      const sub = commands.find((c) => c.name === w || (c.aliases ?? []).includes(w));
      if (sub && positional.length === 0) {
        path.push(sub);
        commands = sub.subcommands ?? [];
      } else positional.push(w);
    }
  }
  const prev = before[before.length - 1]!;
  const cmd = path[path.length - 1];
  const starts = (xs: string[]): string[] => unique(xs.filter((x) => x.startsWith(current)));

  if (prev === "-n" || prev === "--namespace") return starts(listed(env.client.list("namespaces")).map((n) => n.metadata.name ?? ""));
  if (prev === "-o" || prev === "--output") return starts(OUTPUT_FORMATS);
  if (current.startsWith("-")) {
    const flags = [...(cmd?.flags ?? []), ...GLOBAL_FLAGS].map((f) => `--${f.name}`);
    return starts(flags);
  }
  if (!cmd) return starts(COMMANDS.filter((c) => !c.unsupported).map((c) => c.name));
  if ((cmd.subcommands ?? []).length > 0 && positional.length === 0) return starts(cmd.subcommands!.map((c) => c.name));
  if (NODE_TAKING.has(cmd.name)) return starts(objectNames(env, "nodes", namespace));
  if (cmd.name === "taint") {
    if (positional.length === 0) return starts(["nodes"]);
    if (positional.length === 1) return starts(objectNames(env, "nodes", namespace));
    return [];
  }
  const parent = path.length > 1 ? path[path.length - 2]!.name : "";
  if (TYPE_TAKING.has(cmd.name) || parent === "rollout" || (parent === "set" && cmd.name === "image")) {
    // rollout's subcommands take deployments only (kubectl offers deployment, daemonset, statefulset).
    const allowed = parent === "rollout" ? ["deployment"] : undefined;
    const types = allowed ?? RESOURCE_NAMES.flatMap((r) => [infoOf(r).resource, ...infoOf(r).shortNames]).concat(cmd.name === "get" || cmd.name === "describe" ? ["all"] : []);
    const names = (type: string): string[] => (allowed && resolveType(type) !== "deployments" ? [] : objectNames(env, type, namespace));
    // completion.resourceTypeAndNameCompletionFunc: TYPE NAME... or TYPE/NAME..., without repeating a name.
    if (positional.length > 0 && !positional[0]!.includes("/")) {
      return starts(names(positional[0]!)).filter((n) => !positional.slice(1).includes(n));
    }
    const slash = current.indexOf("/");
    if (slash === -1) return positional.length === 0 ? starts(types) : starts(types).map((t) => `${t}/`);
    const type = current.slice(0, slash);
    return starts(names(type).map((n) => `${type}/${n}`)).filter((n) => !positional.includes(n));
  }
  return [];
}
