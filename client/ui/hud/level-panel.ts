// The right-hand panel: the level's objectives and progress (placed, refused
// drops, time left; or, for an access level, the can-i checklist ticking live),
// the star rules, stars and the won/lost banner; in the sandbox, the
// workloads with their ready counts. It doubles as the colour legend, so a
// workload's colour always has its name next to it.

import type { LevelRowView, LevelView, WorkloadView } from "../../../server/rooms/schema/cluster-state.ts";
import { css } from "../../game/theme.ts";
import { h } from "../dom.ts";
import { formatClock } from "../format.ts";

export interface LevelPanelData {
  readonly level: LevelView | undefined;
  readonly workloads: readonly WorkloadView[];
  /** Workload names seen on pods, for the legend when there are no workload objects. */
  readonly podWorkloads: readonly string[];
  /** Colour of each workload, as the canvas paints it. */
  readonly colors: ReadonlyMap<string, number>;
}

/** The room sends hints among the objectives, each line starting with this. */
const HINT = "Hint: ";

export interface LevelPanel {
  show(): void;
  hide(): void;
  update(data: LevelPanelData): void;
  /** The simulated clock moved: refresh the time left. */
  setTime(timeMs: number): void;
}

export function createLevelPanel(host: HTMLElement): LevelPanel {
  const root = h("aside", { id: "level-panel", class: "level-panel", "aria-label": "Level", hidden: true });
  host.append(root);
  let signature = "";
  // Kept across redraws, so a redraw neither folds the hints nor drops focus in them.
  let hintsOpen = false;
  let timeLimitMs = 0;
  let lastTimeMs = 0;
  const showTime = () => {
    const timeLeft = root.querySelector("[data-time-left]");
    if (timeLeft) timeLeft.textContent = formatClock(Math.max(0, timeLimitMs - lastTimeMs));
  };

  return {
    show() {
      root.hidden = false;
    },
    hide() {
      root.hidden = true;
      signature = "";
    },
    update(data) {
      const level = data.level;
      const next = JSON.stringify([
        level && [level.mode, level.status, level.stars, level.placed, level.toPlace, level.refusedDrops, level.timeLimitMs, level.objectives, level.win, level.subject],
        level?.rows.map((r) => [r.kind, r.label, r.passed]),
        data.workloads.map((w) => [w.kind, w.name, w.readyReplicas, w.replicas]),
        data.podWorkloads,
        [...data.colors],
      ]);
      if (next !== signature) {
        signature = next;
        const focused = root.contains(document.activeElement) ? document.activeElement?.className : undefined;
        root.replaceChildren(...render(data, hintsOpen));
        root.querySelector("details")?.addEventListener("toggle", (event) => (hintsOpen = (event.target as HTMLDetailsElement).open));
        if (focused) root.querySelector<HTMLElement>(`.${focused.split(" ")[0]}`)?.focus();
      }
      timeLimitMs = level?.timeLimitMs ?? 0;
      showTime();
    },
    setTime(timeMs) {
      lastTimeMs = timeMs;
      showTime();
    },
  };
}

function render({ level, workloads, podWorkloads, colors }: LevelPanelData, hintsOpen: boolean): Node[] {
  const out: Node[] = [];
  const isLevel = level?.mode === "level";
  if (level?.status === "won") {
    out.push(
      h("div", { class: "level-banner won", role: "status" },
        h("div", { class: "level-banner-title" }, "✔ Level complete!"),
        stars(level.stars),
      ),
    );
  } else if (level?.status === "lost") {
    out.push(h("div", { class: "level-banner lost", role: "status" }, h("div", { class: "level-banner-title" }, "✖ Level failed")));
  }

  if (isLevel && level) {
    const stats = h("dl", { class: "level-stats" });
    if (level.win !== "accessReview") {
      stats.append(
        h("dt", {}, "Placed"), h("dd", { "data-testid": "placed" }, `${level.placed ?? 0} / ${level.toPlace ?? 0}`),
        h("dt", {}, "Refused drops"), h("dd", { "data-testid": "refused" }, String(level.refusedDrops ?? 0)),
      );
    }
    if (level.timeLimitMs > 0) {
      stats.append(h("dt", {}, "Time left"), h("dd", { "data-time-left": true }, ""));
    }
    if (stats.childElementCount > 0) out.push(stats);
    if (level.win === "accessReview") out.push(...accessChecklist(level));
    else out.push(progressBar(level.placed ?? 0, level.toPlace ?? 0, "Pods placed"));
    if (level.rows.some((r) => r.kind === "star")) out.push(...starRules(level.rows, level.status === "won"));
  }

  out.push(h("h2", {}, isLevel ? "Objectives" : "Sandbox"));
  if (level?.objectives) {
    // Hints stay folded until asked for: the level should be solvable without them.
    const lines = level.objectives.split("\n").filter(Boolean);
    const hints = lines.filter((line) => line.startsWith(HINT)).map((line) => line.slice(HINT.length));
    out.push(h("ul", { class: "objectives" }, ...lines.filter((line) => !line.startsWith(HINT)).map((line) => h("li", {}, line))));
    if (hints.length > 0) {
      out.push(h("details", { class: "hints", open: hintsOpen }, h("summary", { class: "hints-summary" }, `Hints (${hints.length})`), h("ul", { class: "objectives" }, ...hints.map((hint) => h("li", {}, hint)))));
    }
  } else if (!isLevel) {
    out.push(h("p", { class: "dim" }, "A free cluster: watch the scheduler place pods, crash nodes, and use the console."));
  }

  const legend = workloads.length > 0
    ? workloads.map((w) => ({ name: w.name, detail: `${w.readyReplicas}/${w.replicas} ready` }))
    : podWorkloads.map((name) => ({ name, detail: "" }));
  if (legend.length > 0) {
    out.push(h("h2", {}, workloads.length > 0 ? "Workloads" : "Pod colours"));
    out.push(
      h("ul", { class: "legend" },
        ...legend.map(({ name, detail }) =>
          h("li", {},
            h("span", { class: "chip", style: `background:${css(colors.get(name) ?? 0x888888)}`, "aria-hidden": "true" }),
            h("span", { class: "legend-name" }, name),
            detail ? h("span", { class: "dim" }, ` ${detail}`) : "",
          ),
        ),
      ),
    );
  }
  return out;
}

function progressBar(done: number, total: number, label: string): HTMLElement {
  const max = Math.max(1, total);
  const progress = h("div", { class: "progress", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": String(max), "aria-valuenow": String(done), "aria-label": label });
  progress.append(h("div", { class: "progress-fill", style: `width:${Math.min(100, (100 * done) / max)}%` }));
  return progress;
}

/** One ticked (or not yet) line; the mark is also said in words for screen readers. */
function checkLine(row: LevelRowView, testId: string): HTMLElement {
  return h("li", { class: row.passed ? "check passed" : "check", "data-testid": testId, "data-passed": String(row.passed) },
    h("span", { class: "check-mark", "aria-hidden": "true" }, row.passed ? "✔" : "✗"),
    h("span", { class: "sr-only" }, row.passed ? "holds: " : "not yet: "),
    h("span", {}, row.label),
  );
}

/** The win's can-i checklist, asked as the level's user, ticking as grants change. */
function accessChecklist(level: LevelView): Node[] {
  const checks = level.rows.filter((r) => r.kind === "check");
  const passed = checks.filter((r) => r.passed).length;
  return [
    h("h2", {}, `As ${level.subject}`),
    progressBar(passed, checks.length, "Access checks passing"),
    h("ul", { class: "checklist", "aria-label": "Access checks" }, ...checks.map((row) => checkLine(row, "access-check"))),
  ];
}

/** Each star after the first: its rule, with the lines behind it; its stars light up once the level is won. */
function starRules(rows: readonly LevelRowView[], won: boolean): Node[] {
  const list = h("ul", { class: "checklist star-rules", "aria-label": "Star rules" });
  let star = 1;
  let details: HTMLElement | undefined;
  for (const row of rows) {
    if (row.kind === "star") {
      star++;
      details = undefined;
      list.append(h("li", { class: row.passed && won ? "check passed star-rule" : "check star-rule", "data-testid": "star-rule", "data-passed": String(row.passed) },
        h("span", { class: "check-mark star-mark", "aria-label": `${star} stars:` }, "★".repeat(star)),
        h("span", {}, row.label),
      ));
    } else if (row.kind === "detail") {
      if (!details) {
        details = h("ul", { class: "checklist details" });
        list.lastElementChild?.append(details);
      }
      details.append(checkLine(row, "star-check"));
    }
  }
  return [h("h2", {}, "Stars"), list];
}

function stars(count: number): HTMLElement {
  const n = Math.max(0, Math.min(3, count));
  return h("div", { class: "stars", "aria-label": `${n} of 3 stars` }, "★".repeat(n) + "☆".repeat(3 - n));
}
