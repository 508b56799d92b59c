import { describe, expect, it } from "vitest";
import { goParseDuration, goParseInt, parseFlags, type FlagSpec } from "./flags.ts";

const SPECS: FlagSpec[] = [
  { name: "output", short: "o", type: "string" },
  { name: "all-namespaces", short: "A", type: "bool" },
  { name: "watch", short: "w", type: "bool" },
  { name: "replicas", short: "r", type: "int" },
  { name: "image", type: "stringSlice" },
  { name: "timeout", type: "duration" },
];

function ok(args: string[]) {
  const r = parseFlags(SPECS, args);
  if (!r.ok) throw new Error(r.error);
  return r.flags;
}

describe("parseFlags (spf13/pflag)", () => {
  it("accepts every value syntax and interspersed positionals", () => {
    const f = ok(["pods", "-o", "wide", "x", "--replicas=3", "-Aw", "--image", "a,b", "--image=c"]);
    expect(f.args).toEqual(["pods", "x"]);
    expect(f.values.get("output")).toBe("wide");
    expect(f.values.get("replicas")).toBe(3);
    expect(f.values.get("all-namespaces")).toBe(true);
    expect(f.values.get("watch")).toBe(true);
    expect(f.values.get("image")).toEqual(["a", "b", "c"]);
    expect(ok(["-oyaml"]).values.get("output")).toBe("yaml");
    expect(ok(["-o=json"]).values.get("output")).toBe("json");
    expect(ok(["--all-namespaces=false"]).values.get("all-namespaces")).toBe(false);
  });

  it("stops at -- and records where", () => {
    const f = ok(["web", "--", "sleep", "-o", "3600"]);
    expect(f.args).toEqual(["web", "sleep", "-o", "3600"]);
    expect(f.argsLenAtDash).toBe(1);
  });

  it.each<[string[], string]>([
    [["--foo"], "unknown flag: --foo"],
    [["-x"], "unknown shorthand flag: 'x' in -x"],
    [["-Ax"], "unknown shorthand flag: 'x' in -x"],
    [["--output"], "flag needs an argument: --output"],
    [["-o"], "flag needs an argument: 'o' in -o"],
    [["--replicas=abc"], 'invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [["--all-namespaces=maybe"], 'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [["--timeout=5"], 'invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"'],
    [["---x"], "bad flag syntax: ---x"],
  ])("%j → %s", (args, error) => {
    expect(parseFlags(SPECS, args)).toEqual({ ok: false, error });
  });

  it("parses Go integers and durations", () => {
    expect(goParseInt("0x10", 64)).toBe(16);
    expect(goParseInt("010", 64)).toBe(8);
    expect(goParseInt("-5", 64)).toBe(-5);
    expect(goParseInt("99999999999", 32)).toBe('strconv.ParseInt: parsing "99999999999": value out of range');
    expect(goParseDuration("1m30s")).toBe(90_000);
    expect(goParseDuration("1.5h")).toBe(5_400_000);
    expect(goParseDuration("0")).toBe(0);
    expect(goParseDuration("5x")).toBe('time: unknown unit "x" in duration "5x"');
  });
});
