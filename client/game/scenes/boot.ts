// First scene. The preloader draws with Graphics and Text, so there is
// nothing for boot to load before handing over.

import * as Phaser from "phaser";
import { SceneKeys } from "../scene-keys.ts";

export class BootScene extends Phaser.Scene {
  constructor() {
    super(SceneKeys.boot);
  }

  create(): void {
    this.scene.start(SceneKeys.preloader);
  }
}
