// Page entry: creates the canvas, the DOM interface around it and the game,
// and exposes `window.__podPilot` for end-to-end tests.

import "./styles.css";
import { startGame } from "./game/main.ts";
import { createAppUi } from "./ui/app-ui.ts";

const page = document.getElementById("app")!;
const parent = document.getElementById("game")!;
const canvas = document.createElement("canvas");
canvas.id = "game-canvas";
canvas.setAttribute("aria-hidden", "true");
parent.append(canvas);

const ui = createAppUi(canvas, page);
const hook = startGame(canvas, parent, ui);
window.__podPilot = hook;
