import { describe, expect, it } from "vitest";
import { ImageStore, imageID, imageSizeBytes, parseImageReference, pullErrorMessage, pullFailureFor } from "./images.ts";
import { IMAGE_TABLE } from "./stages/images.ts";

describe("parseImageReference (containerd's normalisation)", () => {
  it.each([
    ["nginx", "docker.io/library/nginx", "docker.io/library/nginx:latest"],
    ["nginx:1.27", "docker.io/library/nginx", "docker.io/library/nginx:1.27"],
    ["bitnami/redis:7.2", "docker.io/bitnami/redis", "docker.io/bitnami/redis:7.2"],
    ["registry.k8s.io/pause:3.10.1", "registry.k8s.io/pause", "registry.k8s.io/pause:3.10.1"],
    ["localhost:5000/app", "localhost:5000/app", "localhost:5000/app:latest"],
    ["localhost/app:v1", "localhost/app", "localhost/app:v1"],
    ["nginx@sha256:abc", "docker.io/library/nginx", "docker.io/library/nginx@sha256:abc"],
  ])("%s → %s", (ref, name, normalized) => {
    const r = parseImageReference(ref);
    expect(r.name).toBe(name);
    expect(r.normalized).toBe(normalized);
  });

  it("gives every node the same digest for an image", () => {
    const a = imageID(parseImageReference("nginx:1.27"));
    expect(a).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(imageID(parseImageReference("docker.io/library/nginx:1.27"))).toBe(a);
    expect(imageID(parseImageReference("nginx:1.26"))).not.toBe(a);
  });
});

describe("image table lookups", () => {
  it("knows common sizes and derives a stable one for the rest", () => {
    expect(imageSizeBytes(IMAGE_TABLE, parseImageReference("nginx:1.27"))).toBe(72_195_292);
    const size = imageSizeBytes(IMAGE_TABLE, parseImageReference("example.com/team/app:3"));
    expect(size).toBeGreaterThanOrEqual(IMAGE_TABLE.unknownSize.minBytes);
    expect(size).toBeLessThanOrEqual(IMAGE_TABLE.unknownSize.maxBytes);
    expect(imageSizeBytes(IMAGE_TABLE, parseImageReference("example.com/team/app:3"))).toBe(size);
  });

  it("fails pulls of a `doesnotexist` tag and of `invalid/` repositories only", () => {
    expect(pullFailureFor(IMAGE_TABLE, "nginx:doesnotexist")?.name).toBe("tag-not-found");
    expect(pullFailureFor(IMAGE_TABLE, "invalid/app")?.name).toBe("repository-not-found");
    expect(pullFailureFor(IMAGE_TABLE, "nginx:1.27")).toBeUndefined();
    expect(pullFailureFor(IMAGE_TABLE, "team/invalid/app")).toBeUndefined();
    expect(pullErrorMessage(pullFailureFor(IMAGE_TABLE, "redis:doesnotexist")!, "redis:doesnotexist")).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/redis:doesnotexist": failed to resolve reference "docker.io/library/redis:doesnotexist": docker.io/library/redis:doesnotexist: not found',
    );
  });
});

describe("ImageStore", () => {
  it("serialises pulls: a pull waits for the ones before it", () => {
    const store = new ImageStore(IMAGE_TABLE);
    expect(store.schedulePull("nginx:1.27", 2_000, 0, true)).toBe(2_000);
    expect(store.cached("nginx:1.27", 0)).toBe(true);
    expect(store.has("nginx:1.27", 0)).toBe(false);
    expect(store.schedulePull("redis:7", 1_000, 500, true)).toBe(2_500);
    expect(store.has("nginx:1.27", 2_000)).toBe(true);
  });

  it("loses pulls in flight when the machine crashes, keeps what is on disk", () => {
    const store = new ImageStore(IMAGE_TABLE);
    store.schedulePull("nginx:1.27", 1_000, 0, true);
    store.schedulePull("redis:7", 1_000, 0, true);
    store.crash(1_500);
    expect(store.has("nginx:1.27", 5_000)).toBe(true);
    expect(store.cached("redis:7", 5_000)).toBe(false);
    expect(store.schedulePull("redis:7", 1_000, 1_500, true)).toBe(1_000);
  });

  it("reports images largest first, preloaded ones included", () => {
    const store = new ImageStore(IMAGE_TABLE);
    store.add("nginx:1.27");
    expect(store.statusImages(0).map((i) => [i.names[1], i.sizeBytes])).toEqual([
      ["docker.io/library/nginx:1.27", 72_195_292],
      ["registry.k8s.io/kube-proxy:v1.34.10", 31_160_148],
      ["registry.k8s.io/pause:3.10.1", 320_448],
    ]);
  });
});
