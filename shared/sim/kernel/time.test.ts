import { describe, expect, it } from "vitest";
import { DEFAULT_EPOCH_MS, parseTime, rfc1123z, rfc3339, rfc3339Micro, utcMs } from "./time.ts";

// Reference instants from `date -u -d <iso> +%s` and `+'%a, %d %b %Y %H:%M:%S %z'`.
const INSTANTS: readonly [iso: string, unixSeconds: number, rfc1123z: string][] = [
  ["2026-01-01T09:00:00Z", 1767258000, "Thu, 01 Jan 2026 09:00:00 +0000"],
  ["2024-02-29T23:59:59Z", 1709251199, "Thu, 29 Feb 2024 23:59:59 +0000"],
  ["2000-03-01T00:00:00Z", 951868800, "Wed, 01 Mar 2000 00:00:00 +0000"],
  ["1900-03-01T00:00:00Z", -2203891200, "Thu, 01 Mar 1900 00:00:00 +0000"],
  ["2100-02-28T12:00:00Z", 4107499200, "Sun, 28 Feb 2100 12:00:00 +0000"],
  ["1969-12-31T23:59:59Z", -1, "Wed, 31 Dec 1969 23:59:59 +0000"],
  ["2026-03-15T14:30:45Z", 1773585045, "Sun, 15 Mar 2026 14:30:45 +0000"],
];

describe("utcMs", () => {
  it.each(INSTANTS)("%s is %d s after the Unix epoch", (iso, secs) => {
    const m = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)Z$/.exec(iso)!;
    expect(utcMs(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!)).toBe(secs * 1000);
  });

  it("puts the default epoch at 2026-01-01T09:00:00Z", () => {
    expect(DEFAULT_EPOCH_MS).toBe(1767258000000);
  });
});

describe("rfc3339", () => {
  it.each(INSTANTS)("prints %s", (iso, secs) => {
    expect(rfc3339(0, secs * 1000)).toBe(iso);
    expect(rfc3339(secs * 1000, 0)).toBe(iso);
  });

  it("adds simulated time to the epoch", () => {
    expect(rfc3339(DEFAULT_EPOCH_MS, 0)).toBe("2026-01-01T09:00:00Z");
    expect(rfc3339(DEFAULT_EPOCH_MS, 90_061_000)).toBe("2026-01-02T10:01:01Z");
  });

  it("truncates to whole seconds, as metav1.Time does", () => {
    expect(rfc3339(DEFAULT_EPOCH_MS, 1999)).toBe("2026-01-01T09:00:01Z");
    expect(rfc3339(-1, 0)).toBe("1969-12-31T23:59:59Z");
  });

  it("rolls over month, year and leap day boundaries", () => {
    expect(rfc3339(utcMs(2024, 2, 28, 23, 59, 59), 1000)).toBe("2024-02-29T00:00:00Z");
    expect(rfc3339(utcMs(2024, 2, 29, 23, 59, 59), 1000)).toBe("2024-03-01T00:00:00Z");
    expect(rfc3339(utcMs(2023, 2, 28, 23, 59, 59), 1000)).toBe("2023-03-01T00:00:00Z");
    expect(rfc3339(utcMs(1900, 2, 28, 23, 59, 59), 1000)).toBe("1900-03-01T00:00:00Z");
    expect(rfc3339(utcMs(2000, 2, 28, 23, 59, 59), 1000)).toBe("2000-02-29T00:00:00Z");
    expect(rfc3339(utcMs(2026, 12, 31, 23, 59, 59), 1000)).toBe("2027-01-01T00:00:00Z");
  });

  it("agrees with the calendar for every day of four years", () => {
    const start = utcMs(2023, 1, 1);
    const dim = (y: number, m: number) => [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
    let day = 0;
    for (let y = 2023; y <= 2026; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= dim(y, m); d++) {
          const expected = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}T00:00:00Z`;
          expect(rfc3339(start, day * 86_400_000)).toBe(expected);
          day++;
        }
      }
    }
    expect(day).toBe(365 * 3 + 366);
  });
});

describe("rfc3339Micro", () => {
  it("prints six fractional digits, as metav1.MicroTime does", () => {
    expect(rfc3339Micro(DEFAULT_EPOCH_MS, 0)).toBe("2026-01-01T09:00:00.000000Z");
    expect(rfc3339Micro(DEFAULT_EPOCH_MS, 1234)).toBe("2026-01-01T09:00:01.234000Z");
    expect(rfc3339Micro(DEFAULT_EPOCH_MS, 60_007)).toBe("2026-01-01T09:01:00.007000Z");
  });
});

describe("rfc1123z", () => {
  it.each(INSTANTS)("prints %s as kubectl describe does", (_iso, secs, text) => {
    expect(rfc1123z(0, secs * 1000)).toBe(text);
  });

  it("names every weekday", () => {
    const days = Array.from({ length: 7 }, (_, i) => rfc1123z(DEFAULT_EPOCH_MS, i * 86_400_000).slice(0, 3));
    expect(days).toEqual(["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]);
  });
});

describe("parseTime", () => {
  it("round-trips rfc3339 and rfc3339Micro to simulated milliseconds", () => {
    for (const sim of [0, 1000, 59_000, 86_400_000, 31_536_000_000, 5_000_000_000]) {
      expect(parseTime(DEFAULT_EPOCH_MS, rfc3339(DEFAULT_EPOCH_MS, sim))).toBe(sim);
    }
    for (const sim of [0, 1, 999, 1234, 60_007, 86_399_999]) {
      expect(parseTime(DEFAULT_EPOCH_MS, rfc3339Micro(DEFAULT_EPOCH_MS, sim))).toBe(sim);
    }
  });

  it("gives negative simulated time before the epoch", () => {
    expect(parseTime(DEFAULT_EPOCH_MS, "2026-01-01T08:59:00Z")).toBe(-60_000);
  });

  it("reads leap days", () => {
    expect(parseTime(0, "2024-02-29T00:00:00Z")).toBe(utcMs(2024, 2, 29));
    expect(parseTime(0, "2024-02-29T00:00:00Z") + 86_400_000).toBe(parseTime(0, "2024-03-01T00:00:00Z"));
  });

  it("truncates fractions below a millisecond", () => {
    expect(parseTime(0, "1970-01-01T00:00:00.123456789Z")).toBe(123);
    expect(parseTime(0, "1970-01-01T00:00:00.5Z")).toBe(500);
  });

  it("returns NaN for anything that is not a UTC RFC 3339 instant", () => {
    for (const bad of ["", "2026-01-01", "2026-01-01T09:00:00", "2026-01-01T09:00:00+01:00", "Thu, 01 Jan 2026 09:00:00 +0000", "2026-1-01T09:00:00Z"]) {
      expect(parseTime(0, bad)).toBeNaN();
    }
  });
});
