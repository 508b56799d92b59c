// npm run bench:browser [-- --no-build] [-- --port 3137]
// Frame rate of the cluster view in headless Chromium at 1920×1080, as a ratio
// to a blank WebGL canvas of the same size in the same browser (SwiftShader's
// software GL makes the absolute figures machine-bound; the ratio is what the
// view costs). Builds the client into dist/ (unless --no-build), starts the
// game server on a port of its own with an in-memory run store, and measures
// requestAnimationFrame callbacks over 5 s, each paired with the blank canvas
// measured just before, for: the workshop
// cluster (50 nodes, 1,500 pods) fitted whole; the same zoomed in to full
// detail; and the sandbox. Figures, not assertions: record them in
// docs/PERFORMANCE.md with the machine and its load.

import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright";
import { createServer } from "../server/app.config.ts";
import { RunStore } from "../server/persistence/run-store.ts";

const { values: args } = parseArgs({ options: { "no-build": { type: "boolean", default: false }, port: { type: "string", default: "3137" } } });
const PORT = Number(args.port);
const SIZE = { width: 1920, height: 1080 };
const MEASURE_MS = 5_000;
const WARMUP_MS = 2_000;

/** The page the game is compared with: a WebGL canvas of the same size, cleared in every frame fps() counts. */
const BLANK = `<!doctype html><body style="margin:0;background:#0b1220"><canvas id="c" width="${SIZE.width}" height="${SIZE.height}" style="display:block"></canvas>
<script>
const gl = document.getElementById("c").getContext("webgl2");
window.frame = () => { gl.clearColor(0.04, 0.07, 0.13, 1); gl.clear(gl.COLOR_BUFFER_BIT); };
</script></body>`;

/** Frames per second over MEASURE_MS, counted in the page (calling window.frame, if any, in each). */
async function fps(page: Page): Promise<number> {
  await page.waitForTimeout(WARMUP_MS);
  return page.evaluate(
    (ms) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const draw = (window as { frame?: () => void }).frame;
        const tick = (now: number) => {
          frames++;
          draw?.();
          if (now - start < ms) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(tick);
      }),
    MEASURE_MS,
  );
}

/**
 * Puts the page in a room of `scenario`. The one place that knows how a
 * player gets into a cluster: the menu starts the cluster scene with
 * `{ create: scenario }`, which makes a room (POST /api/rooms) and joins it as host.
 */
async function joinScenario(page: Page, scenario: string): Promise<void> {
  await page.goto(`http://localhost:${PORT}/`);
  await page.waitForFunction(() => window.__podPilot?.game.scene.isActive("menu") === true);
  await page.evaluate((name) => window.__podPilot!.game.scene.getScene("menu")!.scene.start("cluster", { create: name }), scenario);
}

/** Waits until `pods` pods are bound and Running and the canvas shows the latest state. */
async function waitForRunning(page: Page, pods: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const view = window.__podPilot?.inspect?.();
      return view !== undefined && view.settled && view.bound.filter((p) => p.status === "Running").length >= n;
    },
    pods,
    { timeout: 180_000, polling: 500 },
  );
}

async function main(): Promise<void> {
  if (!args["no-build"]) execFileSync("node_modules/.bin/vite", ["build", "--logLevel", "warn"], { stdio: "inherit" });
  const runs = new RunStore(":memory:");
  const server = createServer({ runs });
  await server.listen(PORT);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    // As playwright.config.ts: SwiftShader gives WebGL headless.
    args: ["--no-sandbox", "--use-angle=swiftshader", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  // The machine is shared: each figure is paired with a blank-canvas figure
  // taken just before it (the game's loop asleep meanwhile), and the ratio is
  // the pair's, so load that comes and goes moves both halves alike.
  const results: Array<[string, number, number]> = [];
  try {
    const blankPage = await browser.newPage({ viewport: SIZE, deviceScaleFactor: 1 });
    await blankPage.setContent(BLANK);
    const page = await browser.newPage({ viewport: SIZE, deviceScaleFactor: 1 });
    const measure = async (label: string) => {
      await page.evaluate(() => window.__podPilot!.game.loop.sleep());
      const blank = await fps(blankPage);
      await page.evaluate(() => window.__podPilot!.game.loop.wake());
      results.push([label, await fps(page), blank]);
    };

    await joinScenario(page, "workshop");
    await waitForRunning(page, 1_500);
    await measure("workshop, 1,500 pods, fitted whole");
    // Close up (+ zooms 1.25× about the centre): every label, button and grid cell drawn.
    for (let i = 0; i < 4; i++) await page.keyboard.press("+");
    await measure("workshop, zoomed in (full detail)");

    await joinScenario(page, "sandbox");
    await waitForRunning(page, 6);
    await measure("sandbox, 6 pods");
  } finally {
    await browser.close();
    await server.gracefullyShutdown(false);
    runs.close();
  }
  const load = loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`Chromium headless (SwiftShader) at ${SIZE.width}×${SIZE.height}; ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}; load average ${load}`);
  for (const [label, value, blank] of results) {
    console.log(`${label.padEnd(36)} ${value.toFixed(1).padStart(5)} frames/s   blank WebGL canvas ${blank.toFixed(1).padStart(5)}   ratio ${(value / blank).toFixed(2)}`);
  }
  process.exit(0);
}

await main();
