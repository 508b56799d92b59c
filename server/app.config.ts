// The server's definition, free of listen() so tests can boot it: the cluster
// room, the WebSocket transport and the HTTP routes (the built client and a
// small JSON API).

import { defineRoom, defineServer } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MAX_CONSOLE_BYTES, ROOM_NAME } from "../shared/protocol/messages.ts";
import { clusterRoomWith } from "./rooms/cluster-room.ts";
import type { RunStore } from "./persistence/run-store.ts";
import { loadCatalog } from "./scenarios.ts";

export const DIST_DIR = fileURLToPath(new URL("../dist/", import.meta.url));

export interface AppOptions {
  readonly runs?: RunStore;
  /** Serve the built client from dist/ (off in room tests). */
  readonly serveClient?: boolean;
}

export function createServer(opts: AppOptions = {}) {
  const catalog = loadCatalog();
  return defineServer({
    rooms: {
      [ROOM_NAME]: defineRoom(clusterRoomWith({ catalog, runs: opts.runs })),
    },
    // A manifest pasted into the YAML editor is larger than the 4 KB default frame.
    transport: new WebSocketTransport({ maxPayload: MAX_CONSOLE_BYTES + 4096 }),
    greet: false,
    express: (app) => {
      app.get("/api/scenarios", (_req, res) => {
        res.json(catalog.all().map((s) => ({ name: s.name, title: s.title, mode: s.mode, description: s.description })));
      });
      app.get("/api/runs/:id", (req, res) => {
        const run = opts.runs?.get(String(req.params.id));
        if (!run) res.status(404).json({ error: `run "${req.params.id}" not found` });
        else res.json(run.log);
      });
      if (opts.serveClient !== false && existsSync(DIST_DIR)) app.use(express.static(DIST_DIR, { index: "index.html", maxAge: "1h" }));
    },
  });
}
