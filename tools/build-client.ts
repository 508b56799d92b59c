// `npm start`'s first step: builds the browser client only when dist/ is older
// than its sources, so a start with a current build listens at once.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const SOURCES = ["client", "shared", "server/rooms/schema", "assets", "vite.config.ts", "package-lock.json"];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const built = join(ROOT, "dist", "index.html");
const stale = !existsSync(built) || SOURCES.some((s) => existsSync(join(ROOT, s)) && newest(join(ROOT, s)) > statSync(built).mtimeMs);
if (stale) {
  console.log("Building the client…");
  execFileSync(join(ROOT, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
}
