// The rooms HTTP API (shared/protocol/rooms.ts): POST /api/rooms makes a room
// and answers its code, link and host token; GET /api/rooms/CODE says what
// anyone may know about it. Inputs are validated, errors are one line of JSON,
// and creating rooms is rate-limited per address.

import type { Application, NextFunction, Request, Response } from "express";
import express from "express";
import { CreateRoomRequest, JOIN_CODE, joinUrl, type ApiErrorBody, type CreateRoomResponse } from "../../shared/protocol/rooms.ts";
import type { ScenarioCatalog } from "../../shared/game/scenarios/catalog.ts";
import type { RoomDirectory } from "../rooms/directory.ts";
import { RateLimiter } from "../rooms/host/rate-limiter.ts";

/** Rooms one address may create: a burst of 10, then one every 6 s. */
const createLimiter = () => new RateLimiter(1 / 6, 10);

export function mountRoomsApi(app: Application, directory: RoomDirectory, catalog: ScenarioCatalog, now: () => number): void {
  const limiter = createLimiter();
  const fail = (res: Response, status: number, error: string) => res.status(status).json({ error } satisfies ApiErrorBody);

  app.post("/api/rooms", express.json({ limit: "4kb" }), async (req: Request, res: Response) => {
    if (!limiter.take(req.ip ?? "unknown", now())) return fail(res, 429, "too many rooms created from this address; try again in a few seconds");
    const parsed = CreateRoomRequest.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(res, 400, `invalid room request: ${issue?.path.length ? `${issue.path.join(".")}: ` : ""}${issue?.message ?? "bad input"}`);
    }
    if (!catalog.get(parsed.data.scenario)) return fail(res, 404, `unknown scenario "${parsed.data.scenario}"; known: ${catalog.names().join(", ")}`);
    const { code, hostToken } = await directory.create(parsed.data);
    res.status(201).json({ code, url: joinUrl(origin(req), code), hostToken } satisfies CreateRoomResponse);
  });

  app.get("/api/rooms/:code", (req: Request, res: Response) => {
    const code = String(req.params["code"] ?? "").toUpperCase();
    if (!JOIN_CODE.test(code)) return fail(res, 400, `"${code.slice(0, 16)}" is not a join code: 6 letters and digits, like K7QX3M`);
    const info = directory.info(code);
    if (!info) return fail(res, 404, `no room with code ${code}: it may have ended, or the code is mistyped`);
    res.json(info);
  });

  // Malformed JSON and oversized bodies end here: one line, never a stack trace.
  app.use("/api", (error: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    fail(res, status, status === 413 ? "request body too large" : status === 400 ? `invalid JSON: ${error.message.split("\n")[0]}` : "internal error");
  });
}

function origin(req: Request): string {
  return `${req.protocol}://${req.get("host") ?? "localhost"}`;
}
