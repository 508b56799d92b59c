import { describe, expect, it } from "vitest";
import { JsonPath } from "./jsonpath.ts";
import { parseJsonPath } from "./jsonpath-parser.ts";

/** Execute as client-go does: the output, or "ERR <message>" for parse and execution errors. */
function run(template: string, data: unknown, opts: { allowMissingKeys?: boolean; json?: boolean } = {}): string {
  const j = JsonPath.parse(template);
  if (typeof j === "string") return `ERR ${j}`;
  const r = j
    .setAllowMissingKeys(opts.allowMissingKeys ?? false)
    .enableJsonOutput(opts.json ?? false)
    .execute(data);
  return r.ok ? r.text : `ERR ${r.error}`;
}

// client-go util/jsonpath/jsonpath_test.go TestKubernetes, as json.Unmarshal reads it.
const NODES = {
  kind: "List",
  items: [
    {
      kind: "None",
      metadata: { name: "127.0.0.1", labels: { "kubernetes.io/hostname": "127.0.0.1" } },
      status: { capacity: { cpu: "4" }, ready: true, addresses: [{ type: "LegacyHostIP", address: "127.0.0.1" }] },
    },
    {
      kind: "None",
      metadata: { name: "127.0.0.2", labels: { "kubernetes.io/hostname": "127.0.0.2" } },
      status: {
        capacity: { cpu: "8" },
        ready: false,
        addresses: [
          { type: "LegacyHostIP", address: "127.0.0.2" },
          { type: "another", address: "127.0.0.3" },
        ],
      },
    },
  ],
  users: [
    { name: "myself", user: {} },
    { name: "e2e", user: { username: "admin", password: "secret" } },
  ],
};

// TestJSONInput.
const POINTS = [
  { id: "i1", x: 4, y: -5 },
  { id: "i2", x: -2, y: -5, z: 1 },
  { id: "i3", x: 8, y: 3 },
  { id: "i4", x: -6, y: -1 },
  { id: "i5", x: 0, y: 2, z: 1 },
  { id: "i6", x: 1, y: 4 },
  { id: "i7", x: null, y: 4 },
];

const POD = {
  apiVersion: "v1",
  kind: "Pod",
  spec: { containers: ["fake0", "fake1", "fake2", "fake3"].map((name) => ({ image: "radial/busyboxplus:curl", name })) },
};

const TYPES = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1, 2.2, 3.3, 4],
  strings: ["one", "two", "three", "four"],
  interfaces: [true, "one", 1, 1.1],
  maps: [
    { name: "one", value: 1 },
    { name: "two", value: 2.02 },
  ],
};

describe("JSONPath execution (client-go jsonpath_test.go)", () => {
  it.each<[string, string, unknown, string]>([
    ["plain text", "hello jsonpath", null, "hello jsonpath"],
    ["recursive over a slice", "{..}", [1, 2, 3], "[1,2,3]"],
    ["filter on scalars", "{[?(@<5)]}", [2, 6, 3, 7], "2 3"],
    ["quoted brace", `{"{"}`, null, "{"],
    ["union of indexes", "{[1,3,4]}", [0, 1, 2, 3, 4], "1 3 4"],
    ["slice of strings", "{[0:2]}", ["Monday", "Tudesday"], "Monday Tudesday"],
    ["range item", "{range .items[*]}{.metadata.name}, {end}{.kind}", NODES, "127.0.0.1, 127.0.0.2, List"],
    ["range item with quote", `{range .items[*]}{.metadata.name}{"\\t"}{end}`, NODES, "127.0.0.1\t127.0.0.2\t"],
    ["nested arrays", "{.items[*].status.addresses[*].address}", NODES, "127.0.0.1 127.0.0.2 127.0.0.3"],
    ["double range", "{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}", NODES, "127.0.0.1, 127.0.0.2, 127.0.0.3, "],
    ["item names", "{.items[*].metadata.name}", NODES, "127.0.0.1 127.0.0.2"],
    ["union of keys: a bracketed key is re-read as a path", "{.items[*]['metadata.name', 'status.capacity']}", NODES, '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    ["maps print as compact JSON", "{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}", NODES, '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ["filter by string", '{.users[?(@.name=="e2e")].user.password}', NODES, "secret"],
    ["escaped dots in a key", "{.items[0].metadata.labels.kubernetes\\.io/hostname}", NODES, "127.0.0.1"],
    ["escaped dots in a filter", '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', NODES, "None"],
    ["filter by bool through ..", "{.items[?(@..ready==true)].metadata.name}", NODES, "127.0.0.1"],
    ["recursive descent (map keys in sorted order)", "{..name}", NODES, "127.0.0.1 127.0.0.2 myself e2e"],
    ["$ and @ are the current object", "{$.kind} {@.kind}", NODES, "List List"],
    ["existence filter", "{[?(@.z)].id}", POINTS, "i2 i5"],
    ["bracket key", "{[0]['id']}", POINTS, "i1"],
    ["null prints as null", "{[-1]['x']}", POINTS, "null"],
    ["numeric comparison", "{[?(@.y>=3)].id}", POINTS, "i3 i6 i7"],
    ["negative numbers", "{[?(@.y<-4)].id}", POINTS, "i1 i2"],
    ["!= keeps items whose field differs", "{[?(@.y!=4)].id}", POINTS, "i1 i2 i3 i4 i5"],
    ["containers[0:-1]", "{.spec.containers[0:-1].name}", POD, "fake0 fake1 fake2"],
    ["containers[0:0] is empty", "{.spec.containers[0:0].name}", POD, ""],
    ["containers[-1]", "{.spec.containers[-1].name}", POD, "fake3"],
    ["containers[-2:]", "{.spec.containers[-2:].name}", POD, "fake2 fake3"],
    ["containers[5:5] is empty", "{.spec.containers[5:5].name}", POD, ""],
    ["containers[-5:-5] is empty", "{.spec.containers[-5:-5].name}", POD, ""],
    ["step", "{.spec.containers[::2].name}", POD, "fake0 fake2"],
    ["bools", "{.bools[0:2]}", TYPES, "true false"],
    ["integer slice", "{.integers}", TYPES, "[1,2,3,4]"],
    ["integer step", "{.integers[:4:2]}", TYPES, "1 3"],
    ["float slice", "{.floats}", TYPES, "[1,2.2,3.3,4]"],
    ["float index", "{.floats[-2]}", TYPES, "3.3"],
    ["interfaces", "{.interfaces[:4:2]}", TYPES, "true 1"],
    ["map slice", "{.maps[0:2]}", TYPES, '{"name":"one","value":1} {"name":"two","value":2.02}'],
    ["{$} is the whole object", "{$}", { b: [1, null], a: "x" }, '{"a":"x","b":[1,null]}'],
    ["{@} in a range is the element", "{range .a[*]}<{@}>{end}", { a: ["x", 2, true, null] }, "<x><2><true><null>"],
    ["int and float literals", "{1} {-2} {1.5} {1.0} {true}", null, "1 -2 1.5 1 true"],
    ["wildcard over a map's values (sorted keys)", "{.users[1].user.*}", NODES, "secret admin"],
    ["wildcard over a string yields its bytes", "{.kind.*}", NODES, "76 105 115 116"],
    ["HTML characters are escaped in JSON", "{.a}", { a: { b: "<&>" } }, '{"b":"\\u003c\\u0026\\u003e"}'],
    ["big floats in %v form", "{.a} {.b} {.c}", { a: 1234567.5, b: 0.00001234, c: 123456.5 }, "1.2345675e+06 1.234e-05 123456.5"],
  ])("%s: %s", (_name, template, data, expected) => {
    expect(run(template, data)).toBe(expected);
  });

  it.each<[string, string, unknown, string]>([
    ["missing field prints nothing", "{.hello}", NODES, ""],
    ["missing field between text", "before-{.hello}after", NODES, "before-after"],
    ["missing fields in a filter are skipped", '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', NODES, ""],
    ["empty range", "{range .items[*]}{.metadata.name}{end}", { items: [] }, ""],
    ["empty nested range", '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', { items: [] }, ""],
    ["range over a filter", '{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', { items: [{ metadata: { name: "pod1" }, status: { phase: "Running" } }, { resourceVersion: "" }] }, "pod1 is Running\n"],
    ["a bracketed key with dots is split like a path", "{.a['b.c']}|{.a.b\\.c}", { a: { "b.c": 1 } }, "|1"],
    ["existence filter counts a failing index as present", "{.items[?(@.c[0])].n}", { items: [{ n: "a", c: [] }, { n: "b" }] }, "a"],
  ])("allowing missing keys, %s: %s", (_name, template, data, expected) => {
    expect(run(template, data, { allowMissingKeys: true })).toBe(expected);
  });

  it.each<[string, string, unknown, string]>([
    ["invalid identifier", "{hello}", NODES, "unrecognized identifier hello"],
    ["nonexistent field", "{.hello}", NODES, "hello is not found"],
    ["index on a map", "{.users[0].user[0]}", NODES, "map[string]interface {} is not array or slice"],
    ["filter on a map", '{.users[0][?(@.a=="b")]}', NODES, "map[name:myself user:map[]] is not array or slice and cannot be filtered"],
    ["invalid filter operator", "{.items[?(@.kind<>10)]}", NODES, "unrecognized filter operator <>"],
    ["redundant end", "{range .items[*]}{@}{end}{end}", NODES, "not in range, nothing to end"],
    ["index out of bounds", "{.spec.containers[-5].name}", POD, "array index out of bounds: index -1, length 4"],
    ["index out of bounds on an empty list", "{.items[0]}", { items: [] }, "array index out of bounds: index 0, length 0"],
    ["start after end", "{.spec.containers[3:1].name}", POD, "starting index 3 is greater than ending index 1"],
    ["containers[-1:0]", "{.spec.containers[-1:0].name}", POD, "starting index 3 is greater than ending index 0"],
    ["end out of bounds", "{.spec.containers[1:9].name}", POD, "array index out of bounds: index 8, length 4"],
    ["zero step", "{.spec.containers[0:2:0].name}", POD, "step must be > 0"],
    ["string against number", '{[?(@.x=="4")].id}', POINTS, "incompatible types for comparison"],
    ["null in a comparison", "{[?(@.x<1)].id}", POINTS, "invalid type for comparison"],
    ["float literal against an int", "{[?(@.x==4.0)].id}", POINTS, "incompatible types for comparison"],
    ["ordering bools", "{.items[?(@.status.ready<true)]}", NODES, "invalid type for comparison"],
    ["several values in a comparison", '{.items[?(@.status.addresses[*].type=="x")]}', NODES, "can only compare one element at a time"],
  ])("fails: %s: %s", (_name, template, data, message) => {
    expect(run(template, data)).toBe(`ERR ${message}`);
  });

  it("prints jsonpath-as-json results as one indented JSON array per action", () => {
    expect(run("{.items[*].metadata.name}", NODES, { json: true })).toBe('[\n    "127.0.0.1",\n    "127.0.0.2"\n]\n');
    expect(run("{.nope}x", NODES, { json: true, allowMissingKeys: true })).toBe('[]\n[\n    "x"\n]\n');
  });

  it("keeps float literals float64 in comparisons and output", () => {
    expect(run("{[?(@.v>1.5)].v}", [{ v: 1.25 }, { v: 2.5 }])).toBe("2.5");
  });
});

describe("JSONPath parsing (client-go parser_test.go)", () => {
  it.each<[string, string]>([
    ["{.hello", "unclosed action"],
    ["{*}", "unrecognized character in action: U+002A '*'"],
    ["{\t.a}", "unrecognized character in action: U+0009"],
    ["{+12.3.0}", "cannot parse number +12.3.0"],
    ["{[1}", "unterminated array"],
    ["{.items[}", "unterminated array"],
    ["{[?(.price]}", "unterminated filter"],
    ['{.items[?(@.a=="b")}', "unclosed array expect ]"],
    ["{........}", "invalid multiple recursive descent"],
    ["{.a[x]}", "invalid array index x"],
    ["{.a[-]}", "array index - is not a number"],
    ['{"abc}', "unterminated quoted string"],
    ['{"\\q"}', 'unquote string "\\q" error invalid syntax'],
    ["{.a}{", "unclosed action"],
    ["{.a{.b}}", "unrecognized character in action: U+007B '{'"],
  ])("%s", (template, error) => {
    expect(parseJsonPath(template)).toEqual({ ok: false, error });
  });

  it("reads text, fields, escapes, slices, filters and ranges into nodes", () => {
    const r = parseJsonPath('a{range .items[-1:]}{.metadata.labels.app\\.kubernetes\\.io/name}{"\\n"}{end}');
    expect(r.ok && r.root.nodes).toEqual([
      { type: "Text", text: "a" },
      {
        type: "List",
        nodes: [
          { type: "Identifier", name: "range" },
          { type: "Field", value: "items" },
          {
            type: "Array",
            params: [
              { value: -1, known: true, derived: false },
              { value: 0, known: false, derived: false },
              { value: 0, known: false, derived: false },
            ],
          },
        ],
      },
      {
        type: "List",
        nodes: [
          { type: "Field", value: "metadata" },
          { type: "Field", value: "labels" },
          { type: "Field", value: "app.kubernetes.io/name" },
        ],
      },
      { type: "List", nodes: [{ type: "Text", text: "\n" }] },
      { type: "List", nodes: [{ type: "Identifier", name: "end" }] },
    ]);
  });

  it("unquotes single-quoted strings and Go escapes", () => {
    expect(run(`{'it'}{"\\x41\\u00e9\\101"}{'a"b'}`, null)).toBe(`itAéAa"b`);
    // Within one action each node replaces the current values: only the last text survives.
    expect(run(`{'it' 's'}`, null)).toBe("s");
  });
});
