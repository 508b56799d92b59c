// CycleState: what one scheduling cycle's plugins share. PreFilter and PreScore
// compute once per pod and write here; Filter and Score, called once per node,
// only read. A fresh one is made for every cycle, so nothing leaks between pods.

export class CycleState {
  readonly #data = new Map<string, unknown>();
  /** Plugins whose PreFilter answered Skip: their Filter is not called this cycle. */
  readonly skipFilterPlugins = new Set<string>();
  /** Plugins whose PreScore answered Skip: their Score is not called this cycle. */
  readonly skipScorePlugins = new Set<string>();

  read(key: string): unknown {
    return this.#data.get(key);
  }

  write(key: string, value: unknown): void {
    this.#data.set(key, value);
  }
}

/**
 * A plugin's typed key into CycleState ("PreFilterNodeResourcesFit"). It
 * remembers the last cycle it read, so the per-node calls of Filter and Score
 * cost one identity check instead of a map lookup each.
 */
export class StateKey<T> {
  readonly key: string;
  #state: CycleState | undefined;
  #value: T | undefined;

  constructor(key: string) {
    this.key = key;
  }

  write(state: CycleState, value: T): void {
    state.write(this.key, value);
    this.#state = state;
    this.#value = value;
  }

  read(state: CycleState): T | undefined {
    if (state !== this.#state) {
      this.#state = state;
      this.#value = state.read(this.key) as T | undefined;
    }
    return this.#value;
  }
}
