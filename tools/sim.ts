// npm run sim -- replay FILE
// npm run sim -- run --scenario NAME --seed N --seconds S
// Headless runs of the simulation: replay an action log and print its final
// state hash, or run a scenario untouched and print one JSON summary line.

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ActionLog } from "../shared/game/actions/action.ts";
import { replay, ReplayError } from "../shared/game/replay.ts";
import { Session } from "../shared/game/session.ts";
import { loadCatalog } from "../server/scenarios.ts";

const USAGE = "usage: npm run sim -- replay FILE\n       npm run sim -- run --scenario NAME --seed N --seconds S\n";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
const catalog = loadCatalog();

if (command === "replay") {
  const file = rest[0];
  if (!file) fail(USAGE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    fail(`${file}: ${(e as Error).message}`);
  }
  const parsed = ActionLog.safeParse(json);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `${file}: ${i.path.join(".")}: ${i.message}`).join("\n"));
  try {
    const session = replay(parsed.data, catalog);
    process.stdout.write(`${session.cluster.stateHash()}\n`);
  } catch (e) {
    if (e instanceof ReplayError) fail(`${file}: ${e.message}`);
    throw e;
  }
} else if (command === "run") {
  const { values } = parseArgs({
    args: rest,
    options: { scenario: { type: "string", default: "sandbox" }, seed: { type: "string", default: "1" }, seconds: { type: "string", default: "60" } },
  });
  const scenario = catalog.get(values.scenario) ?? fail(`unknown scenario "${values.scenario}"; known: ${catalog.names().join(", ")}`);
  const seed = Number(values.seed);
  const seconds = Number(values.seconds);
  if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a non-negative integer`);
  if (!Number.isFinite(seconds) || seconds < 0) fail(`--seconds must be a non-negative number`);
  const session = new Session(scenario, seed);
  session.runFor(seconds * 1000);
  const cluster = session.cluster;
  process.stdout.write(
    `${JSON.stringify({ scenario: scenario.name, seed, simulatedSeconds: cluster.now / 1000, pods: cluster.podCounts(), stateHash: cluster.stateHash() })}\n`,
  );
} else {
  fail(USAGE);
}
