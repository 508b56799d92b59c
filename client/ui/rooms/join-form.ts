// The form that seats a player in a room: the join code (typed, or fixed by an
// invite link) and a display name. Both are checked as typed against the
// protocol's rules; the server's refusal (a name taken or reserved, a room that
// does not exist) is shown inline, and the form stays open to fix it.

import { PLAYER_NAME } from "../../../shared/protocol/messages.ts";
import { JOIN_CODE } from "../../../shared/protocol/rooms.ts";
import { normalizeTypedCode } from "../../net/join-link.ts";
import { h } from "../dom.ts";

export interface JoinFormOptions {
  /** A code from an invite link: shown, not editable. Absent: the player types one. */
  readonly code?: string;
  readonly name: string;
  /** Joins; resolves with the server's refusal to show, or undefined once seated. */
  join(code: string, name: string): Promise<string | undefined>;
  cancel(): void;
}

export interface JoinForm {
  dispose(): void;
}

export const NAME_RULE = "1–32 letters, digits, dots, dashes or underscores, starting with a letter or digit";

/** What is wrong with a typed name, or undefined. */
export function nameProblem(name: string): string | undefined {
  if (name === "") return "Enter a display name.";
  if (!PLAYER_NAME.test(name)) return `A name is ${NAME_RULE}.`;
  return undefined;
}

/** What is wrong with a typed code (already normalized), or undefined. */
export function codeProblem(code: string): string | undefined {
  if (code === "") return "Enter the room's join code.";
  if (code.length !== 6) return "A join code has 6 characters.";
  if (!JOIN_CODE.test(code)) return "A join code uses letters and digits except 0, 1, I, L and O.";
  return undefined;
}

export function showJoinForm(host: HTMLElement, options: JoinFormOptions): JoinForm {
  const codeInput = h("input", { id: "join-code", class: "join-code", type: "text", autocomplete: "off", autocapitalize: "characters", spellcheck: "false", maxlength: "9", "aria-describedby": "join-error", value: options.code ?? "" });
  codeInput.readOnly = options.code !== undefined;
  const nameInput = h("input", { id: "join-name", type: "text", autocomplete: "nickname", spellcheck: "false", maxlength: "32", "aria-describedby": "join-name-rule join-error", value: options.name });
  const error = h("p", { id: "join-error", class: "join-error", role: "alert" }, "");
  const submit = h("button", { type: "submit", class: "primary" }, "Join");
  const cancel = h("button", { type: "button" }, options.code ? "Back to menu" : "Cancel");
  const form = h("form", { id: "join-form", class: "dialog join-form", "aria-labelledby": "join-title", novalidate: true },
    h("h2", { id: "join-title" }, options.code ? `Join room ${options.code}` : "Join a room"),
    h("label", { for: "join-code" }, "Join code"),
    codeInput,
    h("label", { for: "join-name" }, "Your name"),
    nameInput,
    h("p", { id: "join-name-rule", class: "dim join-rule" }, `Others see it next to what you do: ${NAME_RULE}.`),
    error,
    h("div", { class: "dialog-actions" }, submit, cancel),
  );
  const backdrop = h("div", { class: "dialog-backdrop" }, form);
  host.append(backdrop);
  (options.code ? nameInput : codeInput).focus();

  let busy = false;
  // Uppercase as typed, keeping the caret where it was.
  codeInput.addEventListener("input", () => {
    const at = codeInput.selectionStart;
    codeInput.value = codeInput.value.toUpperCase();
    if (at !== null) codeInput.setSelectionRange(at, at);
    error.textContent = "";
  });
  nameInput.addEventListener("input", () => (error.textContent = ""));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    const code = normalizeTypedCode(codeInput.value);
    const name = nameInput.value.trim();
    const problem = codeProblem(code) ?? nameProblem(name);
    if (problem) {
      error.textContent = problem;
      (codeProblem(code) ? codeInput : nameInput).focus();
      return;
    }
    busy = true;
    submit.disabled = true;
    submit.textContent = "Joining…";
    const refusal = await options.join(code, name);
    busy = false;
    submit.disabled = false;
    submit.textContent = "Join";
    if (refusal !== undefined) {
      error.textContent = refusal;
      nameInput.focus();
      nameInput.select();
    }
  });
  cancel.addEventListener("click", () => options.cancel());
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      options.cancel();
    }
  });

  return { dispose: () => backdrop.remove() };
}
