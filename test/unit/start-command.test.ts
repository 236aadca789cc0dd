import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startFlags } from "../helpers/start-command.js";

describe("startFlags", () => {
  it("reads the Node.js flags of package.json's start script, without the script it runs", () => {
    const root = mkdtempSync(join(tmpdir(), "thidua-start-"));
    try {
      writeFileSync(
        join(root, "package.json"),
        JSON.stringify({
          scripts: { start: "node --max-semi-space-size=24  --trace-warnings dist/src/main.js" },
        }),
      );
      expect(startFlags(root)).toEqual(["--max-semi-space-size=24", "--trace-warnings"]);
      writeFileSync(join(root, "package.json"), JSON.stringify({ scripts: { start: "tsx src/main.ts" } }));
      expect(() => startFlags(root)).toThrow(/does not run node/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("gives the project's own start script's flags", () => {
    expect(startFlags()).toContain("--max-semi-space-size=16");
  });
});
