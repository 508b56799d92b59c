// github.com/mitchellh/go-wordwrap v1.0.1's WrapString, which kubectl's explain
// templates wrap descriptions with: breaks only at white space, counts runes,
// drops the spaces at a break, and lets a word longer than the limit overflow.

const NBSP = "\u00a0";

/** unicode.IsSpace. */
function isSpace(c: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);
}

export function wrapString(s: string, lim: number): string {
  let buf = "";
  let current = 0;
  let word = "";
  let space = "";
  let wordLen = 0;
  let spaceLen = 0;
  for (const c of s) {
    if (c === "\n") {
      if (word.length === 0) {
        if (current + spaceLen > lim) current = 0;
        else buf += space;
      } else {
        buf += space + word;
      }
      space = "";
      spaceLen = 0;
      word = "";
      wordLen = 0;
      buf += c;
      current = 0;
    } else if (isSpace(c) && c !== NBSP) {
      if (space.length === 0 || word.length > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = "";
        spaceLen = 0;
        word = "";
        wordLen = 0;
      }
      space += c;
      spaceLen++;
    } else {
      word += c;
      wordLen++;
      if (current + wordLen + spaceLen > lim && wordLen < lim) {
        buf += "\n";
        current = 0;
        space = "";
        spaceLen = 0;
      }
    }
  }
  if (word.length === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else {
    buf += space + word;
  }
  return buf;
}
