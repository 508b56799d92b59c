import { describe, expect, it } from "vitest";
import { formatLabelSelector, labelSelectorMatches, parseSelector, selectorMatches, type SelectorRequirement } from "./labels.ts";

const LABEL_VALUE_ERROR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART_ERROR =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe("labelSelectorMatches", () => {
  const labels = { app: "web", tier: "front", env: "prod" };

  it("matches matchLabels exactly", () => {
    expect(labelSelectorMatches({ matchLabels: { app: "web" } }, labels)).toBe(true);
    expect(labelSelectorMatches({ matchLabels: { app: "web", tier: "back" } }, labels)).toBe(false);
    expect(labelSelectorMatches({ matchLabels: { missing: "" } }, labels)).toBe(false);
  });

  it("applies In, NotIn, Exists and DoesNotExist", () => {
    const m = (op: "In" | "NotIn" | "Exists" | "DoesNotExist", key: string, values?: string[]) =>
      labelSelectorMatches({ matchExpressions: [{ key, operator: op, values }] }, labels);
    expect(m("In", "env", ["prod", "staging"])).toBe(true);
    expect(m("In", "env", ["dev"])).toBe(false);
    expect(m("In", "missing", ["x"])).toBe(false);
    expect(m("NotIn", "env", ["dev"])).toBe(true);
    expect(m("NotIn", "env", ["prod"])).toBe(false);
    expect(m("NotIn", "missing", ["x"])).toBe(true);
    expect(m("Exists", "tier")).toBe(true);
    expect(m("Exists", "missing")).toBe(false);
    expect(m("DoesNotExist", "missing")).toBe(true);
    expect(m("DoesNotExist", "tier")).toBe(false);
  });

  it("ANDs matchLabels and every expression", () => {
    const sel = { matchLabels: { app: "web" }, matchExpressions: [{ key: "env", operator: "In" as const, values: ["prod"] }, { key: "canary", operator: "DoesNotExist" as const }] };
    expect(labelSelectorMatches(sel, labels)).toBe(true);
    expect(labelSelectorMatches(sel, { ...labels, canary: "true" })).toBe(false);
  });

  it("matches everything with an empty selector and nothing without one", () => {
    expect(labelSelectorMatches({}, labels)).toBe(true);
    expect(labelSelectorMatches({}, {})).toBe(true);
    expect(labelSelectorMatches(undefined, labels)).toBe(false);
  });

  it("does not see inherited properties as labels", () => {
    expect(labelSelectorMatches({ matchExpressions: [{ key: "toString", operator: "Exists" }] }, {})).toBe(false);
  });
});

describe("formatLabelSelector", () => {
  it("prints matchLabels as key=value, sorted by key", () => {
    expect(formatLabelSelector({ matchLabels: { tier: "front", app: "web" } })).toBe("app=web,tier=front");
  });

  it("prints expressions as kubectl does, set values sorted", () => {
    expect(
      formatLabelSelector({
        matchExpressions: [
          { key: "env", operator: "In", values: ["staging", "prod"] },
          { key: "zone", operator: "NotIn", values: ["b", "a"] },
          { key: "gpu", operator: "Exists" },
          { key: "canary", operator: "DoesNotExist" },
        ],
      }),
    ).toBe("!canary,env in (prod,staging),gpu,zone notin (a,b)");
  });

  it("sorts matchLabels and expressions together by key, as labels.Selector.Add does", () => {
    expect(formatLabelSelector({ matchLabels: { app: "web" }, matchExpressions: [{ key: "a", operator: "Exists" }, { key: "tier", operator: "In", values: ["x"] }] })).toBe(
      "a,app=web,tier in (x)",
    );
  });

  it("prints <none> for no selector or an empty one", () => {
    expect(formatLabelSelector(undefined)).toBe("<none>");
    expect(formatLabelSelector({})).toBe("<none>");
    expect(formatLabelSelector({ matchLabels: {}, matchExpressions: [] })).toBe("<none>");
  });
});

describe("parseSelector", () => {
  it("parses every requirement form, sorted by key", () => {
    expect(parseSelector("a=b,c!=d,e in (x,y),f,!g")).toEqual<SelectorRequirement[]>([
      { key: "a", op: "=", value: "b" },
      { key: "c", op: "!=", value: "d" },
      { key: "e", op: "in", values: ["x", "y"] },
      { key: "f", op: "exists" },
      { key: "g", op: "!" },
    ]);
    expect(parseSelector("z=1,a=2")).toEqual([
      { key: "a", op: "=", value: "2" },
      { key: "z", op: "=", value: "1" },
    ]);
  });

  it("accepts ==, notin, gt, lt, spaces and prefixed keys", () => {
    expect(parseSelector(" app == web , tier notin (b, a,a) ")).toEqual([
      { key: "app", op: "=", value: "web" },
      { key: "tier", op: "notin", values: ["a", "b"] },
    ]);
    expect(parseSelector("k8s.io/app=web")).toEqual([{ key: "k8s.io/app", op: "=", value: "web" }]);
    expect(parseSelector("n>3,m<10")).toEqual([
      { key: "m", op: "lt", value: "10" },
      { key: "n", op: "gt", value: "3" },
    ]);
  });

  it("allows empty values", () => {
    expect(parseSelector("a=")).toEqual([{ key: "a", op: "=", value: "" }]);
    expect(parseSelector("a in ()")).toEqual([{ key: "a", op: "in", values: [""] }]);
    expect(parseSelector("a in (x,,y)")).toEqual([{ key: "a", op: "in", values: ["", "x", "y"] }]);
  });

  it("reads 'in' and 'notin' as plain words where a value or key is expected", () => {
    expect(parseSelector("in=notin")).toEqual([{ key: "in", op: "=", value: "notin" }]);
    expect(parseSelector("x in (in,notin)")).toEqual([{ key: "x", op: "in", values: ["in", "notin"] }]);
  });

  it("selects everything when empty", () => {
    expect(parseSelector("")).toEqual([]);
    expect(parseSelector("   ")).toEqual([]);
  });

  it.each([
    ["a=b,,c", "found ',', expected: identifier after ','"],
    ["a=b,", "found '', expected: identifier after ','"],
    [",a", "found ',', expected: !, identifier, or 'end of string'"],
    ["=a", "found '=', expected: !, identifier, or 'end of string'"],
    ["a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ["a in (x,y", "unable to parse requirement: found '', expected: ',' or ')'"],
    ["a in x", "unable to parse requirement: found 'x' expected: '('"],
    ["a in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ["a=b c", "found 'c', expected: ',' or 'end of string'"],
    ["a=(", "unable to parse requirement: found '(', expected: identifier"],
    ["!", "unable to parse requirement: found '', expected: identifier"],
    ["a>x", "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ["a$=b", `unable to parse requirement: <nil>: Invalid value: "a$": ${NAME_PART_ERROR}`],
    ["app=web$", `unable to parse requirement: values[0][app]: Invalid value: "web$": ${LABEL_VALUE_ERROR}`],
  ])("reports %j as labels.Parse does", (text, message) => {
    expect(parseSelector(text)).toBe(message);
  });
});

describe("selectorMatches", () => {
  const labels = { app: "web", tier: "front", replicas: "3" };
  const m = (text: string) => {
    const reqs = parseSelector(text);
    if (typeof reqs === "string") throw new Error(reqs);
    return selectorMatches(reqs, labels);
  };

  it("matches each requirement kind", () => {
    expect(m("app=web")).toBe(true);
    expect(m("app=db")).toBe(false);
    expect(m("app!=db")).toBe(true);
    expect(m("missing!=x")).toBe(true);
    expect(m("tier in (front,back)")).toBe(true);
    expect(m("tier notin (front)")).toBe(false);
    expect(m("missing notin (x)")).toBe(true);
    expect(m("app")).toBe(true);
    expect(m("!app")).toBe(false);
    expect(m("!missing")).toBe(true);
    expect(m("replicas>2")).toBe(true);
    expect(m("replicas<3")).toBe(false);
    expect(m("app>1")).toBe(false);
    expect(m("")).toBe(true);
  });

  it("ANDs requirements", () => {
    expect(m("app=web,tier=front")).toBe(true);
    expect(m("app=web,tier=back")).toBe(false);
  });
});
