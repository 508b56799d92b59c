// The join code in the page's address: `?join=CODE` is what an invite link
// carries, and the address of a tab that is in a room (so a refresh comes back
// to it). Other query parameters (`?server=`) are kept.

import { JOIN_CODE } from "../../shared/protocol/rooms.ts";

const PARAM = "join";

/** The valid join code in the address, if any (typed links may be lower case). */
export function joinCodeOf(search: string): string | undefined {
  const code = new URLSearchParams(search).get(PARAM)?.trim().toUpperCase();
  return code && JOIN_CODE.test(code) ? code : undefined;
}

/** The address with `?join=CODE` set, or removed when `code` is undefined. */
export function withJoinCode(href: string, code: string | undefined): string {
  const url = new URL(href);
  if (code === undefined) url.searchParams.delete(PARAM);
  else url.searchParams.set(PARAM, code);
  return url.pathname + url.search + url.hash;
}

/** Puts the room's code in the address bar without a reload or a history entry. */
export function showJoinCodeInAddress(code: string | undefined): void {
  const next = withJoinCode(window.location.href, code);
  if (next !== window.location.pathname + window.location.search + window.location.hash) window.history.replaceState(null, "", next);
}

/** What a typed code becomes: upper case, spaces and dashes dropped (people read codes out as "ABC-234"). */
export function normalizeTypedCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}
