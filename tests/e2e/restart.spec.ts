// The server dies (SIGKILL) under two players and starts again: each browser
// says so above everything, finds the room again under the same code by
// itself, and sits in the same seat with the same name and role.

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { acceptDialogs, openMenu, playerRow, rememberName, roomCode, submitJoinForm, waitForCluster } from "./helpers.ts";

/** A server of this spec's own, next to the one the config starts, so it can be killed. */
const PORT = Number(process.env.PORT ?? 2599) + 1;
const BASE = `http://localhost:${PORT}`;
const SHOTS = process.env.MP_SCREENSHOTS ?? "/tmp";

function startServer(db: string): ChildProcess {
  return spawn("node_modules/.bin/node", ["server/index.ts"], { env: { ...process.env, PORT: String(PORT), POD_PILOT_DB: db }, stdio: "ignore" });
}

async function serving(): Promise<void> {
  await expect.poll(async () => (await fetch(`${BASE}/api/rooms/AAAAAA`).catch(() => undefined))?.status ?? 0, { timeout: 30_000 }).toBe(404);
}

test("a server killed and restarted: every player is back in the same seat by themselves", async ({ browser }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), "pod-pilot-restart-"));
  const db = join(dir, "runs.db");
  let server = startServer(db);
  try {
    await serving();
    const alice = await (await browser.newContext({ baseURL: BASE })).newPage();
    const bob = await (await browser.newContext({ baseURL: BASE })).newPage();
    acceptDialogs(alice);
    acceptDialogs(bob);
    await rememberName(alice, "alice");
    await openMenu(alice);
    await alice.keyboard.press("1");
    await waitForCluster(alice);
    const code = await roomCode(alice);
    await bob.goto(`/?join=${code}`);
    await submitJoinForm(bob, "bob");
    await waitForCluster(bob);
    await expect(playerRow(alice, "bob")).toBeVisible();

    server.kill("SIGKILL");
    await expect(alice.locator("#reconnecting")).toBeVisible();
    await expect(bob.locator("#reconnecting")).toBeVisible();
    await bob.screenshot({ path: `${SHOTS}/mp-server-down.png` });

    server = startServer(db);
    await serving();
    // Back by themselves within 5 s of the server answering again.
    for (const page of [alice, bob]) {
      await expect(page.locator("#reconnecting")).toBeHidden({ timeout: 5_000 });
      await expect(page.locator(".hud-code")).toHaveText(code);
    }
    await expect(playerRow(alice, "alice")).toContainText("alice (you)Host");
    await expect(playerRow(bob, "bob")).toContainText("bob (you)");
    await expect(playerRow(alice, "bob").locator(".player-dot")).not.toHaveClass(/away/);
    await expect(alice.getByRole("button", { name: "20×" })).toBeEnabled();
  } finally {
    server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});
