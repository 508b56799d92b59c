// npm run kubectl -- [--scenario NAME] [--seed N] [--echo]
// Reads console lines on standard input and prints what the in-game console
// would, one command after another, against one fresh session of the scenario.

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Session } from "../shared/game/session.ts";
import { loadCatalog } from "../server/scenarios.ts";
import { runTranscript } from "./transcript.ts";

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "sandbox" },
    seed: { type: "string", default: "1" },
    echo: { type: "boolean", default: false },
  },
});

const catalog = loadCatalog();
const scenario = catalog.get(values.scenario);
if (!scenario) {
  process.stderr.write(`unknown scenario "${values.scenario}"; known: ${catalog.names().join(", ")}\n`);
  process.exit(2);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) {
  process.stderr.write(`--seed must be a non-negative integer, got "${values.seed}"\n`);
  process.exit(2);
}

const input = readFileSync(0, "utf8");
const session = new Session(scenario, seed);
const code = runTranscript(session, input.split("\n"), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }, values.echo);
process.exitCode = code;
