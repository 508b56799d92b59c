// The built client, served compressed: each text asset is compressed once
// (brotli, else gzip) on first request and kept in memory, so thirty laptops
// loading Phaser at once cost one compression, not thirty.

import type { Application, NextFunction, Request, Response } from "express";
import express from "express";
import { readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = new Set([".html", ".js", ".css", ".svg", ".json", ".txt", ".map"]);
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
};

interface Compressed {
  readonly mtimeMs: number;
  readonly br: Buffer;
  readonly gzip: Buffer;
}

export function serveClient(app: Application, dir: string): void {
  const cache = new Map<string, Compressed>();
  const root = normalize(dir);

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const path = req.path === "/" ? "/index.html" : req.path;
    const ext = extname(path);
    if (!COMPRESSIBLE.has(ext)) return next();
    const file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return next();
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return next();
    }
    if (!stat.isFile()) return next();
    const accept = String(req.headers["accept-encoding"] ?? "");
    const encoding = /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : undefined;
    if (!encoding) return next();
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== stat.mtimeMs) {
      const raw = readFileSync(file);
      entry = { mtimeMs: stat.mtimeMs, br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }), gzip: gzipSync(raw, { level: 9 }) };
      cache.set(file, entry);
    }
    const body = encoding === "br" ? entry.br : entry.gzip;
    res.setHeader("Content-Type", TYPES[ext] ?? "application/octet-stream");
    res.setHeader("Content-Encoding", encoding);
    res.setHeader("Vary", "Accept-Encoding");
    // Vite names assets by content hash; the page itself must be re-read.
    res.setHeader("Cache-Control", ext === ".html" ? "no-cache" : "public, max-age=31536000, immutable");
    res.setHeader("Content-Length", String(body.length));
    res.end(req.method === "HEAD" ? undefined : body);
  });
  app.use(express.static(dir, { index: "index.html", maxAge: "1h" }));
}
