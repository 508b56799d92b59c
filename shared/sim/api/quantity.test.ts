import { describe, expect, it } from "vitest";
import { bytes, count, formatBytes, formatMilliCpu, isQuantity, milliCpu, parseQuantity, QUANTITY_FORMAT_ERROR } from "./quantity.ts";

describe("parseQuantity", () => {
  it.each([
    ["250m", 0.25],
    ["1", 1],
    ["0.5", 0.5],
    [".5", 0.5],
    ["1.", 1],
    ["+2", 2],
    ["-250m", -0.25],
    ["128Mi", 134_217_728],
    ["1Gi", 1_073_741_824],
    ["1.5Gi", 1_610_612_736],
    ["1Ki", 1024],
    ["1Ti", 2 ** 40],
    ["1e3", 1000],
    ["1E3", 1000],
    ["1e-3", 0.001],
    ["1k", 1000],
    ["1M", 1e6],
    ["1G", 1e9],
    ["1E", 1e18],
    ["100n", 1e-7],
    ["5u", 5e-6],
    [" 2 ", 2],
  ] as const)("reads %s", (text, value) => {
    expect(parseQuantity(text)).toBe(value);
    expect(isQuantity(text)).toBe(true);
  });

  it("passes numbers through", () => {
    expect(parseQuantity(3)).toBe(3);
  });

  it.each(["", "abc", "1.2.3", "Mi", ".", "-", "1K", "1 Gi", "1mi", "1e", "1Gib", "0x10", "1,5"])("refuses %j", (text) => {
    expect(parseQuantity(text)).toBeUndefined();
    expect(isQuantity(text)).toBe(false);
  });

  it("quotes apimachinery's format error", () => {
    expect(QUANTITY_FORMAT_ERROR).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
});

describe("milliCpu", () => {
  it.each([
    ["250m", 250],
    ["1", 1000],
    ["0.5", 500],
    ["1.5", 1500],
    ["2", 2000],
    ["100m", 100],
    ["7m", 7],
    ["0.007", 7],
    ["0.1", 100],
    ["0.3", 300],
    ["1e3", 1_000_000],
    ["1k", 1_000_000],
  ] as const)("%s is %d millicores", (text, m) => {
    expect(milliCpu(text)).toBe(m);
  });

  it("rounds up what is finer than a millicore, as MilliValue does", () => {
    expect(milliCpu("100n")).toBe(1);
    expect(milliCpu("1u")).toBe(1);
    expect(milliCpu("1.5m")).toBe(2);
    expect(milliCpu("1.0005")).toBe(1001);
    expect(milliCpu("0.0001")).toBe(1);
  });

  it("is 0 for missing or malformed input", () => {
    expect(milliCpu(undefined)).toBe(0);
    expect(milliCpu("lots")).toBe(0);
  });

  it("takes numbers as cores", () => {
    expect(milliCpu(2)).toBe(2000);
  });
});

describe("bytes", () => {
  it.each([
    ["128Mi", 134_217_728],
    ["1Gi", 1_073_741_824],
    ["1G", 1_000_000_000],
    ["1.1G", 1_100_000_000],
    ["0.3G", 300_000_000],
    ["2.3Gi", 2_469_606_196],
    ["1.5Ki", 1536],
    ["1e3", 1000],
    ["1k", 1000],
    ["16393212Ki", 16_786_649_088],
    ["100", 100],
  ] as const)("%s is %d bytes", (text, b) => {
    expect(bytes(text)).toBe(b);
  });

  it("rounds fractions of a byte up, as Value does", () => {
    expect(bytes("0.5")).toBe(1);
    expect(bytes("100m")).toBe(1);
    expect(bytes("0.1Gi")).toBe(107_374_183);
  });

  it("is 0 for missing or malformed input", () => {
    expect(bytes(undefined)).toBe(0);
    expect(bytes("8GB")).toBe(0);
  });
});

describe("count", () => {
  it("reads integer counts", () => {
    expect(count("110")).toBe(110);
    expect(count("1k")).toBe(1000);
    expect(count(undefined)).toBe(0);
  });
});

describe("formatMilliCpu", () => {
  it.each([
    [250, "250m"],
    [1000, "1"],
    [1500, "1500m"],
    [2000, "2"],
    [0, "0"],
    [100, "100m"],
    [-500, "-500m"],
    [64_000, "64"],
    [1_000_000, "1k"],
    [1_500_000, "1500"],
  ] as const)("%d is %s", (m, text) => {
    expect(formatMilliCpu(m)).toBe(text);
  });

  it("round-trips through milliCpu", () => {
    for (const m of [1, 10, 250, 999, 1000, 1001, 3500, 16_000]) expect(milliCpu(formatMilliCpu(m))).toBe(m);
  });
});

describe("formatBytes", () => {
  it.each([
    [134_217_728, "128Mi"],
    [8 * 2 ** 30, "8Gi"],
    [1536, "1536"],
    [1024, "1Ki"],
    [2 ** 40, "1Ti"],
    [1_500_000, "1500000"],
    [16_786_649_088, "16393212Ki"],
    [0, "0"],
    [512, "512"],
    // Below 1024 a BinarySI quantity prints as DecimalSI.
    [1000, "1k"],
    [2000, "2000"],
  ] as const)("%d is %s", (b, text) => {
    expect(formatBytes(b)).toBe(text);
  });

  it("round-trips through bytes", () => {
    for (const b of [1, 1000, 1023, 1024, 1536, 134_217_728, 5_000_000_000]) expect(bytes(formatBytes(b))).toBe(b);
  });
});
