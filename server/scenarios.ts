// Loads the scenario catalog from assets/scenarios/ (validated; a bad file stops
// the server at start with the file and field named, not a room at play time).

import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { ScenarioCatalog } from "../shared/game/scenarios/catalog.ts";

export const SCENARIO_DIR = fileURLToPath(new URL("../assets/scenarios/", import.meta.url));

export function loadCatalog(dir = SCENARIO_DIR): ScenarioCatalog {
  return new ScenarioCatalog({ list: () => readdirSync(dir), read: (file) => readFileSync(join(dir, file), "utf8") });
}
