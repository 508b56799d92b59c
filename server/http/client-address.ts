// Who is asking: the address the join and room-creation limits count by.
// Colyseus reads X-Real-IP / X-Forwarded-For / X-Client-IP as given, so a
// client could name any address and never be limited. Before anything else sees
// a request, its X-Real-IP becomes the socket's address — or, only when the
// connection comes from this machine (a reverse proxy beside the server), the
// first address the proxy forwarded.

import type { IncomingMessage, Server } from "node:http";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function pinClientAddress(req: IncomingMessage): void {
  const socket = req.socket.remoteAddress ?? "unknown";
  const header = (name: string) => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;
  };
  const forwarded = LOOPBACK.has(socket) ? (header("x-real-ip") ?? header("x-forwarded-for")) : undefined;
  delete req.headers["x-forwarded-for"];
  delete req.headers["x-client-ip"];
  req.headers["x-real-ip"] = forwarded ?? socket;
}

/**
 * The matchmaker takes JSON only (the SDK sends nothing else). Colyseus' router
 * would parse another Content-Type as a form and answer a 500 with a stack
 * trace when that fails; read as JSON, a bad body is a plain 400.
 */
export function matchmakeBodiesAsJson(req: IncomingMessage): void {
  if (req.method === "POST" && req.url?.startsWith("/matchmake/")) req.headers["content-type"] = "application/json";
}

/** Runs before anything else on every request and WebSocket upgrade of `server`. */
export function pinClientAddresses(server: Server): void {
  server.prependListener("request", (req: IncomingMessage) => {
    pinClientAddress(req);
    matchmakeBodiesAsJson(req);
  });
  server.prependListener("upgrade", pinClientAddress);
}
