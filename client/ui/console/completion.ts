// Applies the server's completion candidates to the console line, like bash:
// one candidate completes the word, several complete their common prefix, and
// when that adds nothing the candidates are listed.

export interface CompletionResult {
  readonly line: string;
  /** Candidates to print under the line, when the prefix could not grow. */
  readonly listing: readonly string[];
}

export function applyCompletion(line: string, candidates: readonly string[]): CompletionResult {
  const start = line.lastIndexOf(" ") + 1;
  const word = line.slice(start);
  const head = line.slice(0, start);
  if (candidates.length === 0) return { line, listing: [] };
  if (candidates.length === 1) return { line: `${head}${candidates[0]} `, listing: [] };
  const prefix = commonPrefix(candidates);
  if (prefix.length > word.length) return { line: `${head}${prefix}`, listing: [] };
  return { line, listing: [...candidates].sort() };
}

export function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? "";
  for (const word of words) {
    let i = 0;
    while (i < prefix.length && i < word.length && prefix[i] === word[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}
