// Every command the console knows, in kubectl's registration order.

import { annotateCommand } from "./annotate.ts";
import { authCommand } from "./auth.ts";
import { configCommand } from "./config.ts";
import { applyCommand } from "./apply.ts";
import type { Command } from "./command.ts";
import { createCommand } from "./create.ts";
import { deleteCommand } from "./delete.ts";
import { describeCommand } from "./describe.ts";
import { cordonCmd, drainCommand, uncordonCommand } from "./drain.ts";
import { explainCommand } from "./explain.ts";
import { getCommand } from "./get.ts";
import { apiResourcesCommand, apiVersionsCommand, clusterInfoCommand, topCommand, versionCommand } from "./info.ts";
import { labelCommand } from "./label.ts";
import { logsCommand } from "./logs.ts";
import { patchCommand } from "./patch.ts";
import { replaceCommand } from "./replace.ts";
import { scaleCommand } from "./scale.ts";
import { rolloutCommand } from "./rollout.ts";
import { runCommand } from "./run.ts";
import { setCommand } from "./set.ts";
import { taintCommand } from "./taint.ts";
import { UNSUPPORTED_COMMANDS } from "./unsupported.ts";
import { waitCommand } from "./wait.ts";
import { KUBECTL_COMMAND_ORDER } from "./root.ts";

const IMPLEMENTED: readonly Command[] = [
  createCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  clusterInfoCommand,
  topCommand,
  cordonCmd,
  uncordonCommand,
  drainCommand,
  taintCommand,
  describeCommand,
  logsCommand,
  applyCommand,
  labelCommand,
  annotateCommand,
  patchCommand,
  replaceCommand,
  versionCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  waitCommand,
  authCommand,
  configCommand,
];

const all = [...IMPLEMENTED, ...UNSUPPORTED_COMMANDS];

export const COMMANDS: readonly Command[] = KUBECTL_COMMAND_ORDER.map((n) => all.find((c) => c.name === n)).filter((c): c is Command => c !== undefined);
