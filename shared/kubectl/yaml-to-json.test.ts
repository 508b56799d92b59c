import { describe, expect, it } from "vitest";
import { MAX_DEPTH, MAX_INPUT_BYTES, readYamlDocuments } from "./yaml-to-json.ts";

const PREFIX = "error converting YAML to JSON: yaml: ";

describe("readYamlDocuments", () => {
  const refused: [string, string, string][] = [
    ["an unknown anchor", "a: *nope\n", "unknown anchor 'nope' referenced"],
    ["an anchor that contains itself", "a: &a [*a]\n", "anchor 'a' value contains itself"],
    ["an alias into its own anchor, through another", "a: &a [&b [1], *b, [*a]]\n", "anchor 'a' value contains itself"],
    [
      "a billion laughs",
      "a: &a ['lol','lol']\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n",
      "document contains excessive aliasing",
    ],
    ["a merge of a scalar", "a: &x 1\nb:\n  <<: *x\n", "map merge requires map or sequence of maps as the value"],
    ["flow nesting past the limit", "a: " + "[".repeat(MAX_DEPTH + 1), `line 1: exceeded max depth of ${MAX_DEPTH}`],
    ["block sequences past the limit", "- ".repeat(MAX_DEPTH + 1) + "x", `line 1: exceeded max depth of ${MAX_DEPTH}`],
    ["an input over the request size limit", "#".repeat(MAX_INPUT_BYTES + 1), `input is larger than ${MAX_INPUT_BYTES} bytes`],
  ];
  it.each(refused)("refuses %s in one line", (_name, text, problem) => {
    expect(readYamlDocuments(text)).toEqual({ ok: false, error: PREFIX + problem });
  });

  it("reads aliases and YAML 1.1 scalars as go-yaml v2 does", () => {
    expect(readYamlDocuments("a: &x {b: 1}\nc: *x\nm:\n  <<: *x\nd: yes\ne: 2024-01-01\nf: 12:30\ng: '[not a flow]'\n")).toEqual({
      ok: true,
      values: [{ a: { b: 1 }, c: { b: 1 }, m: { b: 1 }, d: true, e: "2024-01-01", f: "12:30", g: "[not a flow]" }],
    });
  });

  it("keeps deep but legitimate manifests", () => {
    const nested = Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n") + " v\n";
    expect(readYamlDocuments(nested).ok).toBe(true);
  });
});
