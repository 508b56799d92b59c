import { describe, expect, it } from "vitest";
import { bannerText } from "./connection-banner.ts";

describe("bannerText", () => {
  it.each([
    [{ kind: "connected" } as const, undefined],
    [{ kind: "reconnecting" } as const, "⟳ Connection lost — reconnecting…"],
    [{ kind: "rejoining", attempt: 1 } as const, "⟳ Rejoining room ABC234…"],
    [{ kind: "rejoining", attempt: 4 } as const, "⟳ Rejoining room ABC234… (try 4)"],
    [{ kind: "lost", message: "the room no longer exists" } as const, "✕ Could not get back into room ABC234: the room no longer exists"],
    [{ kind: "removed", message: "The host removed you from this room." } as const, "✕ The host removed you from this room."],
  ])("%o", (status, text) => expect(bannerText(status, "ABC234")).toBe(text));
});
