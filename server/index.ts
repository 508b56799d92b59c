// Starts Pod Pilot: one port for the game page, its API and the game rooms.
// Rooms that were live when the server last stopped (even by kill -9) come
// back first, under their codes; then every address a participant can use
// is printed.

import { createServer as createNetServer } from "node:net";
import { networkInterfaces } from "node:os";
import { createServer } from "./app.config.ts";
import { RunStore } from "./persistence/run-store.ts";

const port = Number(process.env.PORT ?? 2567);

/** Fails fast with a clear message when the port is taken (the transport would only log it). */
async function ensurePortFree(p: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(p, () => probe.close(() => resolve()));
  }).catch((error: NodeJS.ErrnoException) => {
    console.error(error.code === "EADDRINUSE" ? `Port ${p} is in use: is Pod Pilot already running? Set PORT to use another.` : `Cannot listen on port ${p}: ${error.message}`);
    process.exit(1);
  });
}

/** Every non-internal IPv4 address: what a trainer reads out to the room. */
function addresses(p: number): string[] {
  const urls = [`http://localhost:${p}/`];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) urls.push(`http://${a.address}:${p}/`);
  }
  return urls;
}

await ensurePortFree(port);
const runs = new RunStore(process.env.POD_PILOT_DB ?? "data/pod-pilot.db");
const server = createServer({ runs });
await server.listen(port);
const restored = await server.directory.restoreAll();
console.log(`Pod Pilot is running${restored ? ` (${restored} room${restored === 1 ? "" : "s"} restored)` : ""}. Open it at:`);
for (const url of addresses(port)) console.log(`  ${url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    // A planned stop keeps rooms live on disk: they come back on the next start.
    server.beginShutdown();
    void server.gracefullyShutdown(false).finally(() => {
      runs.close();
      process.exit(0);
    });
  });
}
