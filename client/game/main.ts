// The game's configuration and its ordered scene list. WebGL is requested
// explicitly: Phaser 4's Canvas renderer is deprecated and draws some objects
// as nothing, and tests assert WebGL so a silent fall-back is caught.

import * as Phaser from "phaser";
import type { AppUi } from "../ui/app-ui.ts";
import { LOGICAL_H, LOGICAL_W } from "../ui/overlay.ts";
import { BootScene } from "./scenes/boot.ts";
import { ClusterScene } from "./scenes/cluster.ts";
import { MenuScene } from "./scenes/menu.ts";
import { PreloaderScene } from "./scenes/preloader.ts";
import { provideServices, type PodPilotHook } from "./services.ts";
import { Colors } from "./theme.ts";

export function startGame(canvas: HTMLCanvasElement, parent: HTMLElement, ui: AppUi): PodPilotHook {
  const hook: { game?: Phaser.Game; WEBGL: number; room: undefined; inspect: undefined } = { WEBGL: Phaser.WEBGL, room: undefined, inspect: undefined };
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    canvas,
    parent,
    width: LOGICAL_W,
    height: LOGICAL_H,
    backgroundColor: Colors.background,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // Text is drawn at logical size and scaled; smoothing keeps it legible.
    antialias: true,
    disableContextMenu: true,
    // Keys are read from the DOM (game/keys.ts): Phaser's keyboard stays off,
    // so it never cancels a key typed into the console.
    input: { keyboard: false },
    banner: false,
    callbacks: {
      preBoot: (booting) => provideServices(booting, { ui, hook: hook as PodPilotHook }),
    },
    scene: [BootScene, PreloaderScene, MenuScene, ClusterScene],
  });
  hook.game = game;
  return hook as PodPilotHook;
}
