import { describe, expect, it } from "vitest";
import type { IncomingMessage } from "node:http";
import { pinClientAddress } from "./client-address.ts";

const req = (remoteAddress: string, headers: Record<string, string>) => ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;

describe("client address", () => {
  it("is the socket's address for a client elsewhere, whatever headers it sends", () => {
    const r = req("192.0.2.7", { "x-real-ip": "10.9.9.9", "x-forwarded-for": "10.1.1.1", "x-client-ip": "10.2.2.2" });
    pinClientAddress(r);
    expect(r.headers).toEqual({ "x-real-ip": "192.0.2.7" });
  });

  it("is the forwarded address when a proxy on this machine forwards it", () => {
    const r = req("::ffff:127.0.0.1", { "x-forwarded-for": "198.51.100.4, 10.0.0.1" });
    pinClientAddress(r);
    expect(r.headers["x-real-ip"]).toBe("198.51.100.4");
    const direct = req("127.0.0.1", {});
    pinClientAddress(direct);
    expect(direct.headers["x-real-ip"]).toBe("127.0.0.1");
  });
});
