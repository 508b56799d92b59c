// Game keys come straight from the DOM, not from Phaser's keyboard plugin: the
// plugin replays its whole queue on every new DOM event until the frame ends,
// and its duplicate check only compares with the last event, so with slow
// frames (software rendering, a weak laptop) one arrow press moved the
// selection several steps. Listening here also never cancels keys meant for a
// text field, which is the trap Phaser's key captures set (STACK.md).

import * as Phaser from "phaser";

export function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type !== "button" && target.type !== "checkbox");
}

/** True when Enter or Space belongs to a focused HTML control rather than the game. */
export function onHtmlControl(event: KeyboardEvent): boolean {
  return event.target instanceof HTMLElement && event.target.closest("button, a, summary, input, textarea, select") !== null;
}

/** Calls `handler` for keys pressed while `scene` runs, except in text fields or when already handled. */
export function onSceneKeyDown(scene: Phaser.Scene, handler: (event: KeyboardEvent) => void): void {
  const listener = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
    handler(event);
  };
  window.addEventListener("keydown", listener);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => window.removeEventListener("keydown", listener));
}
