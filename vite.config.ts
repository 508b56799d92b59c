// Builds the browser client (client/) into dist/, which the game server serves
// at `/` next to Colyseus on the same origin.

import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  // Relative asset URLs: the build works whether the server mounts it at / or below.
  base: "./",
  publicDir: false,
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    target: "es2022",
    // Phaser alone is ~1.2 MB minified; it gets its own chunk so the game code
    // can change without invalidating it in the browser cache.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: "phaser", test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
  server: { port: 5173 },
});
