// Wall-clock-looking timestamps for objects, derived from simulated time only:
// epoch (fixed by the scenario) + the simulated clock. Calendar maths is done by
// hand (Howard Hinnant's civil-from-days) so this file never touches Date, and no
// one has to wonder whether it reads the machine's clock.

const DAY_MS = 86_400_000;

/** Milliseconds since 1970-01-01T00:00:00Z of a UTC calendar instant. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return days * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** Default epoch of a run (2026-01-01T09:00:00Z); scenario files may choose another. */
export const DEFAULT_EPOCH_MS = utcMs(2026, 1, 1, 9, 0, 0);

function civil(ms: number): { y: number; m: number; d: number; hh: number; mm: number; ss: number; frac: number } {
  const days = Math.floor(ms / DAY_MS);
  const rem = ms - days * DAY_MS;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const secs = Math.floor(rem / 1000);
  return { y, m, d, hh: Math.floor(secs / 3600), mm: Math.floor(secs / 60) % 60, ss: secs % 60, frac: rem % 1000 };
}

const p2 = (n: number): string => String(n).padStart(2, "0");

/** RFC 3339 with whole seconds, as metav1.Time serialises: 2026-01-01T09:00:00Z. */
export function rfc3339(epochMs: number, simMs: number): string {
  const c = civil(epochMs + simMs);
  return `${c.y}-${p2(c.m)}-${p2(c.d)}T${p2(c.hh)}:${p2(c.mm)}:${p2(c.ss)}Z`;
}

/** RFC 3339 with microseconds, as metav1.MicroTime serialises (Lease renewTime, Event eventTime). */
export function rfc3339Micro(epochMs: number, simMs: number): string {
  const c = civil(epochMs + simMs);
  return `${c.y}-${p2(c.m)}-${p2(c.d)}T${p2(c.hh)}:${p2(c.mm)}:${p2(c.ss)}.${String(c.frac).padStart(3, "0")}000Z`;
}

const RFC3339_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/;

/** Parses a UTC RFC 3339 timestamp back to simulated milliseconds; NaN when malformed. */
export function parseTime(epochMs: number, iso: string): number {
  const m = RFC3339_RE.exec(iso);
  if (!m) return Number.NaN;
  const ms = utcMs(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!) + (m[7] ? Math.trunc(Number(`0.${m[7]}`) * 1000) : 0);
  return ms - epochMs;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Go's RFC 1123 with numeric zone, as kubectl describe prints: Mon, 02 Jan 2006 15:04:05 +0000. */
export function rfc1123z(epochMs: number, simMs: number): string {
  const ms = epochMs + simMs;
  const c = civil(ms);
  const weekday = DAYS[(((Math.floor(ms / DAY_MS) + 4) % 7) + 7) % 7]!;
  return `${weekday}, ${p2(c.d)} ${MONTHS[c.m - 1]} ${c.y} ${p2(c.hh)}:${p2(c.mm)}:${p2(c.ss)} +0000`;
}
