// Waits for the page's fonts (Text objects render once, in whatever font is
// ready), showing progress, then opens the menu. The game has no image
// assets: everything is drawn with Graphics and Text to keep the first load small.

import * as Phaser from "phaser";
import { SceneKeys } from "../scene-keys.ts";
import { Colors, Fonts, css } from "../theme.ts";

/** Never hold the menu back longer than this for a font. */
const FONT_WAIT_MS = 800;

export class PreloaderScene extends Phaser.Scene {
  constructor() {
    super(SceneKeys.preloader);
  }

  create(): void {
    const { width, height } = this.scale;
    this.add.text(width / 2, height / 2 - 60, "Pod Pilot", { fontFamily: Fonts.sans, fontSize: "48px", fontStyle: "bold", color: css(Colors.text) }).setOrigin(0.5);
    const barW = 480;
    this.add.rectangle(width / 2, height / 2 + 10, barW, 16).setStrokeStyle(2, Colors.border);
    const fill = this.add.rectangle(width / 2 - barW / 2, height / 2 + 10, 0, 12, Colors.accent).setOrigin(0, 0.5);
    const done = () => {
      fill.width = barW;
      this.scene.start(SceneKeys.menu);
    };
    fill.width = barW / 3;
    const timeout = new Promise((resolve) => setTimeout(resolve, FONT_WAIT_MS));
    void Promise.race([document.fonts.ready, timeout]).then(done);
  }
}
