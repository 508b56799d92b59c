// Command-line flags the way spf13/pflag parses them for cobra commands:
// interspersed flags, --name=value / --name value / -n value / -nvalue /
// -n=value, bundled boolean shorthands (-Aw), "--" ending flag parsing, and
// pflag's exact error texts, which kubectl prints after "error: ".

export type FlagType = "bool" | "string" | "int" | "int32" | "stringSlice" | "stringArray" | "duration" | "mapStringString";

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  /** Value used when the flag is given without one (bools: "true"). */
  readonly noOptDefVal?: string;
}

export type FlagValue = boolean | string | number | string[];

export interface ParsedFlags {
  readonly values: ReadonlyMap<string, FlagValue>;
  /** Flags the user set explicitly (cobra's Flags().Changed). */
  readonly changed: ReadonlySet<string>;
  readonly args: readonly string[];
  /** Positional arguments before "--", or -1 without one (cobra's ArgsLenAtDash). */
  readonly argsLenAtDash: number;
  /** -h/--help was given. */
  readonly help: boolean;
}

export type ParseResult = { readonly ok: true; readonly flags: ParsedFlags } | { readonly ok: false; readonly error: string };

// --- value parsers (strconv, time) -------------------------------------------

export function goParseBool(s: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return false;
  return undefined;
}

/** strconv.ParseInt(s, 0, bits): returns the number or strconv's error text. */
export function goParseInt(s: string, bits: 32 | 64): number | string {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+(?:_?[0-9a-fA-F]+)*|0[bB][01]+(?:_?[01]+)*|0[oO][0-7]+(?:_?[0-7]+)*|0(?:_?[0-7]+)*|[1-9](?:_?[0-9]+)*)$/.exec(s);
  if (!m) return `strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`;
  const body = m[2]!.replace(/_/g, "");
  const v = /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  const signed = m[1] === "-" ? -v : v;
  const max = 2n ** BigInt(bits - 1);
  if (signed >= max || signed < -max) return `strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`;
  return Number(signed);
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration, in milliseconds, or Go's error text. */
export function goParseDuration(orig: string): number | string {
  const quoted = JSON.stringify(orig);
  let s = orig;
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") return `time: invalid duration ${quoted}`;
  let total = 0;
  while (s !== "") {
    const num = /^([0-9]*)(\.[0-9]*)?/.exec(s)!;
    if (num[0] === "" || num[0] === ".") return `time: invalid duration ${quoted}`;
    s = s.slice(num[0].length);
    const unit = /^[^0-9.]*/.exec(s)![0];
    if (unit === "") return `time: missing unit in duration ${quoted}`;
    const scale = DURATION_UNITS[unit];
    if (scale === undefined) return `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`;
    s = s.slice(unit.length);
    total += Number(num[0]) * scale;
  }
  return neg ? -total : total;
}

/** encoding/csv reading of one record, as pflag's StringSlice does. */
function readCsv(value: string): string[] | string {
  if (value === "") return [];
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (value[i] === '"') {
      i++;
      for (;;) {
        if (i >= value.length) return `parse error on line 1, column ${value.length + 1}: extraneous or missing " in quoted-field`;
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += value[i++];
      }
      if (i < value.length && value[i] !== ",") return `parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`;
    } else {
      const end = value.indexOf(",", i);
      field = end < 0 ? value.slice(i) : value.slice(i, end);
      i = end < 0 ? value.length : end;
    }
    out.push(field);
    if (i >= value.length) return out;
    i++; // the comma
    if (i >= value.length) {
      out.push("");
      return out;
    }
  }
}

// --- parsing -----------------------------------------------------------------

function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

export function parseFlags(specs: readonly FlagSpec[], argv: readonly string[]): ParseResult {
  // The first spec of a name wins: a command's own flag shadows a global one (create rolebinding's --user).
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const s of specs) {
    if (!byName.has(s.name)) byName.set(s.name, s);
    if (s.short && !byShort.has(s.short)) byShort.set(s.short, s);
  }
  const values = new Map<string, FlagValue>();
  const changed = new Set<string>();
  const args: string[] = [];
  let argsLenAtDash = -1;
  let help = false;

  const set = (spec: FlagSpec, value: string): string | undefined => {
    let parsed: FlagValue;
    switch (spec.type) {
      case "bool": {
        const b = goParseBool(value);
        if (b === undefined) return invalid(spec, value, `strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
        parsed = b;
        break;
      }
      case "int":
      case "int32": {
        const n = goParseInt(value, spec.type === "int" ? 64 : 32);
        if (typeof n === "string") return invalid(spec, value, n);
        parsed = n;
        break;
      }
      case "duration": {
        const d = goParseDuration(value);
        if (typeof d === "string") return invalid(spec, value, d);
        parsed = d;
        break;
      }
      case "stringSlice": {
        const parts = readCsv(value);
        if (typeof parts === "string") return invalid(spec, value, parts);
        parsed = changed.has(spec.name) ? [...(values.get(spec.name) as string[]), ...parts] : parts;
        break;
      }
      case "stringArray":
        parsed = changed.has(spec.name) ? [...(values.get(spec.name) as string[]), value] : [value];
        break;
      case "mapStringString": {
        // cliflag.MapStringString: comma-separated k=v pairs, trimmed, later keys win; kept as "k=v" entries.
        const map = new Map((changed.has(spec.name) ? (values.get(spec.name) as string[]) : []).map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));
        for (const pair of value.split(",")) {
          if (pair === "") continue;
          const eq = pair.indexOf("=");
          if (eq < 0) return invalid(spec, value, "malformed pair, expect string=string");
          map.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
        }
        parsed = [...map].map(([k, v]) => `${k}=${v}`);
        break;
      }
      default:
        parsed = value;
    }
    values.set(spec.name, parsed);
    changed.add(spec.name);
    return undefined;
  };
  const invalid = (spec: FlagSpec, value: string, err: string): string => `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(flagLabel(spec))} flag: ${err}`;
  const noOpt = (spec: FlagSpec): string | undefined => spec.noOptDefVal ?? (spec.type === "bool" ? "true" : undefined);

  let rest = [...argv];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length < 2 || s[0] !== "-") {
      args.push(s);
      continue;
    }
    if (s[1] === "-") {
      if (s.length === 2) {
        argsLenAtDash = args.length;
        args.push(...rest);
        rest = [];
        break;
      }
      const body = s.slice(2);
      if (body[0] === "-" || body[0] === "=") return { ok: false, error: `bad flag syntax: ${s}` };
      const eq = body.indexOf("=");
      const name = eq < 0 ? body : body.slice(0, eq);
      const spec = byName.get(name);
      if (!spec) {
        if (name === "help") {
          help = true;
          continue;
        }
        return { ok: false, error: `unknown flag: --${name}` };
      }
      let value: string;
      if (eq >= 0) value = body.slice(eq + 1);
      else if (noOpt(spec) !== undefined) value = noOpt(spec)!;
      else if (rest.length > 0) value = rest.shift()!;
      else return { ok: false, error: `flag needs an argument: ${s}` };
      const err = set(spec, value);
      if (err) return { ok: false, error: err };
      continue;
    }
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0]!;
      const spec = byShort.get(c);
      if (!spec) {
        if (c === "h") {
          help = true;
          shorthands = shorthands.slice(1);
          continue;
        }
        return { ok: false, error: `unknown shorthand flag: '${c}' in -${shorthands}` };
      }
      let value: string;
      let next = shorthands.slice(1);
      if (shorthands.length > 2 && shorthands[1] === "=") {
        value = shorthands.slice(2);
        next = "";
      } else if (noOpt(spec) !== undefined) value = noOpt(spec)!;
      else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        next = "";
      } else if (rest.length > 0) value = rest.shift()!;
      else return { ok: false, error: `flag needs an argument: '${c}' in -${shorthands}` };
      const err = set(spec, value);
      if (err) return { ok: false, error: err };
      shorthands = next;
    }
  }
  return { ok: true, flags: { values, changed, args, argsLenAtDash, help } };
}

// --- typed accessors -----------------------------------------------------------

export function flagString(f: ParsedFlags, name: string, def = ""): string {
  const v = f.values.get(name);
  return typeof v === "string" ? v : def;
}

export function flagBool(f: ParsedFlags, name: string): boolean {
  return f.values.get(name) === true;
}

export function flagInt(f: ParsedFlags, name: string, def: number): number {
  const v = f.values.get(name);
  return typeof v === "number" ? v : def;
}

export function flagList(f: ParsedFlags, name: string): string[] {
  const v = f.values.get(name);
  return Array.isArray(v) ? v : [];
}
