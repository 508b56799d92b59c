// The scenario files shipped in assets/scenarios/, loaded and validated once.
// Reading files is the caller's business (server and tools pass a reader), so
// shared/ stays free of I/O.

import { parseScenario, type Scenario } from "./scenario.ts";

export interface ScenarioSource {
  /** File names (e.g. "sandbox.yaml") available to load. */
  list(): string[];
  read(file: string): string;
}

export class ScenarioCatalog {
  readonly #scenarios = new Map<string, Scenario>();

  constructor(source: ScenarioSource) {
    for (const file of source.list().filter((f) => f.endsWith(".yaml")).sort()) {
      const scenario = parseScenario(source.read(file), `assets/scenarios/${file}`);
      if (`${scenario.name}.yaml` !== file) throw new Error(`assets/scenarios/${file}: metadata.name "${scenario.name}" must match the file name`);
      this.#scenarios.set(scenario.name, scenario);
    }
  }

  get(name: string): Scenario | undefined {
    return this.#scenarios.get(name);
  }

  names(): string[] {
    return [...this.#scenarios.keys()];
  }

  all(): Scenario[] {
    return [...this.#scenarios.values()];
  }
}
