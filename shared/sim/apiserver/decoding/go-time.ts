// Go's time.Parse for the two layouts metav1.Time and metav1.MicroTime read
// (RFC3339 and RFC3339Micro), reduced to its error: undefined when the text
// parses, else the *time.ParseError text kube-apiserver answers with.

export const RFC3339 = "2006-01-02T15:04:05Z07:00";
export const RFC3339_MICRO = "2006-01-02T15:04:05.000000Z07:00";

const quote = (s: string): string => JSON.stringify(s);
const isDigit = (s: string, i: number): boolean => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

/** The layout as Go's nextStdChunk splits it: std elements and literal text between them. */
function chunks(layout: string): { std: string; kind: "year" | "month" | "day" | "hour" | "minute" | "second" | "frac" | "tz" | "lit" }[] {
  const out: ReturnType<typeof chunks> = [];
  const std: [string, ReturnType<typeof chunks>[number]["kind"]][] = [
    ["2006", "year"],
    ["01", "month"],
    ["02", "day"],
    ["15", "hour"],
    ["04", "minute"],
    ["05", "second"],
    [".000000", "frac"],
    ["Z07:00", "tz"],
  ];
  let rest = layout;
  while (rest !== "") {
    const hit = std.find(([s]) => rest.startsWith(s));
    if (hit) {
      out.push({ std: hit[0], kind: hit[1] });
      rest = rest.slice(hit[0].length);
    } else {
      out.push({ std: rest[0]!, kind: "lit" });
      rest = rest.slice(1);
    }
  }
  return out;
}

const LAYOUTS = new Map([RFC3339, RFC3339_MICRO].map((l) => [l, chunks(l)]));

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The shape every valid value has; only values that fail it (or a range) take the slow path below. */
const FAST: Readonly<Record<string, RegExp>> = {
  [RFC3339]: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:\d{2})$/,
  [RFC3339_MICRO]: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[.,]\d{6}(?:Z|[+-]\d{2}:\d{2})$/,
};

const num2 = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/** Timestamps repeat within an object (creation, transitions, start): the last valid one per layout is remembered. */
let lastValid = "";
let lastValidMicro = "";

export function goTimeParseError(layout: string, value: string): string | undefined {
  if (value === (layout === RFC3339 ? lastValid : lastValidMicro)) return undefined;
  if (FAST[layout]!.test(value)) {
    const month = num2(value, 5);
    const day = num2(value, 8);
    const year = num2(value, 0) * 100 + num2(value, 2);
    const zulu = value.endsWith("Z");
    const n = value.length;
    const inRange = month >= 1 && month <= 12 && num2(value, 11) <= 23 && num2(value, 14) <= 59 && num2(value, 17) <= 59 && day >= 1 && day <= daysIn(month, year);
    if (inRange && (zulu || (num2(value, n - 5) <= 24 && num2(value, n - 2) <= 60))) {
      if (layout === RFC3339) lastValid = value;
      else lastValidMicro = value;
      return undefined;
    }
  }
  return slowParseError(layout, value);
}

function slowParseError(layout: string, value: string): string | undefined {
  const bad = (elem: string, rest: string) => `parsing time ${quote(value)} as ${quote(layout)}: cannot parse ${quote(rest)} as ${quote(elem)}`;
  const range = (what: string) => `parsing time ${quote(value)}: ${what} out of range`;
  let v = value;
  let year = 0;
  let month = 1;
  let day = 1;
  for (const c of LAYOUTS.get(layout)!) {
    const hold = v;
    switch (c.kind) {
      case "lit":
        if (!v.startsWith(c.std)) return bad(c.std, v);
        v = v.slice(1);
        break;
      case "year":
        if (v.length < 4 || ![0, 1, 2, 3].every((i) => isDigit(v, i))) return bad(c.std, hold);
        year = Number(v.slice(0, 4));
        v = v.slice(4);
        break;
      case "hour": {
        // stdHour takes one or two digits.
        if (!isDigit(v, 0)) return bad(c.std, hold);
        const n = isDigit(v, 1) ? 2 : 1;
        if (Number(v.slice(0, n)) > 23) return range("hour");
        v = v.slice(n);
        break;
      }
      case "month":
      case "day":
      case "minute":
      case "second": {
        if (!isDigit(v, 0) || !isDigit(v, 1)) return bad(c.std, hold);
        const n = Number(v.slice(0, 2));
        v = v.slice(2);
        if (c.kind === "month") {
          if (n < 1 || n > 12) return range("month");
          month = n;
        } else if (c.kind === "day") day = n;
        else if (n > 59) return range(c.kind);
        if (c.kind === "second" && layout === RFC3339 && v.length >= 2 && (v[0] === "." || v[0] === ",") && isDigit(v, 1)) {
          // A fractional second after "05" is read even when the layout has none.
          let i = 1;
          while (isDigit(v, i)) i++;
          v = v.slice(i);
        }
        break;
      }
      case "frac":
        if (v.length < 7 || (v[0] !== "." && v[0] !== ",") || ![1, 2, 3, 4, 5, 6].every((i) => isDigit(v, i))) return bad(c.std, hold);
        v = v.slice(7);
        break;
      case "tz":
        if (v.startsWith("Z")) {
          v = v.slice(1);
          break;
        }
        if (v.length < 6 || v[3] !== ":" || (v[0] !== "+" && v[0] !== "-") || !isDigit(v, 1) || !isDigit(v, 2) || !isDigit(v, 4) || !isDigit(v, 5)) return bad(c.std, hold);
        if (Number(v.slice(1, 3)) > 24) return range("time zone offset hour");
        if (Number(v.slice(4, 6)) > 60) return range("time zone offset minute");
        v = v.slice(6);
        break;
    }
  }
  if (v !== "") return `parsing time ${quote(value)}: extra text: ${quote(v)}`;
  if (day < 1 || day > daysIn(month, year)) return range("day");
  return undefined;
}
