// The menu: the Sandbox and the levels (each a new room of one's own, which
// others may join by its code), and "Join a room" with a typed code; chosen
// with the mouse, the arrow keys and Enter, the number keys, or Tab through
// their HTML mirror. An invite link (?join=CODE) opens the join form, or, in a
// tab that already has a seat in that room (a refresh), goes straight back in.

import * as Phaser from "phaser";
import { hasSeat, joinRoom, seatStore, type ScenarioName } from "../../net/connection.ts";
import { requestErrorMessage } from "../../net/intents.ts";
import { joinCodeOf, showJoinCodeInAddress } from "../../net/join-link.ts";
import { showMenuMirror, type MenuMirror } from "../../ui/a11y/menu-mirror.ts";
import { showJoinForm, type JoinForm } from "../../ui/rooms/join-form.ts";
import { onHtmlControl, onSceneKeyDown } from "../keys.ts";
import { SceneKeys } from "../scene-keys.ts";
import { servicesOf } from "../services.ts";
import { Colors, Fonts, css } from "../theme.ts";

interface Entry {
  /** The scenario a new room runs; absent for "Join a room". */
  readonly scenario?: ScenarioName;
  readonly label: string;
  readonly description: string;
}

export const MENU_ENTRIES: readonly Entry[] = [
  { scenario: "sandbox", label: "Sandbox", description: "A free cluster: crash nodes and run kubectl as cluster-admin, RBAC and all." },
  { scenario: "level-1", label: "Level 1: You are the scheduler", description: "Place every pending pod on a node where it fits." },
  { scenario: "level-2", label: "Level 2: Least privilege", description: "Write the Role and RoleBinding a team needs, and nothing more." },
  { scenario: "workshop", label: "Workshop cluster (50 nodes)", description: "1,500 pods in six namespaces: zoom, pan and search a cluster the size of a room." },
  { label: "Join a room", description: "Enter the 6-character code someone shared to play in their cluster." },
];

const ENTRY_W = 1180;
const ENTRY_H = 110;
/** Centre of the first entry; the rest follow one entry and a gap apart. */
const FIRST_Y = 370;
const entryY = (i: number) => FIRST_Y + i * (ENTRY_H + 22);

export class MenuScene extends Phaser.Scene {
  private selected = 0;
  private frames: Phaser.GameObjects.Graphics[] = [];
  private markers: Phaser.GameObjects.Text[] = [];
  private mirror: MenuMirror | undefined;
  private form: JoinForm | undefined;

  constructor() {
    super(SceneKeys.menu);
  }

  create(): void {
    const { width } = this.scale;
    const { ui } = servicesOf(this);
    this.frames = [];
    this.markers = [];
    this.add.text(width / 2, 170, "Pod Pilot", { fontFamily: Fonts.sans, fontSize: "112px", fontStyle: "bold", color: css(Colors.text) }).setOrigin(0.5);
    this.add.text(width / 2, 265, "Run a Kubernetes cluster by hand, together.", { fontFamily: Fonts.sans, fontSize: "34px", color: css(Colors.textDim) }).setOrigin(0.5);

    MENU_ENTRIES.forEach((entry, i) => {
      const cx = width / 2;
      const cy = entryY(i);
      const frame = this.add.graphics();
      this.frames.push(frame);
      this.markers.push(this.add.text(cx - ENTRY_W / 2 + 30, cy, "▶", { fontFamily: Fonts.sans, fontSize: "40px", color: css(Colors.focus) }).setOrigin(0, 0.5));
      this.add.text(cx - ENTRY_W / 2 + 90, cy - 22, `${i + 1}.  ${entry.label}`, { fontFamily: Fonts.sans, fontSize: "40px", fontStyle: "bold", color: css(Colors.text) }).setOrigin(0, 0.5);
      this.add.text(cx - ENTRY_W / 2 + 90, cy + 28, entry.description, { fontFamily: Fonts.sans, fontSize: "24px", color: css(Colors.textDim) }).setOrigin(0, 0.5);
      const hit = this.add.zone(cx, cy, ENTRY_W, ENTRY_H).setInteractive({ useHandCursor: true });
      hit.on("pointerover", () => this.select(i));
      hit.on("pointerdown", () => this.start(i));
    });
    this.add
      .text(width / 2, entryY(MENU_ENTRIES.length - 1) + ENTRY_H / 2 + 60, `↑ ↓ choose  ·  Enter start  ·  1–${MENU_ENTRIES.length}  ·  Tab also works`, { fontFamily: Fonts.sans, fontSize: "26px", color: css(Colors.textDim) })
      .setOrigin(0.5);

    onSceneKeyDown(this, (event) => {
      if (this.form) return;
      if (event.key === "ArrowUp" || event.key === "ArrowDown") {
        event.preventDefault();
        this.select((this.selected + (event.key === "ArrowDown" ? 1 : MENU_ENTRIES.length - 1)) % MENU_ENTRIES.length);
      } else if ((event.key === "Enter" || event.key === " ") && !onHtmlControl(event)) {
        this.start(this.selected);
      } else if (/^[1-9]$/.test(event.key) && Number(event.key) <= MENU_ENTRIES.length) {
        this.start(Number(event.key) - 1);
      }
    });

    this.mirror = showMenuMirror(ui.mirrorHost, MENU_ENTRIES, { onFocus: (i) => this.select(i), onActivate: (i) => this.start(i) });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.mirror?.dispose();
      this.mirror = undefined;
      this.closeForm();
    });
    this.select(this.selected);

    const invited = joinCodeOf(window.location.search);
    if (invited && hasSeat(invited)) this.scene.start(SceneKeys.cluster, { resume: invited });
    else if (invited) this.openJoinForm(invited);
  }

  private select(index: number): void {
    this.selected = index;
    const { width } = this.scale;
    this.frames.forEach((frame, i) => {
      const on = i === index;
      const x = width / 2 - ENTRY_W / 2;
      const y = entryY(i) - ENTRY_H / 2;
      frame.clear().fillStyle(on ? Colors.card : Colors.panel, 1).fillRoundedRect(x, y, ENTRY_W, ENTRY_H, 14);
      frame.lineStyle(on ? 5 : 2, on ? Colors.focus : Colors.border, 1).strokeRoundedRect(x, y, ENTRY_W, ENTRY_H, 14);
      this.markers[i]!.setVisible(on);
    });
  }

  private start(index: number): void {
    const entry = MENU_ENTRIES[index];
    if (!entry || this.form) return;
    if (entry.scenario) this.scene.start(SceneKeys.cluster, { create: entry.scenario });
    else this.openJoinForm(undefined);
  }

  /** The join form, over the menu; `code` fixed when it came from an invite link. */
  private openJoinForm(code: string | undefined): void {
    this.closeForm();
    const { ui } = servicesOf(this);
    this.form = showJoinForm(ui.overlay.root, {
      code,
      name: seatStore().lastName(),
      join: async (typedCode, name) => {
        try {
          const joined = await joinRoom(typedCode, name);
          if (!this.scene.isActive()) {
            void joined.room.leave();
            return undefined;
          }
          this.scene.start(SceneKeys.cluster, { joined });
          return undefined;
        } catch (error) {
          return requestErrorMessage(error);
        }
      },
      cancel: () => {
        this.closeForm();
        if (code) showJoinCodeInAddress(undefined);
      },
    });
  }

  private closeForm(): void {
    this.form?.dispose();
    this.form = undefined;
  }
}
