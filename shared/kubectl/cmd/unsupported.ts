// Real kubectl commands the console does not run. They are known commands (so
// no "unknown command"), but say plainly that the console does not offer them.

import type { Command } from "./command.ts";

export const NOT_AVAILABLE = (path: string): string => `error: "${path}" is not available in the Pod Pilot console\n`;

const NAMES = [
  "expose", "edit", "autoscale", "certificate", "attach", "exec",
  "port-forward", "proxy", "cp", "debug", "events", "diff", "kustomize",
  "completion", "plugin", "options",
];

export const UNSUPPORTED_COMMANDS: readonly Command[] = NAMES.map((name) => ({
  name,
  use: name,
  short: "",
  flags: [],
  unsupported: true,
  run() {},
}));
