import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../sim/api/meta.ts";
import { DEFAULT_EPOCH_MS } from "../../sim/kernel/time.ts";
import { isLess, sortObjects, sortTableRows, type SortResult } from "./sorter.ts";

const NOW = { epochMs: DEFAULT_EPOCH_MS, nowMs: 95_000 };

const obj = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name }, ...extra }) as KubeObject;

const names = (r: SortResult): string => (r.kind === "sorted" ? r.objects.map((o) => o.metadata.name).join(" ") : r.kind === "error" ? `ERR ${(r.error as { message: string }).message}` : `EXIT ${r.stderr}`);

describe("isLess (kubectl sorter.go)", () => {
  it.each<[string, unknown, unknown, boolean]>([
    ["ints", 2, 10, true],
    ["ints, equal", 3, 3, false],
    ["floats", 0.5, 0.25, false],
    ["strings byte-wise", "b", "a", false],
    ["upper case sorts before lower case", "Z", "a", true],
    ["quantities by value", "500m", "2", true],
    ["binary and decimal quantities", "1Gi", "1G", false],
    ["a quantity and a word compare as strings", "10", "abc", true],
    ["timestamps as strings", "2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z", true],
    ["nil first", null, "a", true],
    ["nil last", "a", null, false],
    ["both nil", null, null, false],
  ])("%s", (_name, i, j, expected) => {
    expect(isLess(i, j)).toBe(expected);
  });
});

describe("--sort-by on a List's items (SortingPrinter)", () => {
  const pods = [
    obj("c", { spec: { containers: [{ resources: { requests: { cpu: "1" } } }] }, status: { startTime: "2026-01-01T09:02:00Z" } }),
    obj("a", { spec: { containers: [{ resources: { requests: { cpu: "250m" } } }] } }),
    obj("b", { spec: { containers: [{ resources: { requests: { cpu: "1500m" } } }] }, status: { startTime: "2026-01-01T09:01:00Z" } }),
  ];

  it.each<[string, string, string]>([
    ["by name, relaxed", "metadata.name", "a b c"],
    ["by name, full template", "{.metadata.name}", "a b c"],
    ["quantities by value", ".spec.containers[0].resources.requests.cpu", "a c b"],
    ["objects without the field first", ".status.startTime", "a b c"],
    ["not found anywhere", ".status.nope", 'ERR couldn\'t find any field with path "{.status.nope}" in the list of objects'],
    ["relaxed syntax error", "{.a}{.b}", "ERR unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"],
    ["parse error", ".a[", "ERR unterminated array"],
    ["index error", ".spec.containers[3]", "ERR array index out of bounds: index 3, length 1"],
  ])("%s: %s", (_name, field, expected) => {
    expect(names(sortObjects(pods, field, NOW))).toBe(expected);
  });

  it("leaves an empty list alone, whatever the field", () => {
    expect(names(sortObjects([], ".a[", NOW))).toBe("");
  });

  it("ends kubectl through klog.Exitf on values it cannot order", () => {
    expect(names(sortObjects(pods, ".spec.containers", NOW))).toBe(
      "EXIT F0101 09:01:35.000000    1095 sorter.go:329] Field {.spec.containers} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: []interface {}\n",
    );
    expect(names(sortObjects([obj("x", { spec: { n: 1 } }), obj("y", { spec: { n: "1" } })], ".spec.n", NOW))).toBe(
      "EXIT F0101 09:01:35.000000    1095 sorter.go:329] Field {.spec.n} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable interface: interface\n",
    );
  });

  it("is Go's unstable sort.Sort, not a stable sort", () => {
    // 13 items go past insertion sort: pdqsort partitions around p03, moving p00 and p01.
    const many = Array.from({ length: 13 }, (_, k) => obj(`p${String(k).padStart(2, "0")}`, { spec: { k: k === 6 ? 0 : 1 } }));
    expect(names(sortObjects(many, ".spec.k", NOW))).toBe("p06 p03 p02 p00 p04 p05 p01 p07 p08 p09 p10 p11 p12");
  });
});

describe("--sort-by on a table's rows (TableSorter)", () => {
  it("sorts, and checks the field even on a single row", () => {
    expect(names(sortTableRows([obj("b"), obj("a")], ".metadata.name", NOW))).toBe("a b");
    expect(names(sortTableRows([obj("b")], ".nope", NOW))).toBe('ERR couldn\'t find any field with path "{.nope}" in the list of objects');
    expect(names(sortTableRows([], ".nope", NOW))).toBe("");
  });

  it("falls back to the raw template, and wraps its errors", () => {
    expect(names(sortTableRows([obj("b"), obj("a")], "{.kind}{.metadata.name}", NOW))).toBe("b a");
    expect(names(sortTableRows([], "{.a[}", NOW))).toBe("ERR sorting error: unterminated array");
    expect(names(sortTableRows([obj("a")], ".spec.containers[1]", NOW))).toBe("ERR couldn't find any field with path \"{.spec.containers[1]}\" in the list of objects");
    expect(names(sortTableRows([obj("a", { spec: { containers: [] } })], ".spec.containers[1]", NOW))).toBe(
      'ERR Failed to get values for [][]reflect.Value(nil) using {.spec.containers[1]} (&errors.errorString{s:"array index out of bounds: index 1, length 0"})',
    );
  });

  it("exits on a map", () => {
    expect(names(sortTableRows([obj("a", { spec: { m: {} } }), obj("b", { spec: { m: {} } })], ".spec.m", NOW))).toBe(
      "EXIT F0101 09:01:35.000000    1095 sorter.go:375] Field {.spec.m} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}\n",
    );
  });
});
