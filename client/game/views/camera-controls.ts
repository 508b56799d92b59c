// The cluster camera and how players move it. The scene's main camera looks at
// the cluster world through the cluster area (zoomed and scrolled); a second,
// fixed camera on top draws the screen furniture (the pending queue, pods being
// dragged, toasts). Each game object is drawn by one of the two: objects made
// inside inWorld() belong to the world, all others to the screen.
//
// Moving: drag empty space, the wheel (Shift for sideways), W A S D or
// Shift+arrows (plain arrows keep choosing pods and nodes); zooming: Ctrl+wheel
// or a pinch (which Chromium reports as Ctrl+wheel), + and -, 0 to fit all.

import * as Phaser from "phaser";
import { isTextField } from "../keys.ts";
import type { Rect } from "../layout.ts";
import { LOGICAL_H, LOGICAL_W } from "../../ui/overlay.ts";
import { clampView, fitAll, lookAt, panBy, reveal, screenToWorld, worldToScreen, zoomAt, type CameraLimits, type CameraView } from "./camera-math.ts";

/** One key press pans this share of the viewport. */
const KEY_PAN = 0.2;
const KEY_ZOOM = 1.25;
/** A press that moves less than this is a tap, not a pan. */
const TAP_SLOP = 6;

export interface CameraControlsHandlers {
  /** The view moved or zoomed: redraw what depends on it. */
  onChange(view: CameraView): void;
  /** A tap on the world (not on a button or a pod), in world coordinates. */
  onTap(x: number, y: number): void;
}

export class CameraControls {
  readonly viewport: Rect;
  private readonly scene: Phaser.Scene;
  private readonly handlers: CameraControlsHandlers;
  private readonly main: Phaser.Cameras.Scene2D.Camera;
  private readonly screen: Phaser.Cameras.Scene2D.Camera;
  private readonly dispose: Array<() => void> = [];
  private world: Rect;
  private current: CameraView;
  private inWorldScope = false;
  private press: { x: number; y: number; view: CameraView; panning: boolean } | undefined;

  constructor(scene: Phaser.Scene, viewport: Rect, handlers: CameraControlsHandlers) {
    this.scene = scene;
    this.viewport = viewport;
    this.handlers = handlers;
    this.world = { ...viewport, x: 0, y: 0 };
    this.current = fitAll(this.limits);
    this.main = scene.cameras.main.setViewport(viewport.x, viewport.y, viewport.w, viewport.h);
    this.screen = scene.cameras.add(0, 0, LOGICAL_W, LOGICAL_H, false, "screen");
    const assign = (object: Phaser.GameObjects.GameObject) => {
      object.cameraFilter = this.inWorldScope ? this.screen.id : this.main.id;
    };
    scene.sys.events.on(Phaser.Scenes.Events.ADDED_TO_SCENE, assign);
    this.dispose.push(() => scene.sys.events.off(Phaser.Scenes.Events.ADDED_TO_SCENE, assign));
    this.bindPointer();
    this.bindWheel();
    this.bindKeys();
    this.apply();
  }

  get view(): CameraView {
    return this.current;
  }

  get limits(): CameraLimits {
    return { viewport: this.viewport, world: this.world };
  }

  /** Runs `create` so that every object it adds is drawn by the world camera. */
  inWorld<T>(create: () => T): T {
    this.inWorldScope = true;
    try {
      return create();
    } finally {
      this.inWorldScope = false;
    }
  }

  /** A new world (the node set changed): a first or resized world is shown whole. */
  setWorld(world: Rect): void {
    if (world.x === this.world.x && world.y === this.world.y && world.w === this.world.w && world.h === this.world.h) return;
    const first = this.world.w === this.viewport.w && this.world.h === this.viewport.h;
    this.world = world;
    this.move(first ? fitAll(this.limits) : clampView(this.current, this.limits));
  }

  fitAll(): void {
    this.move(fitAll(this.limits));
  }

  zoomBy(factor: number): void {
    this.move(zoomAt(this.current, this.limits, factor, this.viewport.x + this.viewport.w / 2, this.viewport.y + this.viewport.h / 2));
  }

  /** Centres a world rectangle, close enough to read it. */
  lookAt(target: Rect, zoom: number): void {
    this.move(lookAt(this.current, this.limits, target, zoom));
  }

  /** Scrolls just enough to bring a world rectangle on screen. */
  reveal(target: Rect): void {
    this.move(reveal(this.current, this.limits, target));
  }

  toScreen(r: Rect): Rect {
    return worldToScreen(this.current, this.viewport, r);
  }

  /** The world point under a screen point, or undefined outside the cluster area. */
  worldAt(x: number, y: number): { x: number; y: number } | undefined {
    const v = this.viewport;
    if (x < v.x || y < v.y || x >= v.x + v.w || y >= v.y + v.h) return undefined;
    return screenToWorld(this.current, v, x, y);
  }

  destroy(): void {
    for (const off of this.dispose.splice(0)) off();
    this.scene.cameras.remove(this.screen);
    this.main.setViewport(0, 0, LOGICAL_W, LOGICAL_H).setZoom(1).setScroll(0, 0);
  }

  private move(next: CameraView): void {
    if (next.cx === this.current.cx && next.cy === this.current.cy && next.zoom === this.current.zoom) return;
    this.current = next;
    this.apply();
  }

  private apply(): void {
    this.main.setZoom(this.current.zoom).centerOn(this.current.cx, this.current.cy);
    this.handlers.onChange(this.current);
  }

  private bindPointer(): void {
    const input = this.scene.input;
    const down = (pointer: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]) => {
      // Presses on a pod or a button are theirs; empty space pans.
      if (over.length > 0 || !this.worldAt(pointer.x, pointer.y)) return;
      this.press = { x: pointer.x, y: pointer.y, view: this.current, panning: false };
    };
    const move = (pointer: Phaser.Input.Pointer) => {
      const press = this.press;
      if (!press || !pointer.isDown) return;
      const dx = pointer.x - press.x;
      const dy = pointer.y - press.y;
      if (!press.panning && Math.hypot(dx, dy) < TAP_SLOP) return;
      press.panning = true;
      this.move(panBy(press.view, this.limits, -dx, -dy));
    };
    const up = (pointer: Phaser.Input.Pointer) => {
      const press = this.press;
      this.press = undefined;
      if (!press || press.panning) return;
      const at = this.worldAt(pointer.x, pointer.y);
      if (at) this.handlers.onTap(at.x, at.y);
    };
    input.on(Phaser.Input.Events.POINTER_DOWN, down);
    input.on(Phaser.Input.Events.POINTER_MOVE, move);
    input.on(Phaser.Input.Events.POINTER_UP, up);
    input.on(Phaser.Input.Events.POINTER_UP_OUTSIDE, up);
    this.dispose.push(() => {
      input.off(Phaser.Input.Events.POINTER_DOWN, down);
      input.off(Phaser.Input.Events.POINTER_MOVE, move);
      input.off(Phaser.Input.Events.POINTER_UP, up);
      input.off(Phaser.Input.Events.POINTER_UP_OUTSIDE, up);
    });
  }

  private bindWheel(): void {
    const canvas = this.scene.game.canvas;
    const wheel = (event: WheelEvent) => {
      const box = canvas.getBoundingClientRect();
      const x = ((event.clientX - box.left) * LOGICAL_W) / box.width;
      const y = ((event.clientY - box.top) * LOGICAL_H) / box.height;
      if (!this.worldAt(x, y)) return;
      // Ctrl+wheel would zoom the page; here it zooms the cluster.
      event.preventDefault();
      const lines = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 40 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? 800 : 1;
      const dx = event.deltaX * lines;
      const dy = event.deltaY * lines;
      if (event.ctrlKey || event.metaKey) this.move(zoomAt(this.current, this.limits, Math.exp(-dy * 0.002), x, y));
      else if (event.shiftKey && dx === 0) this.move(panBy(this.current, this.limits, dy, 0));
      else this.move(panBy(this.current, this.limits, dx, dy));
    };
    canvas.addEventListener("wheel", wheel, { passive: false });
    this.dispose.push(() => canvas.removeEventListener("wheel", wheel));
  }

  private bindKeys(): void {
    const key = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
      const stepX = this.viewport.w * KEY_PAN;
      const stepY = this.viewport.h * KEY_PAN;
      const pans: Record<string, readonly [number, number]> = { w: [0, -stepY], a: [-stepX, 0], s: [0, stepY], d: [stepX, 0] };
      const arrows: Record<string, readonly [number, number]> = { ArrowUp: [0, -stepY], ArrowLeft: [-stepX, 0], ArrowDown: [0, stepY], ArrowRight: [stepX, 0] };
      const pan = pans[event.key.toLowerCase()] ?? (event.shiftKey ? arrows[event.key] : undefined);
      if (pan) this.move(panBy(this.current, this.limits, pan[0], pan[1]));
      else if (event.key === "+" || event.key === "=") this.zoomBy(KEY_ZOOM);
      else if (event.key === "-" || event.key === "_") this.zoomBy(1 / KEY_ZOOM);
      else if (event.key === "0") this.fitAll();
      else return;
      // Handled: the scene's own key handler (selection) skips prevented keys.
      event.preventDefault();
    };
    window.addEventListener("keydown", key);
    this.dispose.push(() => window.removeEventListener("keydown", key));
  }
}
