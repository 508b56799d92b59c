import { describe, expect, it } from "vitest";
import { goJsonString, marshalCompact, printJson } from "./json.ts";

describe("printJson (encoding/json MarshalIndent, four spaces)", () => {
  it("sorts keys byte-wise and writes empty collections inline", () => {
    expect(printJson({ kind: "Pod", apiVersion: "v1", a: [], b: {}, n: [1, { z: null, y: true }] })).toBe(
      '{\n    "a": [],\n    "apiVersion": "v1",\n    "b": {},\n    "kind": "Pod",\n    "n": [\n        1,\n        {\n            "y": true,\n            "z": null\n        }\n    ]\n}\n',
    );
  });

  it("escapes HTML characters and control characters as Go does", () => {
    expect(goJsonString("<a>&\n\t\u0001\u2028")).toBe('"\\u003ca\\u003e\\u0026\\n\\t\\u0001\\u2028"');
    expect(marshalCompact({ b: 1, a: "x" })).toBe('{"a":"x","b":1}');
  });
});
