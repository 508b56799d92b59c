// Level 1, played the way a person plays it: the menu by keyboard, pods
// dragged with the mouse, one refused drop, one bind by keyboard alone, the
// console, and the speed control until the level is won.

import { expect, test } from "@playwright/test";
import { SCREENSHOTS, dragPodToNode, expectBound, inspect, openMenu, rendererIsWebGL, waitForCluster } from "./helpers.ts";

test("level 1: place every pod by hand and win", async ({ page }) => {
  const menuAtMs = await openMenu(page);
  expect(menuAtMs, "menu visible within 2 s of navigation").toBeLessThan(2_000);
  expect(await rendererIsWebGL(page), "Phaser renders with WebGL, not a Canvas fall-back").toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/menu.png` });

  // Keyboard: second entry, Enter.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const start = await waitForCluster(page);
  expect(start.pending.map((p) => p.key).sort()).toEqual(
    ["default/api", "default/batch", "default/cache", "default/trainer", "default/web-1", "default/web-2"],
  );
  await expect(page.locator("#hud")).toBeVisible();
  await expect(page.locator(".hud-title")).toHaveText("Level 1: You are the scheduler");

  // A drop that fits: batch (1250m) on an empty 2-CPU node.
  await dragPodToNode(page, "default/batch", "node-1");
  await expectBound(page, "default/batch", "node-1");

  // A drop that does not: api (1 CPU) where only 750m is left. The toast and
  // the live region give the scheduler's reason verbatim.
  await dragPodToNode(page, "default/api", "node-1");
  await expect.poll(async () => (await inspect(page)).toast).toContain("Insufficient cpu");
  await expect(page.locator("#announcer-alert")).toContainText("Insufficient cpu");
  await expect(page.getByTestId("refused")).toHaveText("1");
  expect((await inspect(page)).pending.map((p) => p.key)).toContain("default/api");
  await page.screenshot({ path: `${SCREENSHOTS}/cluster.png` });

  // Keyboard alone: walk the queue to "api", pick node-2 by its number, Enter.
  const nodeNumber = (await inspect(page)).nodes.findIndex((n) => n.name === "node-2") + 1;
  for (let i = 0; i < 10 && (await inspect(page)).selection.pod !== "default/api"; i++) await page.keyboard.press("ArrowDown");
  expect((await inspect(page)).selection.pod).toBe("default/api");
  await page.keyboard.press(String(nodeNumber));
  expect((await inspect(page)).selection.node).toBe("node-2");
  await page.keyboard.press("Enter");
  await expectBound(page, "default/api", "node-2");
  await expect(page.locator("#announcer")).toContainText("Bound api to node-2.");

  for (const [pod, node] of [["default/cache", "node-1"], ["default/web-1", "node-2"], ["default/web-2", "node-2"], ["default/trainer", "node-3"]] as const) {
    await dragPodToNode(page, pod, node);
    await expectBound(page, pod, node);
  }
  expect((await inspect(page)).pending).toHaveLength(0);
  await expect(page.getByTestId("placed")).toHaveText("6 / 6");

  // The console: backtick opens it and its field gets every key.
  await page.keyboard.press("`");
  const line = page.locator("#console-input");
  await expect(line).toBeFocused();
  await line.fill("kubectl get pods");
  await line.press("Enter");
  const output = page.locator(".console-output");
  await expect(output).toContainText(/NAME\s+READY\s+STATUS/);
  await expect(output).toContainText("trainer");
  await page.screenshot({ path: `${SCREENSHOTS}/console.png` });
  await line.press("`");
  await expect(page.locator("#console")).toBeHidden();

  // Fast-forward until every pod runs and the level is won.
  await page.getByRole("button", { name: "20×" }).click();
  await expect(page.getByRole("button", { name: "20×" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".level-banner.won")).toContainText("Level complete!", { timeout: 30_000 });
  await expect(page.locator(".stars")).toHaveAttribute("aria-label", /[123] of 3 stars/);
  await page.screenshot({ path: `${SCREENSHOTS}/level1-won.png` });

  // Back to the menu, after saying yes to leaving the room.
  const asked = page.waitForEvent("dialog").then(async (dialog) => {
    const question = dialog.message();
    await dialog.accept();
    return question;
  });
  await page.getByRole("button", { name: "Back to menu" }).click();
  expect(await asked).toMatch(/^Leave room [A-Z2-9]{6}\?/);
  await page.waitForFunction(() => window.__podPilot?.game.scene.isActive("menu") === true);
  await expect(page.locator("#hud")).toBeHidden();
  await expect(page).not.toHaveURL(/join=/);
});
