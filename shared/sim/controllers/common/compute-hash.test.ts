import { describe, expect, it } from "vitest";
import type { PodTemplateSpec } from "../../api/core-v1.ts";
import { computeHash, fnv32a, safeEncodeString } from "./compute-hash.ts";

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

const template: PodTemplateSpec = { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "app", image: "nginx:1.27" }] } };

describe("computeHash", () => {
  it("is FNV-32a", () => {
    expect(fnv32a(bytes(""))).toBe(0x811c9dc5);
    expect(fnv32a(bytes("a"))).toBe(0xe40c292c);
    expect(fnv32a(bytes("foobar"))).toBe(0xbf9cf968);
  });

  it("encodes decimal digits as rand.SafeEncodeString does", () => {
    expect(safeEncodeString("0123456789")).toBe("456789bcdf");
    expect(safeEncodeString(String(0xbf9cf968))).toBe("7658c79c64");
  });

  it("depends on the template and the collision count only", () => {
    const h = computeHash(template);
    expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(structuredClone(template))).toBe(h);
    // Key order does not matter: the JSON is canonical.
    expect(computeHash({ spec: template.spec, metadata: template.metadata })).toBe(h);
    expect(computeHash({ ...template, spec: { containers: [{ name: "app", image: "nginx:1.28" }] } })).not.toBe(h);
    expect(computeHash(template, 1)).not.toBe(h);
    expect(computeHash(template, 1)).not.toBe(computeHash(template, 2));
  });
});
