// Shell-style history for the console line: ↑ walks back, ↓ walks forward and
// finally restores what was being typed. Consecutive duplicates are kept once.

const LIMIT = 200;

export class ConsoleHistory {
  private readonly entries: string[];
  /** entries.length means "the line being typed". */
  private cursor: number;
  private draft = "";

  constructor(initial: readonly string[] = []) {
    this.entries = initial.slice(-LIMIT);
    this.cursor = this.entries.length;
  }

  push(line: string): void {
    if (line.trim() !== "" && this.entries[this.entries.length - 1] !== line) {
      this.entries.push(line);
      if (this.entries.length > LIMIT) this.entries.shift();
    }
    this.cursor = this.entries.length;
    this.draft = "";
  }

  /** The previous entry, or undefined at the oldest. `current` is kept as the draft. */
  up(current: string): string | undefined {
    if (this.cursor === 0) return undefined;
    if (this.cursor === this.entries.length) this.draft = current;
    this.cursor--;
    return this.entries[this.cursor];
  }

  /** The next entry, the draft after the newest, or undefined when already there. */
  down(): string | undefined {
    if (this.cursor >= this.entries.length) return undefined;
    this.cursor++;
    return this.cursor === this.entries.length ? this.draft : this.entries[this.cursor];
  }

  all(): readonly string[] {
    return this.entries;
  }
}
