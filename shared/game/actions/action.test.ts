import { describe, expect, it } from "vitest";
import { ApiRequestSchema } from "./action.ts";

describe("ApiRequestSchema", () => {
  // A replay must send what the player's kubectl sent: a Warn create succeeds where a Strict one is refused.
  it.each(["Strict", "Warn", "Ignore"])("keeps fieldValidation=%s on a logged write", (fieldValidation) => {
    const req = { verb: "patch", resource: "deployments", namespace: "default", name: "web", patch: { spec: { replica: 2 } }, fieldValidation };
    expect(ApiRequestSchema.parse(req)).toEqual(req);
  });

  it("refuses a level kube-apiserver does not know", () => {
    const req = { verb: "create", resource: "pods", namespace: "default", body: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" } }, fieldValidation: "Lenient" };
    expect(ApiRequestSchema.safeParse(req).success).toBe(false);
  });
});
