// The Invite dialog: the room's link with a Copy button and a QR code of it,
// big enough to scan from the back of a room off a projector, and the join
// code in large type for those who type it. The QR encoder loads the first
// time the dialog opens, so the menu does not wait for it.

import { h } from "../dom.ts";

export interface InviteDialog {
  open(code: string, link: string): void;
  close(): void;
  isOpen(): boolean;
}

export function createInviteDialog(host: HTMLElement): InviteDialog {
  const title = h("h2", { id: "invite-title" }, "Invite players");
  const codeText = h("p", { class: "invite-code", "aria-label": "Join code" }, "");
  const linkInput = h("input", { id: "invite-link", class: "invite-link", type: "text", readonly: true, "aria-label": "Link to this room" });
  const copy = h("button", { type: "button", class: "primary" }, "Copy link");
  const copied = h("span", { class: "dim invite-copied", role: "status" }, "");
  const localOnly = h("p", { class: "invite-local", hidden: true },
    "This link points at this computer (localhost): other devices cannot open it. Open Pod Pilot at one of the network addresses npm start printed, then invite again.");
  const qr = h("div", { class: "invite-qr", role: "img", "aria-label": "QR code of the link" });
  const close = h("button", { type: "button" }, "Close");
  const dialog = h("section", { id: "invite-dialog", class: "dialog invite-dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": "invite-title" },
    title,
    h("div", { class: "invite-body" },
      qr,
      h("div", { class: "invite-text" },
        h("p", {}, "Open the link or scan the code, then pick a name. Or go to this page and choose ", h("strong", {}, "Join a room"), " with the code:"),
        codeText,
        h("div", { class: "invite-link-row" }, linkInput, copy),
        copied,
        localOnly,
      ),
    ),
    h("div", { class: "dialog-actions" }, close),
  );
  const backdrop = h("div", { class: "dialog-backdrop", hidden: true }, dialog);
  host.append(backdrop);
  let returnFocus: HTMLElement | null = null;

  copy.addEventListener("click", async () => {
    linkInput.select();
    try {
      await navigator.clipboard.writeText(linkInput.value);
      copied.textContent = "Link copied.";
    } catch {
      // No clipboard permission (plain http on a LAN): the link is selected for Ctrl+C.
      copied.textContent = "Press Ctrl+C to copy the selected link.";
    }
  });
  close.addEventListener("click", () => invite.close());
  backdrop.addEventListener("click", (event) => {
    if (event.target === backdrop) invite.close();
  });
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      invite.close();
    }
  });

  const invite: InviteDialog = {
    open(code, link) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      codeText.textContent = code;
      linkInput.value = link;
      copied.textContent = "";
      localOnly.hidden = !isLocalOnly(link);
      qr.replaceChildren();
      // Error correction M: readable off a projector with some glare.
      import("qrcode")
        .then((qrcode) => qrcode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } }))
        .then((svg) => {
          qr.innerHTML = svg;
        })
        .catch(() => qr.replaceChildren(h("p", {}, "No QR code for this link; share the link or the code.")));
      backdrop.hidden = false;
      copy.focus();
    },
    close() {
      if (backdrop.hidden) return;
      backdrop.hidden = true;
      if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
    },
    isOpen: () => !backdrop.hidden,
  };
  return invite;
}

/** A link no other device can open. Exported for tests. */
export function isLocalOnly(link: string): boolean {
  const host = new URL(link).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}
