import { describe, expect, it } from "vitest";
import type { PodView } from "../../server/rooms/schema/cluster-state.ts";
import { findPods } from "./pod-search.ts";

const pod = (namespace: string, name: string, node = "node-1") => ({ namespace, name, node }) as PodView;
const pods = [pod("shop", "api-7d9f-abcde"), pod("shop", "web-55c-xyz12"), pod("ads", "api-66b-q1w2e", "node-2"), pod("default", "shop-lister", "")];

describe("findPods", () => {
  const cases: readonly [string, string, string[]][] = [
    ["nothing for blank text", "  ", []],
    ["an exact name first", "shop-lister", ["default/shop-lister"]],
    ["name prefixes, then a namespace, then any part", "shop", ["default/shop-lister", "shop/api-7d9f-abcde", "shop/web-55c-xyz12"]],
    ["a namespace/name", "ads/api-66b-q1w2e", ["ads/api-66b-q1w2e"]],
    ["names that start with the text, in key order", "API", ["ads/api-66b-q1w2e", "shop/api-7d9f-abcde"]],
    ["a part of a name", "xyz", ["shop/web-55c-xyz12"]],
  ];
  for (const [name, query, keys] of cases) it(name, () => expect(findPods(pods, query).map((m) => m.key)).toEqual(keys));
});
