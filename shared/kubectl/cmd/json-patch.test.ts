import { describe, expect, it } from "vitest";
import { applyJsonPatch } from "./json-patch.ts";

describe("applyJsonPatch (RFC 6902)", () => {
  const doc = { a: { "b/c": 1, "d~e": [1, 2, 3] } };

  it("adds, removes, replaces, moves, copies and tests, with ~1 and ~0 escapes", () => {
    expect(applyJsonPatch(doc, [{ op: "add", path: "/a/d~0e/-", value: 4 }])).toEqual({ ok: true, doc: { a: { "b/c": 1, "d~e": [1, 2, 3, 4] } } });
    expect(applyJsonPatch(doc, [{ op: "add", path: "/a/d~0e/0", value: 0 }])).toEqual({ ok: true, doc: { a: { "b/c": 1, "d~e": [0, 1, 2, 3] } } });
    expect(applyJsonPatch(doc, [{ op: "remove", path: "/a/b~1c" }])).toEqual({ ok: true, doc: { a: { "d~e": [1, 2, 3] } } });
    expect(applyJsonPatch(doc, [{ op: "replace", path: "/a/d~0e/1", value: 9 }])).toEqual({ ok: true, doc: { a: { "b/c": 1, "d~e": [1, 9, 3] } } });
    expect(applyJsonPatch(doc, [{ op: "move", from: "/a/b~1c", path: "/x" }])).toEqual({ ok: true, doc: { a: { "d~e": [1, 2, 3] }, x: 1 } });
    expect(applyJsonPatch(doc, [{ op: "copy", from: "/a/d~0e", path: "/y" }])).toEqual({ ok: true, doc: { a: { "b/c": 1, "d~e": [1, 2, 3] }, y: [1, 2, 3] } });
    expect(applyJsonPatch(doc, [{ op: "test", path: "/a", value: { "d~e": [1, 2, 3], "b/c": 1 } }])).toEqual({ ok: true, doc });
    expect(doc).toEqual({ a: { "b/c": 1, "d~e": [1, 2, 3] } });
  });

  it("fails on missing keys, bad indexes, failed tests and unknown ops", () => {
    expect(applyJsonPatch(doc, [{ op: "replace", path: "/a/zz", value: 1 }])).toEqual({ ok: false, error: "replace operation does not apply: doc is missing key: /a/zz" });
    expect(applyJsonPatch(doc, [{ op: "remove", path: "/a/d~0e/3" }])).toEqual({ ok: false, error: "remove operation does not apply: unable to access invalid index: 3" });
    expect(applyJsonPatch(doc, [{ op: "add", path: "/q/r", value: 1 }])).toEqual({ ok: false, error: 'add operation does not apply: doc is missing path: "/q/r"' });
    expect(applyJsonPatch(doc, [{ op: "test", path: "/a/b~1c", value: 2 }])).toEqual({ ok: false, error: "testing value /a/b~1c failed: test failed" });
    expect(applyJsonPatch(doc, [{ op: "frob", path: "/a" }])).toEqual({ ok: false, error: "Unexpected kind: frob" });
  });
});
