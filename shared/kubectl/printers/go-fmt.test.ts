import { describe, expect, it } from "vitest";
import { goFloat, goQuote, goRune, goSharpV, goSprint } from "./go-fmt.ts";

describe("Go value formatting", () => {
  it.each<[number, string]>([
    [19.95, "19.95"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [123456.5, "123456.5"],
    [1234567.5, "1.2345675e+06"],
    [1e21, "1e+21"],
    [-2.5e-7, "-2.5e-07"],
  ])("goFloat(%s) is %s", (v, expected) => {
    expect(goFloat(v)).toBe(expected);
  });

  it("quotes as strconv.Quote", () => {
    expect(goQuote('{"\\n"}\t\x7f\u00e9\u200b')).toBe('"{\\"\\\\n\\"}\\t\\x7fé\\u200b"');
  });

  it("names runes as %#U", () => {
    expect([goRune(0x2a), goRune(0x09), goRune(0x7b)]).toEqual(["U+002A '*'", "U+0009", "U+007B '{'"]);
  });

  it("prints values as %v and %#v", () => {
    const v = { b: [1, "x", null, 2.5], a: { t: true } };
    expect(goSprint(v)).toBe("map[a:map[t:true] b:[1 x <nil> 2.5]]");
    expect(goSharpV(v)).toBe('map[string]interface {}{"a":map[string]interface {}{"t":true}, "b":[]interface {}{1, "x", interface {}(nil), 2.5}}');
  });
});
