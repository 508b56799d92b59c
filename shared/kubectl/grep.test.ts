import { describe, expect, it } from "vitest";
import { translateGrepPattern } from "./grep-pattern.ts";
import { runFilter } from "./pipeline.ts";

const LINES = "web-1 (x) a+b {2}\nweb-12 Running\napi-1 Pending\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n";

describe("grep patterns, basic and extended", () => {
  it.each([
    // [name, stage, stdout]
    ["BRE parentheses and braces are ordinary characters", "grep '(x) a+b {2}'", "web-1 (x) a+b {2}\n"],
    ["BRE \\| alternates (GNU)", "grep 'api\\|12'", "web-12 Running\napi-1 Pending\n"],
    ["BRE \\{m,n\\} repeats", "grep -c 'a\\{40\\}'", "1\n"],
    ["BRE leading * is literal", "grep '*'", ""],
    ["BRE ^ inside is literal", "grep 'a^'", ""],
    ["ERE groups and alternation", "grep -E '^(web|api)-1$'", ""],
    ["ERE groups with a tail", "grep -E '^(web|api)-1 '", "web-1 (x) a+b {2}\napi-1 Pending\n"],
    ["ERE interval", "grep -E 'web-1{1}2'", "web-12 Running\n"],
    ["ERE brace that starts no interval is literal", "grep -E '\\{2\\}|b {'", "web-1 (x) a+b {2}\n"],
    ["ERE unmatched ) is literal", "grep -E 'x)'", "web-1 (x) a+b {2}\n"],
    ["ERE leading * repeats nothing", "grep -E '*Pending'", "api-1 Pending\n"],
    ["bracket expressions and classes", "grep '^[[:alpha:]]\\{3\\}-[0-9]$'", ""],
    ["bracket with backslash literal", "grep -c '[\\]'", "0\n"],
    ["-F is literal", "grep -F 'a+b'", "web-1 (x) a+b {2}\n"],
    ["-w words", "grep -w 'web-1'", "web-1 (x) a+b {2}\n"],
    ["-i ignores case", "grep -i 'PENDING'", "api-1 Pending\n"],
    ["the backtracking killer is linear", "grep -E '(a*)*c$'", ""],
    ["the issue's pattern", "grep '(.*){6}x'", ""],
    ["the issue's pattern, extended", "grep -E '(.*){6}x'", "web-1 (x) a+b {2}\n"],
    ["nested repetition", "grep -E '(a|aa)+$'", ""],
  ])("%s", (_, stage, stdout) => {
    expect(runFilter(stage, LINES).stdout).toBe(stdout);
  });

  it.each([
    ["unmatched \\(", "grep 'a\\(b'", "grep: Unmatched ( or \\(\n"],
    ["unmatched ( in -E", "grep -E 'a(b'", "grep: Unmatched ( or \\(\n"],
    ["unmatched \\)", "grep 'a\\)'", "grep: Unmatched ) or \\)\n"],
    ["unmatched [", "grep '[abc'", "grep: Unmatched [, [^, [:, [., or [=\n"],
    ["unmatched \\{", "grep 'a\\{2'", "grep: Unmatched \\{\n"],
    ["bad interval", "grep 'a\\{2,1\\}'", "grep: Invalid content of \\{\\}\n"],
    ["interval with nothing before", "grep '\\{2\\}'", "grep: Invalid preceding regular expression\n"],
    ["class name", "grep '[[:nope:]]'", "grep: Invalid character class name\n"],
    ["class without brackets", "grep '[:space:]'", "grep: character class syntax is [[:space:]], not [:space:]\n"],
    ["range end", "grep '[z-a]'", "grep: Invalid range end\n"],
    ["trailing backslash", "grep 'a\\'", "grep: Trailing backslash\n"],
    ["too big for GNU grep", "grep -E 'a{40000}'", "grep: Regular expression too big\n"],
    ["too big for RE2", "grep -E 'a{1001}'", "grep: Regular expression too big\n"],
    ["back-reference", "grep '\\(a\\)\\1'", "grep: back-references are not available here (grep runs on a linear-time engine)\n"],
    ["back-reference to nothing", "grep 'a\\1'", "grep: Invalid back reference\n"],
  ])("refuses %s with grep's message and exit code 2", (_, stage, stderr) => {
    expect(runFilter(stage, LINES)).toEqual({ stdout: "", stderr, exitCode: 2 });
  });

  it("translates to RE2 syntax", () => {
    expect(translateGrepPattern("\\(a\\|b\\)*c\\{2,\\}.+?", false)).toEqual({ ok: true, source: "(a|b)*c{2,}.\\+\\?" });
    expect(translateGrepPattern("(a|b)**{,3}\\.", true)).toEqual({ ok: true, source: "(?:(?:(a|b)*)*){0,3}\\." });
  });
});
