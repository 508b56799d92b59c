import { describe, expect, it } from "vitest";
import { canonicalJson, stateHash } from "./hash.ts";

describe("canonicalJson", () => {
  it("sorts object keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: "x" } })).toBe('{"a":{"c":"x","d":[1,{"y":1,"z":0}]},"b":1}');
  });

  it("does not depend on key insertion order", () => {
    const a = { metadata: { name: "web", labels: { app: "web", tier: "front" } }, spec: { replicas: 3 } };
    const b = { spec: { replicas: 3 }, metadata: { labels: { tier: "front", app: "web" }, name: "web" } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(stateHash(a)).toBe(stateHash(b));
  });

  it("drops undefined fields, so an absent field and an undefined one hash alike", () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(stateHash({ a: 1, b: undefined })).toBe(stateHash({ a: 1 }));
  });

  it("writes undefined array items as null, as JSON does", () => {
    expect(canonicalJson([1, undefined, 3])).toBe("[1,null,3]");
  });

  it("keeps null, which is a value", () => {
    expect(canonicalJson({ a: null })).toBe('{"a":null}');
    expect(stateHash({ a: null })).not.toBe(stateHash({}));
  });

  it("prints scalars as JSON", () => {
    expect(canonicalJson("a\"b")).toBe('"a\\"b"');
    expect(canonicalJson(1.5)).toBe("1.5");
    expect(canonicalJson(true)).toBe("true");
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson(undefined)).toBe("null");
  });

  it("refuses numbers JSON cannot carry", () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow("cannot hash NaN");
    expect(() => canonicalJson([Infinity])).toThrow("cannot hash Infinity");
  });

  it("tells arrays from objects with the same entries", () => {
    expect(stateHash(["x"])).not.toBe(stateHash({ 0: "x" }));
  });
});

describe("stateHash", () => {
  it("is SHA-256 hex of the canonical JSON", () => {
    // sha256("{}") and sha256("null"), as printed by sha256sum.
    expect(stateHash({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    expect(stateHash(null)).toBe("74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b");
  });

  it("changes when any value changes", () => {
    expect(stateHash({ a: [1, 2] })).not.toBe(stateHash({ a: [2, 1] }));
    expect(stateHash({ a: "1" })).not.toBe(stateHash({ a: 1 }));
  });
});
