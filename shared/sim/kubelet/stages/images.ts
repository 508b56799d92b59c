// What the registries and the node's disk hold: preloaded images, compressed
// sizes (approximate linux/amd64 figures, for "Image size: N bytes." and
// node.status.images) and the references that cannot be pulled, with the
// error containerd 2.x returns for each.

import { loadImageTable } from "./schema.ts";

export const IMAGE_TABLE = loadImageTable("shared/sim/kubelet/stages/images.ts", {
  preloaded: ["registry.k8s.io/pause:3.10.1", "registry.k8s.io/kube-proxy:v1.34.10"],
  sizes: [
    { repository: "registry.k8s.io/pause", sizeBytes: 320_448 },
    { repository: "registry.k8s.io/kube-proxy", sizeBytes: 31_160_148 },
    { repository: "docker.io/library/nginx", sizeBytes: 72_195_292 },
    { repository: "docker.io/library/httpd", sizeBytes: 58_102_387 },
    { repository: "docker.io/library/redis", sizeBytes: 49_406_915 },
    { repository: "docker.io/library/postgres", sizeBytes: 158_321_940 },
    { repository: "docker.io/library/busybox", sizeBytes: 2_166_802 },
    { repository: "docker.io/library/alpine", sizeBytes: 3_653_068 },
  ],
  unknownSize: { minBytes: 5_000_000, maxBytes: 150_000_000 },
  pullFailures: [
    {
      // The usual typo: a tag the repository does not have.
      name: "tag-not-found",
      match: { tag: "doesnotexist" },
      error: { code: "NotFound", message: 'failed to pull and unpack image "{ref}": failed to resolve reference "{ref}": {ref}: not found' },
    },
    {
      // Docker Hub answers an unknown repository like a private one.
      name: "repository-not-found",
      match: { imagePrefix: "invalid/" },
      error: {
        code: "Unknown",
        message:
          'failed to pull and unpack image "{ref}": failed to resolve reference "{ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
      },
    },
  ],
});
