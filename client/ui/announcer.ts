// The page's live regions: what the canvas shows that a screen reader must
// hear (bind results, refusals, node crashes), politely or at once. Each keeps
// its last few messages, newest last.

export interface Announcer {
  say(message: string): void;
  alert(message: string): void;
}

export function createAnnouncer(host: HTMLElement): Announcer {
  const polite = region("announcer", "polite");
  const assertive = region("announcer-alert", "assertive");
  host.append(polite, assertive);
  const put = (el: HTMLElement, message: string) => {
    const line = document.createElement("p");
    line.textContent = message;
    el.append(line);
    while (el.childElementCount > 5) el.firstElementChild!.remove();
  };
  return {
    say: (message) => put(polite, message),
    alert: (message) => put(assertive, message),
  };
}

function region(id: string, live: "polite" | "assertive"): HTMLElement {
  const el = document.createElement("div");
  el.id = id;
  el.className = "sr-only";
  el.setAttribute("aria-live", live);
  el.setAttribute("role", live === "assertive" ? "alert" : "status");
  return el;
}
