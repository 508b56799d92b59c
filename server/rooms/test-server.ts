// A real server for room tests, on its own port: @colyseus/testing's boot()
// always listens on 2568, so parallel Vitest files would collide.

import { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll } from "vitest";
import { createServer } from "../app.config.ts";
import { RunStore } from "../persistence/run-store.ts";

export interface TestServer {
  readonly colyseus: ColyseusTestServer;
  readonly runs: RunStore;
}

/** Boots the server from app.config before the file's tests and shuts it down after. */
export function useTestServer(portBase: number): TestServer {
  const port = portBase + Number(process.env.VITEST_POOL_ID ?? 1);
  const runs = new RunStore(":memory:");
  const server = createServer({ runs, serveClient: false });
  const ctx = { runs } as { colyseus: ColyseusTestServer; runs: RunStore };
  beforeAll(async () => {
    await server.listen(port);
    ctx.colyseus = new ColyseusTestServer(server);
  });
  afterAll(async () => {
    await ctx.colyseus.shutdown();
    runs.close();
  });
  return ctx;
}
