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
