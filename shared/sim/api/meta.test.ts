import { describe, expect, it } from "vitest";
import { controllerRef, objectKey, splitKey } from "./meta.ts";

describe("object keys", () => {
  it("are namespace/name for namespaced objects and name for cluster-scoped ones", () => {
    expect(objectKey({ metadata: { namespace: "default", name: "web" } })).toBe("default/web");
    expect(objectKey({ metadata: { name: "node-1" } })).toBe("node-1");
    expect(splitKey("default/web")).toEqual({ namespace: "default", name: "web" });
    expect(splitKey("node-1")).toEqual({ namespace: "", name: "node-1" });
  });

  it("finds the controller among owner references", () => {
    const owner = { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-1", uid: "u2", controller: true };
    expect(controllerRef({ metadata: { ownerReferences: [{ apiVersion: "v1", kind: "Node", name: "n", uid: "u1" }, owner] } })).toBe(owner);
    expect(controllerRef({ metadata: {} })).toBeUndefined();
  });
});
