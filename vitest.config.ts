import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default on 2 cores is one worker; the end-to-end files mostly wait on the bot's process and the
    // emulator, so a second worker runs the rest beside them and keeps CI well under its 15 minutes.
    maxWorkers: 2,
  },
});
