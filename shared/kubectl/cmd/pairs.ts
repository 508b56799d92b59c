// KEY=VALUE and KEY- arguments (cmdutil.GetResourcesAndPairs and ParsePairs):
// shared by label, annotate and set image, which all take resources first and
// then the pairs to add or remove.

import { plainError, type KubectlError } from "../errors.ts";

/** cmdutil.GetResourcesAndPairs: resources first, then KEY=VALUE / KEY- pairs. */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } | KubectlError {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes("=") && s[0] !== "=") || (s.endsWith("-") && s !== "-");
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else return plainError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

/** cmdutil.ParsePairs with supportRemove: KEY=VALUE (split at the first "=") to add, KEY- to remove. */
export function parsePairs(pairs: readonly string[], pairType: string): { add: Map<string, string>; remove: string[] } | KubectlError {
  const add = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const s of pairs) {
    const eq = s.indexOf("=");
    if (eq > 0) add.set(s.slice(0, eq), s.slice(eq + 1));
    else if (s.endsWith("-") && s !== "-") remove.push(s.slice(0, -1));
    else invalid.push(s);
  }
  if (invalid.length > 0) return plainError(`invalid ${pairType} format: ${invalid.join(", ")}`);
  return { add, remove };
}
