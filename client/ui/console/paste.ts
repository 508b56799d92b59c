// A paste of several lines into the console's one-line input runs each
// complete line in turn, as a terminal does; the text after the last line
// break stays in the input to be finished.

export interface PastedLines {
  /** Complete lines, in order, to run. */
  readonly run: readonly string[];
  /** What stays in the input, with the caret at `caret`. */
  readonly rest: string;
  readonly caret: number;
}

/** `before` and `after` are the input's text around the selection the paste replaces. */
export function splitPaste(before: string, pasted: string, after: string): PastedLines | undefined {
  if (!/[\r\n]/.test(pasted)) return undefined;
  const lines = (before + pasted).split(/\r\n|\r|\n/);
  const last = lines.pop()!;
  return { run: lines, rest: last + after, caret: last.length };
}
