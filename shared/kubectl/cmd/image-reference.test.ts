import { describe, expect, it } from "vitest";
import { isValidImageReference } from "./image-reference.ts";

describe("isValidImageReference (distribution/reference ReferenceRegexp)", () => {
  it.each([
    "nginx",
    "nginx:1.27",
    "library/nginx:1.27-alpine",
    "registry.example.com:5000/team/api-server:v2",
    "localhost/app__x",
    "[::1]:5000/app",
    "ghcr.io/acme/web@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
    "nginx:Latest_1.x",
  ])("accepts %s", (image) => expect(isValidImageReference(image)).toBe(true));

  it.each(["NGINX", "nginx:", ":1.27", "nginx@sha256:abc", "team/-api", "nginx:.1", "a..b", "nginx latest", "/nginx"])("rejects %s", (image) =>
    expect(isValidImageReference(image)).toBe(false),
  );
});
