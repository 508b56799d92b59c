// What scenes reach outside Phaser for: the DOM user interface and the test
// hook. Put in the game registry before the first scene boots.

import type * as Phaser from "phaser";
import type { ClusterRoom } from "../net/connection.ts";
import type { AppUi } from "../ui/app-ui.ts";

/** A node card or pod block on the page, in CSS pixels (for tests and tools). */
export interface PageRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface ClusterInspection {
  /** Pending pods shown in the queue, in queue order. */
  readonly pending: ReadonlyArray<PageRect & { key: string; cpuMilli: number; memoryMi: number }>;
  /** Node cards in keyboard order (zone columns left to right, then down). */
  readonly nodes: ReadonlyArray<PageRect & {
    name: string; zone: string; status: string; crashed: boolean; taints: string;
    cpuFreeMilli: number; memoryFreeMi: number;
    /** The card's crash/restart button. */
    button: PageRect;
  }>;
  readonly bound: ReadonlyArray<{ key: string; node: string; status: string; ready: boolean }>;
  readonly selection: { readonly pod?: string; readonly node?: string };
  /** The toast on screen, if any. */
  readonly toast: string | undefined;
  /** The canvas shows the latest synced state (no redraw pending). */
  readonly settled: boolean;
}

/** `window.__podPilot`: lets end-to-end tests find things on the canvas. */
export interface PodPilotHook {
  readonly game: Phaser.Game;
  /** Phaser.WEBGL, to compare with `game.renderer.type`. */
  readonly WEBGL: number;
  room: ClusterRoom | undefined;
  inspect: (() => ClusterInspection) | undefined;
}

declare global {
  interface Window {
    __podPilot?: PodPilotHook;
  }
}

export interface GameServices {
  readonly ui: AppUi;
  readonly hook: PodPilotHook;
}

const KEY = "services";

export function provideServices(game: Phaser.Game, services: GameServices): void {
  game.registry.set(KEY, services);
}

export function servicesOf(scene: Phaser.Scene): GameServices {
  return scene.registry.get(KEY) as GameServices;
}
