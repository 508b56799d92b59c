// A real server for room tests, on its own port: @colyseus/testing's boot()
// always listens on 2568, so parallel Vitest files would collide. Rooms are made
// the way the game makes them (the directory behind POST /api/rooms).

import type { Room } from "@colyseus/core";
import { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll } from "vitest";
import { createServer } from "../app.config.ts";
import { RunStore } from "../persistence/run-store.ts";
import type { ScenarioCatalog } from "../../shared/game/scenarios/catalog.ts";
import type { ClusterRoom } from "./cluster-room.ts";

export interface TestServer {
  readonly colyseus: ColyseusTestServer;
  readonly runs: RunStore;
  readonly port: number;
  /** Lines the server logged (caught bad input, refused restores). */
  readonly logged: string[];
  /** A room as POST /api/rooms makes it, with its host token. */
  createRoom(scenario: string, seed?: number): Promise<{ room: ClusterRoom & Room; hostToken: string }>;
}

/** Boots the server from app.config before the file's tests and shuts it down after. */
export function useTestServer(portBase: number, options: { catalog?: ScenarioCatalog; replicas?: boolean } = {}): TestServer {
  const port = portBase + Number(process.env.VITEST_POOL_ID ?? 1);
  const runs = new RunStore(":memory:");
  const logged: string[] = [];
  const server = createServer({ runs, serveClient: false, log: (line) => logged.push(line), ...options });
  const ctx = {
    runs,
    port,
    logged,
    async createRoom(scenario: string, seed?: number) {
      const { code, hostToken } = await server.directory.create({ scenario, ...(seed !== undefined ? { seed } : {}) });
      return { room: ctx.colyseus.getRoomById(code) as unknown as ClusterRoom & Room, hostToken };
    },
  } as TestServer & { colyseus: ColyseusTestServer };
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
