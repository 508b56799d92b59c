// Starts Pod Pilot: one port for the game page, its API and the game rooms.

import { createServer } from "./app.config.ts";
import { RunStore } from "./persistence/run-store.ts";

const port = Number(process.env.PORT ?? 2567);
const runs = new RunStore(process.env.POD_PILOT_DB ?? "data/pod-pilot.db");
const server = createServer({ runs });
await server.listen(port);
console.log(`Pod Pilot is running: open http://localhost:${port}/`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.gracefullyShutdown(false).finally(() => {
      runs.close();
      process.exit(0);
    });
  });
}
