// Shared steps for the end-to-end specs: open the game, read where things are
// on the canvas (window.__podPilot.inspect), and drag with real mouse moves.

import { expect, type Page } from "@playwright/test";
import type { ClusterInspection, PageRect } from "../../client/game/services.ts";

export const SCREENSHOTS = "test-results/screenshots";

/** Opens the page and waits for the menu scene; returns ms from navigation start to the menu. */
export async function openMenu(page: Page): Promise<number> {
  await page.goto("/");
  await page.waitForFunction(() => window.__podPilot?.game.scene.isActive("menu") === true, undefined, { polling: "raf" });
  return page.evaluate(() => performance.now());
}

export async function rendererIsWebGL(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const hook = window.__podPilot!;
    return hook.game.renderer.type === hook.WEBGL;
  });
}

export async function inspect(page: Page): Promise<ClusterInspection> {
  return page.evaluate(() => {
    const inspect = window.__podPilot?.inspect;
    if (!inspect) throw new Error("not on the cluster screen");
    return inspect();
  });
}

/** Waits until the cluster screen has joined a room and drawn nodes. */
export async function waitForCluster(page: Page): Promise<ClusterInspection> {
  await page.waitForFunction(() => (window.__podPilot?.inspect?.().nodes.length ?? 0) > 0);
  return inspect(page);
}

export function center(rect: PageRect): { x: number; y: number } {
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
}

/** Presses on `from`, moves in small steps like a hand would, releases on `to`. */
export async function drag(page: Page, from: PageRect, to: PageRect): Promise<void> {
  const a = center(from);
  const b = center(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 12, a.y + 6, { steps: 3 });
  await page.mouse.move(b.x, b.y, { steps: 15 });
  await page.mouse.up();
}

/** Waits for the canvas to show the latest state, so positions read from it are current. */
export async function settled(page: Page): Promise<ClusterInspection> {
  await page.waitForFunction(() => window.__podPilot?.inspect?.().settled === true);
  return inspect(page);
}

export async function dragPodToNode(page: Page, podKey: string, nodeName: string): Promise<void> {
  const view = await settled(page);
  const pod = view.pending.find((p) => p.key === podKey);
  const node = view.nodes.find((n) => n.name === nodeName);
  expect(pod, `${podKey} is in the pending queue`).toBeDefined();
  expect(node, `${nodeName} has a card`).toBeDefined();
  await drag(page, pod!, node!);
}

/** Resolves when `podKey` has left the queue and is bound to `nodeName`. */
export async function expectBound(page: Page, podKey: string, nodeName: string): Promise<void> {
  await expect
    .poll(async () => (await inspect(page)).bound.find((p) => p.key === podKey)?.node, { message: `${podKey} bound to ${nodeName}` })
    .toBe(nodeName);
  expect((await inspect(page)).pending.map((p) => p.key)).not.toContain(podKey);
}

/** The name a browser creates rooms under: the menu uses the name this browser last played with. */
export async function rememberName(page: Page, name: string): Promise<void> {
  await page.addInitScript((n) => localStorage.setItem("podpilot.name", n), name);
}

/** Accepts "Leave room?" and the browser's leave-site prompt, as a player who means it. */
export function acceptDialogs(page: Page): void {
  page.on("dialog", (dialog) => void dialog.accept());
}

/** The join code the HUD shows. */
export async function roomCode(page: Page): Promise<string> {
  const code = page.locator(".hud-code");
  await expect(code).toHaveText(/^[A-Z2-9]{6}$/);
  return (await code.textContent())!;
}

/** Fills the join form (already open) and joins; waits for the cluster. */
export async function submitJoinForm(page: Page, name: string, code?: string): Promise<void> {
  const form = page.locator("#join-form");
  await expect(form).toBeVisible();
  if (code !== undefined) await form.getByLabel("Join code").fill(code);
  await form.getByLabel("Your name").fill(name);
  await form.getByRole("button", { name: "Join" }).click();
}

/** Opens the console drawer unless it is open. */
export async function openConsole(page: Page): Promise<void> {
  if (await page.locator("#console").isHidden()) await page.keyboard.press("`");
  await expect(page.locator("#console-input")).toBeVisible();
}

/** Runs one console line (the console open) and waits for its echo. */
export async function runLine(page: Page, line: string): Promise<void> {
  const input = page.locator("#console-input");
  await input.fill(line);
  await input.press("Enter");
}

/** The players the list shows, by name. */
export function playerRow(page: Page, name: string) {
  return page.locator(`#players-panel [data-player="${name}"]`);
}
