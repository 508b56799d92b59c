// The server's definition, free of listen() so tests can boot it: the cluster
// room, the WebSocket transport, the HTTP routes (the rooms API, runs and the
// built client) and the pool of worker threads the rooms' read replicas run in.

import { defineRoom, defineServer, matchMaker, ServerError } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { MAX_MESSAGE_BYTES, ROOM_NAME } from "../shared/protocol/messages.ts";
import type { Server as HttpServer } from "node:http";
import { pinClientAddresses } from "./http/client-address.ts";
import { mountRoomsApi } from "./http/rooms-api.ts";
import { serveClient } from "./http/static.ts";
import { oneLineLogger } from "./log/one-line-logger.ts";
import type { ScenarioCatalog } from "../shared/game/scenarios/catalog.ts";
import type { RunStore } from "./persistence/run-store.ts";
import { clusterRoomWith } from "./rooms/cluster-room.ts";
import { RoomDirectory } from "./rooms/directory.ts";
import { RateLimiter } from "./rooms/host/rate-limiter.ts";
import { ReplicaPool } from "./rooms/replica/replica-pool.ts";
import { loadCatalog } from "./scenarios.ts";

export const DIST_DIR = fileURLToPath(new URL("../dist/", import.meta.url));

export interface AppOptions {
  readonly runs?: RunStore;
  /** Serve the built client from dist/ (off in room tests). */
  readonly serveClient?: boolean;
  /** Where caught bad input is reported, one line each (default: console.warn). */
  readonly log?: (line: string) => void;
  /** Scenarios rooms may be made from (default: assets/scenarios/); tests pass generated ones. */
  readonly catalog?: ScenarioCatalog;
  /** Run console reads on read replicas in worker threads (default); false runs every line on the event loop. */
  readonly replicas?: boolean;
}

/** Browser origins allowed to call the server from elsewhere: the Vite dev server only. */
const DEV_ORIGINS = new Set((process.env.POD_PILOT_CORS_ORIGINS ?? "http://localhost:5173,http://127.0.0.1:5173").split(",").filter(Boolean));

/** Colyseus' own dispatcher, kept once: createServer wraps it (and may run more than once in a process). */
const invokeMethod = matchMaker.controller.invokeMethod;

/** Joins one address may make: a room of 30 behind one NAT joins at once, a script does not. */
const joinLimiter = () => new RateLimiter(2, 60);

export function createServer(opts: AppOptions = {}) {
  const catalog = opts.catalog ?? loadCatalog();
  const log = opts.log ?? ((line: string) => console.warn(line));
  const directory = new RoomDirectory(opts.runs, log);
  const joins = joinLimiter();
  const replicas = opts.replicas === false ? undefined : new ReplicaPool(log);
  let shuttingDown = false;

  // Rooms are made by POST /api/rooms and entered by code: the matchmaker's
  // create/join/joinOrCreate would let a stranger into (or make) any room.
  matchMaker.controller.exposedMethods = ["joinById", "reconnect"];
  // Colyseus answers any other method with HTTP 520, a server error for a client's mistake.
  matchMaker.controller.invokeMethod = (method, ...rest) =>
    matchMaker.controller.exposedMethods.includes(method) ? invokeMethod.call(matchMaker.controller, method, ...rest) : Promise.reject(new ServerError(404, `no matchmaking method "${method.slice(0, 32)}": join a room by its code`));
  // Colyseus echoes any Origin (with credentials) by default; allow only the dev server.
  delete (matchMaker.controller.DEFAULT_CORS_HEADERS as Record<string, string>)["Access-Control-Allow-Origin"];
  matchMaker.controller.getCorsHeaders = (headers: Headers): Record<string, string> => {
    const origin = headers.get("origin");
    return origin && DEV_ORIGINS.has(origin) ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : {};
  };

  const server = defineServer({
    rooms: {
      [ROOM_NAME]: defineRoom(
        clusterRoomWith({
          catalog,
          runs: opts.runs,
          log,
          shuttingDown: () => shuttingDown,
          replicas,
          createKey: directory.createKey,
          registry: directory.rooms,
          admitAddress: (ip) => joins.take(ip ?? "unknown", performance.now()),
        }),
      ),
    },
    // The protocol's frame limit: the browser refuses larger messages before sending.
    transport: new WebSocketTransport({ maxPayload: MAX_MESSAGE_BYTES }),
    greet: false,
    // Caught bad input costs one line of log, never a stack trace.
    logger: oneLineLogger(log),
    express: (app) => {
      app.set("trust proxy", "loopback");
      mountRoomsApi(app, directory, catalog, () => performance.now());
      app.get("/api/scenarios", (_req, res) => {
        res.json(catalog.all().map((s) => ({ name: s.name, title: s.title, mode: s.mode, description: s.description })));
      });
      app.get("/api/runs/:id", (req, res) => {
        const run = opts.runs?.get(String(req.params.id));
        if (!run) res.status(404).json({ error: `run "${String(req.params.id).slice(0, 64)}" not found` });
        else res.json(run.log);
      });
      // Any other API path: a one-line JSON 404, like every other API error (not Express' HTML page).
      app.use("/api", (req, res) => {
        res.status(404).json({ error: `no API route ${req.method} ${req.originalUrl.slice(0, 80)}` });
      });
      if (opts.serveClient !== false && existsSync(DIST_DIR)) serveClient(app, DIST_DIR);
    },
  });
  server.onShutdown(async () => {
    await replicas?.close();
  });
  const listen = server.listen.bind(server);
  return Object.assign(server, {
    directory,
    async listen(...args: Parameters<typeof listen>) {
      await listen(...args);
      if (server.transport.server) pinClientAddresses(server.transport.server as HttpServer);
    },
    /** Marks the shutdown as planned: rooms stay live on disk and come back on restart. */
    beginShutdown: () => {
      shuttingDown = true;
    },
  });
}
