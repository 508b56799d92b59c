// Where the Colyseus server is. In production the server serves this page, so
// it is the page's own origin. `?server=` overrides it (any http(s) or ws(s)
// URL), and `vite dev` defaults to the game server's port on the same host.

/** Port `npm run dev` listens on (server/index.ts default). */
export const DEV_SERVER_PORT = 2567;

export function serverUrl(location: Location, dev: boolean): string {
  const override = new URLSearchParams(location.search).get("server");
  if (override) return override;
  if (dev) return `${location.protocol}//${location.hostname}:${DEV_SERVER_PORT}`;
  return location.origin;
}
