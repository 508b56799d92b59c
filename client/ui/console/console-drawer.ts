// The kubectl console: a drawer opened with its button or the backtick key.
// One input line with history (↑/↓) and server-side tab completion, an output
// log in a monospace font that keeps kubectl's column spacing exactly, and a
// YAML editor for `kubectl apply -f -`. Game keys ignore text fields
// (game/keys.ts), so every key typed here reaches the field.

import { MAX_CONSOLE_BYTES, MAX_LINE_BYTES, type CompleteResponse, type KubectlResponse } from "../../../shared/protocol/messages.ts";
import { formatBytes, utf8Bytes } from "../../net/limits.ts";
import { h } from "../dom.ts";
import { newCommandQueue } from "./command-queue.ts";
import { applyCompletion } from "./completion.ts";
import { ConsoleHistory } from "./console-history.ts";
import { splitPaste } from "./paste.ts";

/** What the console needs from the room (client/net/intents.ts provides it). */
export interface ConsoleBackend {
  kubectl(line: string, stdin?: string): Promise<KubectlResponse>;
  complete(line: string): Promise<CompleteResponse>;
}

export interface ConsoleDrawer {
  /** Connects the console to a room, or disconnects it (undefined) and closes it. */
  attach(backend: ConsoleBackend | undefined): void;
  open(): void;
  close(): void;
  toggle(): void;
  isOpen(): boolean;
  /** Prints a line of its own (what happened to the connection), in the "info" or "err" style. */
  note(text: string, kind?: "info" | "err"): void;
}

const APPLY_STDIN = /^\s*kubectl\s+apply\s+-f\s+-\s*$/;
const APPLY_LINE = "kubectl apply -f -";
const HISTORY_KEY = "podpilot.console.history";
const MAX_OUTPUT_BLOCKS = 400;

const YAML_EXAMPLE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
      - name: hello
        image: nginx:1.27
        resources:
          requests:
            cpu: 250m
            memory: 128Mi
`;

export function createConsoleDrawer(host: HTMLElement): ConsoleDrawer {
  const output = h("div", { class: "console-output", role: "log", "aria-label": "Console output", tabindex: "0" });
  const input = h("input", { id: "console-input", class: "console-input", type: "text", autocomplete: "off", autocapitalize: "off", spellcheck: "false", "aria-label": "kubectl command" });
  const line = h("form", { class: "console-line" }, h("label", { for: "console-input", class: "prompt", "aria-hidden": "true" }, "$"), input);
  const textarea = h("textarea", { id: "console-yaml", class: "console-yaml", spellcheck: "false", "aria-label": "YAML manifest for kubectl apply -f -" });
  const applyButton = h("button", { type: "button", class: "primary" }, "Apply  (Ctrl+Enter)");
  const cancelButton = h("button", { type: "button" }, "Cancel  (Esc)");
  // The manifest's size against the protocol's limit, so a paste that will not fit says so before Apply.
  const size = h("span", { id: "console-yaml-size", class: "console-yaml-size", "aria-live": "polite" }, "");
  const editorError = h("span", { class: "console-yaml-error", role: "alert" }, "");
  const editor = h("div", { class: "console-editor", hidden: true },
    h("div", { class: "console-editor-head" }, h("span", {}, "$ kubectl apply -f -   "), h("span", { class: "dim" }, "paste or write a manifest")),
    textarea,
    h("div", { class: "console-editor-actions" }, applyButton, cancelButton, editorError, size),
  );
  const yamlButton = h("button", { type: "button", class: "console-yaml-toggle" }, "YAML editor");
  const closeButton = h("button", { type: "button", class: "console-close", "aria-label": "Close console" }, "✕");
  const root = h("section", { id: "console", class: "console", "aria-label": "kubectl console", hidden: true },
    h("div", { class: "console-head" },
      h("h2", {}, "⌨ Console"),
      h("span", { class: "dim" }, "kubectl · Tab completes · ↑↓ history · ` or Esc closes"),
      yamlButton,
      closeButton,
    ),
    output,
    line,
    editor,
  );
  host.append(root);

  const history = new ConsoleHistory(loadHistory());
  let backend: ConsoleBackend | undefined;
  let greeted = false;
  let returnFocus: HTMLElement | null = null;

  const print = (text: string, kind: "cmd" | "out" | "err" | "info") => {
    if (text === "") return;
    output.append(h("div", { class: `console-${kind}` }, text.endsWith("\n") ? text.slice(0, -1) : text));
    while (output.childElementCount > MAX_OUTPUT_BLOCKS) output.firstElementChild!.remove();
    output.scrollTop = output.scrollHeight;
  };

  const queue = newCommandQueue((error) => print(`error: ${error instanceof Error ? error.message : String(error)}`, "err"));

  const run = (command: string, stdin?: string) => {
    print(`$ ${command}`, "cmd");
    const target = backend;
    void queue.enqueue(async () => {
      if (!target) return print("error: not connected to a cluster", "err");
      const result = await target.kubectl(command, stdin);
      for (const chunk of result.output) print(chunk.text, chunk.stream === "stdout" ? "out" : "err");
    });
  };

  const showSize = () => {
    const bytes = utf8Bytes(textarea.value);
    size.textContent = `${formatBytes(bytes)} / ${formatBytes(MAX_CONSOLE_BYTES)}`;
    size.classList.toggle("over", bytes > MAX_CONSOLE_BYTES);
    editorError.textContent = "";
  };

  const showEditor = (show: boolean) => {
    editor.hidden = !show;
    line.hidden = show;
    yamlButton.setAttribute("aria-pressed", String(show));
    if (show) {
      if (textarea.value.trim() === "") textarea.value = YAML_EXAMPLE;
      showSize();
      textarea.focus();
      textarea.setSelectionRange(0, 0);
      textarea.scrollTop = 0;
    } else {
      input.focus();
    }
  };

  const submitLine = () => {
    const text = input.value;
    input.value = "";
    history.push(text);
    saveHistory(history.all());
    const trimmed = text.trim();
    if (trimmed === "") return;
    const bytes = utf8Bytes(trimmed);
    if (bytes > MAX_LINE_BYTES) {
      return print(`error: the command line is ${formatBytes(bytes)}; a console line may be at most ${formatBytes(MAX_LINE_BYTES)} (use the YAML editor for manifests)`, "err");
    }
    if (trimmed === "clear") return output.replaceChildren();
    if (APPLY_STDIN.test(trimmed)) return showEditor(true);
    run(trimmed);
  };

  const applyYaml = () => {
    const manifest = textarea.value;
    const bytes = utf8Bytes(manifest);
    if (bytes > MAX_CONSOLE_BYTES) {
      // Kept open with the text, so the player can trim it.
      editorError.textContent = `Too large to send: ${formatBytes(bytes)}, the limit is ${formatBytes(MAX_CONSOLE_BYTES)}.`;
      print(`error: the manifest is ${formatBytes(bytes)}; the YAML editor takes at most ${formatBytes(MAX_CONSOLE_BYTES)}. Split it into smaller files.`, "err");
      return;
    }
    history.push(APPLY_LINE);
    saveHistory(history.all());
    run(APPLY_LINE, manifest);
    showEditor(false);
  };

  const complete = async () => {
    if (!backend) return;
    const before = input.value;
    const { candidates } = await backend.complete(before);
    if (input.value !== before) return; // typed on meanwhile
    const result = applyCompletion(before, candidates);
    input.value = result.line;
    if (result.listing.length > 0) print(result.listing.join("  "), "info");
  };

  line.addEventListener("submit", (event) => {
    event.preventDefault();
    submitLine();
  });
  input.addEventListener("paste", (event) => {
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? input.value.length;
    const lines = splitPaste(input.value.slice(0, start), event.clipboardData?.getData("text/plain") ?? "", input.value.slice(end));
    if (!lines) return;
    event.preventDefault();
    for (const text of lines.run) {
      input.value = text;
      submitLine();
    }
    input.value = lines.rest;
    input.setSelectionRange(lines.caret, lines.caret);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Tab" && !event.shiftKey) {
      event.preventDefault();
      void complete();
    } else if (event.key === "ArrowUp") {
      const previous = history.up(input.value);
      if (previous !== undefined) input.value = previous;
      event.preventDefault();
    } else if (event.key === "ArrowDown") {
      const next = history.down();
      if (next !== undefined) input.value = next;
      event.preventDefault();
    } else if (event.key === "l" && event.ctrlKey) {
      event.preventDefault();
      output.replaceChildren();
    }
  });
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      applyYaml();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      showEditor(false);
    } else if (event.key === "Tab" && !event.shiftKey) {
      // Indentation matters in YAML; Shift+Tab still leaves the field.
      event.preventDefault();
      textarea.setRangeText("  ", textarea.selectionStart, textarea.selectionEnd, "end");
    }
  });
  textarea.addEventListener("input", showSize);
  applyButton.addEventListener("click", applyYaml);
  cancelButton.addEventListener("click", () => showEditor(false));
  yamlButton.addEventListener("click", () => showEditor(editor.hidden));
  closeButton.addEventListener("click", () => drawer.close());

  // The backtick toggles from anywhere except fields where it is text (the
  // YAML editor, other inputs). In the console's own line it closes.
  window.addEventListener("keydown", (event) => {
    if (!backend) return;
    const target = event.target as HTMLElement | null;
    const inField = target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target !== input);
    if (event.key === "`" && !event.ctrlKey && !event.metaKey && !event.altKey && !inField) {
      event.preventDefault();
      drawer.toggle();
    } else if (event.key === "Escape" && drawer.isOpen() && (target === input || root.contains(target))) {
      event.preventDefault();
      drawer.close();
    }
  }, { capture: true });

  const drawer: ConsoleDrawer = {
    attach(next) {
      backend = next;
      if (!next) drawer.close();
    },
    open() {
      if (!root.hidden) return;
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      root.hidden = false;
      if (!greeted) {
        greeted = true;
        print("Type kubectl commands, e.g.  kubectl get pods  ·  kubectl describe node <name>  ·  kubectl apply -f -", "info");
      }
      (editor.hidden ? input : textarea).focus();
    },
    close() {
      if (root.hidden) return;
      root.hidden = true;
      const focusable = returnFocus && document.contains(returnFocus) ? returnFocus : null;
      if (focusable) focusable.focus();
      else (document.activeElement as HTMLElement | null)?.blur();
    },
    toggle() {
      if (root.hidden) drawer.open();
      else drawer.close();
    },
    isOpen: () => !root.hidden,
    note(text, kind = "info") {
      print(text, kind);
    },
  };
  return drawer;
}

function loadHistory(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

function saveHistory(entries: readonly string[]): void {
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(entries));
  } catch {
    // Private mode or a full quota: history just lives for the session.
  }
}
