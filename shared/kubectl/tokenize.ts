// Splits a console line into words the way a POSIX shell would for a simple
// command: blanks separate words, '…' is literal, "…" keeps $, `, " and \
// escapable, a backslash outside quotes escapes the next character, and #
// at the start of a word begins a comment. No expansion, pipes or redirects.

export type TokenizeResult = { readonly ok: true; readonly words: string[] } | { readonly ok: false; readonly error: string };

export const UNTERMINATED_QUOTE = (q: string): string => `unexpected EOF while looking for matching \`${q}'`;

export function tokenize(line: string): TokenizeResult {
  const words: string[] = [];
  let cur = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else if (c === "#" && !inWord) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: UNTERMINATED_QUOTE("'") };
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        const d = line[j]!;
        if (d === "\\" && j + 1 < line.length && '$`"\\\n'.includes(line[j + 1]!)) {
          if (line[j + 1] !== "\n") cur += line[j + 1];
          j++;
        } else cur += d;
      }
      if (j >= line.length) return { ok: false, error: UNTERMINATED_QUOTE('"') };
      inWord = true;
      i = j;
    } else if (c === "\\") {
      if (i + 1 < line.length) {
        if (line[i + 1] !== "\n") cur += line[i + 1];
        inWord = inWord || line[i + 1] !== "\n";
        i++;
      }
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return { ok: true, words };
}
