import { describe, expect, it } from "vitest";
import { isLocalOnly } from "./invite-dialog.ts";

describe("isLocalOnly", () => {
  it.each([
    ["http://localhost:2567/?join=ABC234", true],
    ["http://127.0.0.1:2567/?join=ABC234", true],
    ["http://[::1]:2567/?join=ABC234", true],
    ["http://192.168.1.20:2567/?join=ABC234", false],
    ["https://pods.example/?join=ABC234", false],
  ])("%s", (link, local) => expect(isLocalOnly(link)).toBe(local));
});
