import { describe, expect, it } from "vitest";
import { getRoom, httpBase, postRoom } from "./rooms-api.ts";

const answer = (status: number, body: unknown) => async () => new Response(body === undefined ? "" : JSON.stringify(body), { status, statusText: status === 404 ? "Not Found" : "" });

describe("rooms API", () => {
  it("creates a room", async () => {
    const made = { code: "ABC234", url: "http://h/?join=ABC234", hostToken: "t" };
    expect(await postRoom("http://h", { scenario: "sandbox" }, answer(201, made))).toEqual({ ok: true, value: made });
  });

  it.each([
    ["the server's own error", answer(400, { error: "scenario must be a scenario name such as \"sandbox\"" }), "scenario must be a scenario name such as \"sandbox\""],
    ["a status without a body", answer(404, undefined), "The game server answered 404 Not Found"],
    ["no server", async () => Promise.reject(new TypeError("Failed to fetch")), "Could not reach the game server. Check the network and try again."],
  ])("says why it failed: %s", async (_name, fetcher, message) => {
    expect(await getRoom("http://h", "ABC234", fetcher as typeof fetch)).toEqual({ ok: false, message });
  });

  it("finds the HTTP origin of a ws endpoint", () => {
    expect(httpBase("ws://localhost:2567")).toBe("http://localhost:2567");
    expect(httpBase("wss://pods.example/")).toBe("https://pods.example");
    expect(httpBase("http://localhost:2599")).toBe("http://localhost:2599");
  });
});
