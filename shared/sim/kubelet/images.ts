// Container images on a node as containerd sees them: reference normalisation
// ("nginx:1.27" → "docker.io/library/nginx:1.27"), digests, sizes, which pulls
// fail (rules from the stage tables), and each node's image store with its
// serial puller (the kubelet's serializeImagePulls: one pull at a time).

import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { ImageTable, PullFailureRule } from "./stages/schema.ts";

const DEFAULT_DOMAIN = "docker.io";
const OFFICIAL_REPO_PREFIX = "library/";
const DEFAULT_TAG = "latest";

export interface ImageReference {
  /** Fully qualified repository: docker.io/library/nginx. */
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
  /** What containerd reports as the container's image: docker.io/library/nginx:1.27. */
  readonly normalized: string;
}

// Every pod sync asks about its image; a cluster uses few distinct ones.
const parsed = new Map<string, ImageReference>();
const digests = new Map<string, string>();

/** docker/distribution's ParseNormalizedNamed, enough for the references players write. */
export function parseImageReference(ref: string): ImageReference {
  let r = parsed.get(ref);
  if (r === undefined) parsed.set(ref, (r = parse(ref)));
  return r;
}

function parse(ref: string): ImageReference {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf("/");
  const first = slash < 0 ? "" : rest.slice(0, slash);
  const hasDomain = first.includes(".") || first.includes(":") || first === "localhost";
  let name: string;
  if (hasDomain) name = rest;
  else name = `${DEFAULT_DOMAIN}/${slash < 0 ? OFFICIAL_REPO_PREFIX : ""}${rest}`;
  if (tag === undefined && digest === undefined) tag = DEFAULT_TAG;
  const normalized = digest !== undefined ? `${name}@${digest}` : `${name}:${tag}`;
  return { name, tag, digest, normalized };
}

/** sha256 hex of the image's content; stands in for the registry's digest, the same on every node. */
export function imageDigest(ref: ImageReference): string {
  if (ref.digest?.startsWith("sha256:")) return ref.digest.slice("sha256:".length);
  let d = digests.get(ref.normalized);
  if (d === undefined) digests.set(ref.normalized, (d = bytesToHex(sha256(utf8ToBytes(ref.normalized)))));
  return d;
}

/** The container status imageID: docker.io/library/nginx@sha256:<hex>. */
export function imageID(ref: ImageReference): string {
  return `${ref.name}@sha256:${imageDigest(ref)}`;
}

/** Compressed size as containerd reports it: from the table, else a stable figure derived from the digest. */
export function imageSizeBytes(table: ImageTable, ref: ImageReference): number {
  const known = table.sizes.find((s) => s.repository === ref.name);
  if (known) return known.sizeBytes;
  const { minBytes, maxBytes } = table.unknownSize;
  const n = Number.parseInt(imageDigest(ref).slice(0, 8), 16);
  return minBytes + (n % (maxBytes - minBytes + 1));
}

/** The rule that makes pulling `image` (as written in the spec) fail, if any. */
export function pullFailureFor(table: ImageTable, image: string): PullFailureRule | undefined {
  const ref = parseImageReference(image);
  return table.pullFailures.find((r) => (r.match.tag === undefined || r.match.tag === ref.tag) && (r.match.imagePrefix === undefined || image.startsWith(r.match.imagePrefix)));
}

/** The runtime's error for a failing pull: what the Failed event and ErrImagePull's message carry. */
export function pullErrorMessage(rule: PullFailureRule, image: string): string {
  const ref = parseImageReference(image).normalized;
  return `rpc error: code = ${rule.error.code} desc = ${rule.error.message.replaceAll("{ref}", ref)}`;
}

/** node.status.images entry. */
export interface ContainerImage {
  names: string[];
  sizeBytes: number;
}

/** The kubelet reports at most this many images (nodeStatusMaxImages). */
export const NODE_STATUS_MAX_IMAGES = 50;

/**
 * One machine's images. Pulls are serialised (serializeImagePulls defaults to
 * true): a pull that starts while another runs waits for it, which is the
 * "including waiting" part of the Pulled message. The store is on disk, so it
 * outlives a crash; pulls in flight do not.
 */
export class ImageStore {
  readonly #table: ImageTable;
  readonly #present = new Set<string>();
  /** Pulls in flight that will leave the image present, by normalized ref → finish time. */
  readonly #inFlight = new Map<string, number>();
  #pullerFreeAt = 0;

  constructor(table: ImageTable) {
    this.#table = table;
    for (const image of table.preloaded) this.#present.add(parseImageReference(image).normalized);
  }

  has(image: string, now: number): boolean {
    const ref = parseImageReference(image).normalized;
    this.#settle(now);
    return this.#present.has(ref);
  }

  /** Present, or being pulled by another pod: pulling it again only checks the manifest. */
  cached(image: string, now: number): boolean {
    return this.has(image, now) || this.#inFlight.has(parseImageReference(image).normalized);
  }

  /**
   * Queues a pull lasting `pullMs` behind those already running; returns how long
   * the caller waits in all. `stores` marks a pull that will leave the image present.
   */
  schedulePull(image: string, pullMs: number, now: number, stores: boolean): number {
    const start = Math.max(now, this.#pullerFreeAt);
    this.#pullerFreeAt = start + pullMs;
    if (stores) {
      const ref = parseImageReference(image).normalized;
      this.#inFlight.set(ref, Math.max(this.#inFlight.get(ref) ?? 0, this.#pullerFreeAt));
    }
    return this.#pullerFreeAt - now;
  }

  add(image: string): void {
    const ref = parseImageReference(image).normalized;
    this.#present.add(ref);
  }

  /** The machine stopped: pulls still running are lost, finished ones stay. */
  crash(now: number): void {
    this.#settle(now);
    this.#inFlight.clear();
    this.#pullerFreeAt = now;
  }

  /** node.status.images: largest first, at most 50 (as the kubelet's image setter). */
  statusImages(now: number): ContainerImage[] {
    this.#settle(now);
    const images = [...this.#present].sort().map((normalized) => {
      const ref = parseImageReference(normalized);
      const names = ref.digest !== undefined ? [imageID(ref)] : [imageID(ref), ref.normalized];
      return { names, sizeBytes: imageSizeBytes(this.#table, ref) };
    });
    images.sort((a, b) => b.sizeBytes - a.sizeBytes);
    return images.slice(0, NODE_STATUS_MAX_IMAGES);
  }

  // A pull whose pod went away still finishes in containerd.
  #settle(now: number): void {
    for (const [ref, doneAt] of this.#inFlight) {
      if (doneAt > now) continue;
      this.#present.add(ref);
      this.#inFlight.delete(ref);
    }
  }
}
