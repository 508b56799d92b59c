// The scenario files shipped in assets/scenarios/ all load, validated, under
// names that match their files (the server refuses to start otherwise).

import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";

describe("shipped scenarios", () => {
  it("load and validate", () => {
    const catalog = loadCatalog();
    expect(catalog.names()).toEqual(expect.arrayContaining(["sandbox", "level-1"]));
    expect(catalog.get("level-1")).toMatchObject({ mode: "level", schedulerActive: false });
    expect(catalog.get("sandbox")!.nodes.map((n) => [n.name, n.zone])).toEqual([
      ["node-1", "zone-a"],
      ["node-2", "zone-b"],
      ["node-3", "zone-c"],
    ]);
  });
});
