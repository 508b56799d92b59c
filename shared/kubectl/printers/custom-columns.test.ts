import { describe, expect, it } from "vitest";
import { RELAXED_JSONPATH_ERROR, parseCustomColumns, printCustomColumns, relaxedJsonPathExpression } from "./custom-columns.ts";

const POD = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "fake-name", namespace: "fake-namespace", labels: { app: "web", tier: "front" } },
  spec: { containers: ["fake0", "fake1", "fake2", "fake3"].map((name) => ({ name })), nodeName: "n1" },
  status: { podIP: null },
};

function print(spec: string, obj: unknown, noHeaders = false): string {
  const cols = parseCustomColumns(spec);
  if (typeof cols === "string") return `ERR ${cols}`;
  const r = printCustomColumns(cols, obj, noHeaders);
  return r.error === undefined ? r.text : `${r.text}ERR ${r.error}`;
}

describe("RelaxedJSONPathExpression (kubectl customcolumn_test.go)", () => {
  it.each<[string, string]>([
    ["foo.bar", "{.foo.bar}"],
    ["{foo.bar}", "{.foo.bar}"],
    [".foo.bar", "{.foo.bar}"],
    ["{.foo.bar}", "{.foo.bar}"],
    ["", ""],
    ["..name", "{..name}"],
    [".spec.containers[*].name", "{.spec.containers[*].name}"],
  ])("%s", (input, expected) => {
    expect(relaxedJsonPathExpression(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["{foo.bar", "foo.bar}", "{foo.bar}}", "{{foo.bar}"])("rejects %s", (input) => {
    expect(relaxedJsonPathExpression(input)).toEqual({ ok: false, error: RELAXED_JSONPATH_ERROR });
  });
});

describe("custom-columns", () => {
  it.each<[string, string, unknown, string]>([
    ["one column", "NAME:.metadata.name", POD, "NAME\nfake-name\n"],
    ["headers print as given", "name:metadata.name,Node:{.spec.nodeName}", POD, "name        Node\nfake-name   n1\n"],
    ["a List prints one row per item", "NAME:.metadata.name", { kind: "List", items: [{ metadata: { name: "foo" } }, { metadata: { name: "bar" } }] }, "NAME\nfoo\nbar\n"],
    ["missing and null fields", "NAME:.metadata.name,NOT_FOUND:.notFound,IP:.status.podIP", POD, "NAME        NOT_FOUND   IP\nfake-name   <none>      <nil>\n"],
    ["several values joined with commas", "CONTAINERS:.spec.containers[*].name", POD, "CONTAINERS\nfake0,fake1,fake2,fake3\n"],
    ["containers[-3:-1]", "C:.spec.containers[-3:-1].name", POD, "C\nfake1,fake2\n"],
    ["an empty slice is <none>", "C:.spec.containers[4:4].name", POD, "C\n<none>\n"],
    ["maps in Go's %v form", "LABELS:.metadata.labels", POD, "LABELS\nmap[app:web tier:front]\n"],
    ["slices in Go's %v form", "C:.spec.containers", POD, "C\n[map[name:fake0] map[name:fake1] map[name:fake2] map[name:fake3]]\n"],
    ["terminal escapes are made visible", "NAME:.metadata.name", { kind: "List", items: [{ metadata: { name: "\x1b \r" } }] }, "NAME\n^[ \\r\n"],
    ["an empty List keeps its header", "NAME:.metadata.name", { kind: "List", items: [] }, "NAME\n"],
    ["a column with an empty path", "X:", POD, "X\n<none>\n"],
  ])("%s: %s", (_name, spec, obj, expected) => {
    expect(print(spec, obj)).toBe(expected);
  });

  it("leaves the header out with --no-headers", () => {
    expect(print("NAME:.metadata.name,NODE:.spec.nodeName", POD, true)).toBe("fake-name   n1\n");
  });

  it.each<[string, string]>([
    ["", "custom-columns format specified but no custom columns given"],
    ["invalid", "unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>"],
    ["invalid=foobar", "unexpected custom-columns spec: invalid=foobar, expected <header>:<json-path-expr>"],
    ["invalid,foobar:blah", "unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>"],
    ["NAME:{.a}}", RELAXED_JSONPATH_ERROR],
  ])("rejects the spec %j", (spec, error) => {
    expect(print(spec, POD)).toBe(`ERR ${error}`);
  });

  it("stops at an index out of bounds, keeping the rows already written", () => {
    const list = { kind: "List", items: [POD, { ...POD, spec: { containers: [{ name: "only" }] } }] };
    expect(print("NAME:.metadata.name,C:.spec.containers[1].name", list)).toBe("NAME        C\nfake-name   fake1\nERR array index out of bounds: index 1, length 1");
  });

  it("writes the header before a column's path fails to parse", () => {
    expect(print("A:.a[", POD)).toBe("A\nERR unterminated array");
  });
});
