// Go's text/tabwriter (and the liggitt/tabwriter fork kubectl tables use), for
// left-aligned cells padded with spaces: the column layout of every kubectl
// table and describe page comes from this algorithm, so it is ported as is.
// A column block is a run of consecutive lines that all have a cell in that
// column; each block is as wide as its widest cell plus padding (at least
// minwidth). The last cell of a line is not part of any column.

export interface TabwriterOptions {
  readonly minwidth: number;
  readonly padding: number;
}

/** kubectl get tables: printers.GetNewTabWriter (minwidth 6, padding 3). */
export const TABLE_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
/** kubectl describe: tabwriter.Init(buf, 0, 8, 2, ' ', 0). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

interface Cell {
  readonly text: string;
  readonly width: number;
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Formats text whose cells are tab-terminated, exactly as Writer.Write + Flush would. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const rawLines = text.split("\n");
  const trailingNewline = rawLines[rawLines.length - 1] === "";
  if (trailingNewline) rawLines.pop();
  const lines: Cell[][] = rawLines.map((l) => l.split("\t").map((t) => ({ text: t, width: runeCount(t) })));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]!;
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        out.push(c.text);
        if (j < widths.length) out.push(" ".repeat(Math.max(0, widths[j]! - c.width)));
      }
      if (i + 1 < lines.length || trailingNewline) out.push("\n");
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur]!.length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      writeLines(line0, cur);
      line0 = cur;
      let width = opts.minwidth;
      for (; cur < line1; cur++) {
        const line = lines[cur]!;
        if (column >= line.length - 1) break;
        const w = line[column]!.width + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
      cur--; // the for-loop increment must not skip the line that ended the block
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join("");
}
