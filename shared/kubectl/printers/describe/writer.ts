// describe's PrefixWriter over a tabwriter (tabbedString): text at two spaces
// per level, cells split by tabs and aligned per column block, Flush() ending
// the blocks so far (DescribeEvents does this before its table).

import { DESCRIBE_TABWRITER, tabwrite } from "../tabwriter.ts";

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export class PrefixWriter {
  private done = "";
  private pending = "";
  /** Without a tabwriter underneath, tabs stay tabs (as `rollout history --revision` prints). */
  private readonly raw: boolean;

  constructor(raw = false) {
    this.raw = raw;
  }

  write(level: number, text: string): void {
    this.pending += "  ".repeat(level) + text;
  }

  /** fmt.Sprintln of the arguments: joined by spaces, newline ended. */
  writeLine(...parts: string[]): void {
    this.pending += `${parts.join(" ")}\n`;
  }

  flush(): void {
    this.done += this.raw ? this.pending : tabwrite(this.pending, DESCRIBE_TABWRITER);
    this.pending = "";
  }

  toString(): string {
    this.flush();
    return this.done;
  }
}

/** tabbedString: runs a describer body against a fresh writer. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return w.toString();
}
