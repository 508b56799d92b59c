// The sandbox: the scheduler places the Deployment's pods until they run, a
// node crashes from its card's button, and the speed control changes how fast
// simulated time passes.

import { expect, test } from "@playwright/test";
import { SCREENSHOTS, center, inspect, openMenu, rendererIsWebGL, waitForCluster } from "./helpers.ts";

test("sandbox: pods run, a node crashes, speed changes", async ({ page }) => {
  await openMenu(page);
  expect(await rendererIsWebGL(page)).toBe(true);

  // Tab reaches the menu's entries; Enter starts the focused one.
  await page.keyboard.press("Tab");
  await expect(page.locator("#menu-mirror button").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await waitForCluster(page);
  await expect(page.locator(".hud-title")).toHaveText("Sandbox");

  await expect
    .poll(async () => (await inspect(page)).bound.filter((p) => p.status === "Running" && p.ready).length, { timeout: 30_000, message: "six web pods Running" })
    .toBe(6);
  await page.screenshot({ path: `${SCREENSHOTS}/sandbox-running.png` });

  // Crash the node that holds pods, with the button on its card.
  const view = await inspect(page);
  const victim = view.nodes.find((n) => view.bound.some((p) => p.node === n.name))!;
  const button = center(victim.button);
  await page.mouse.click(button.x, button.y);
  await expect.poll(async () => (await inspect(page)).nodes.find((n) => n.name === victim.name)?.crashed).toBe(true);
  await expect(page.locator("#announcer")).toContainText(`${victim.name} crashed.`);

  // Speed: 20× makes simulated time run far faster than wall time.
  const clock = async () => page.evaluate(() => window.__podPilot!.room!.state.timeMs);
  await page.getByRole("button", { name: "20×" }).click();
  await expect.poll(() => page.evaluate(() => window.__podPilot!.room!.state.speed)).toBe(20);
  const before = await clock();
  await page.waitForTimeout(1_000);
  expect((await clock()) - before).toBeGreaterThan(5_000);

  // The node controller notices the silent kubelet (40 s grace) and marks it NotReady.
  await expect.poll(async () => (await inspect(page)).nodes.find((n) => n.name === victim.name)?.status, { timeout: 30_000 }).toMatch(/^NotReady/);
  // The events panel says why, newest first, with kubectl's reason and object.
  const events = page.locator("#events-panel");
  await expect(events.locator(".event-reason").filter({ hasText: /^NodeNotReady$/ }).first()).toBeVisible();
  await expect(events.locator(".event").filter({ hasText: `node/${victim.name}` }).filter({ hasText: "NodeNotReady" })).toContainText(`Node ${victim.name} status is now: NodeNotReady`);
  await expect(events.locator(".event.warning .event-icon").first()).toHaveAttribute("aria-label", "Warning");
  await page.screenshot({ path: `${SCREENSHOTS}/sandbox-crashed.png` });

  // Pause stops the clock.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect.poll(() => page.evaluate(() => window.__podPilot!.room!.state.speed)).toBe(0);
  const paused = await clock();
  await page.waitForTimeout(500);
  expect(await clock()).toBe(paused);

  // Restart brings the machine back.
  const restart = center((await inspect(page)).nodes.find((n) => n.name === victim.name)!.button);
  await page.mouse.click(restart.x, restart.y);
  await expect.poll(async () => (await inspect(page)).nodes.find((n) => n.name === victim.name)?.crashed).toBe(false);

  // The network drops: a banner says so while the SDK reconnects by itself
  // (which it only does for a room joined more than 5 s ago).
  await page.waitForFunction(() => Date.now() - (window.__podPilot!.room as unknown as { joinedAtTime: number }).joinedAtTime > 5_500);
  await page.context().setOffline(true);
  await expect(page.locator("#reconnecting")).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.locator("#reconnecting")).toBeHidden({ timeout: 20_000 });
  await page.getByRole("button", { name: "▶ 1×", exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.__podPilot!.room!.state.speed)).toBe(1);
});
