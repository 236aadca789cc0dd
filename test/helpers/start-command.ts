import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The Node.js flags `npm start` gives the bot (package.json's start script: `node <flags> dist/src/main.js`),
 * so that the end-to-end tests and the benchmarks run the process exactly as it runs in production.
 */
export function startFlags(root = ROOT): string[] {
  const manifest = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as {
    scripts?: { start?: string };
  };
  const words = (manifest.scripts?.start ?? "").split(/\s+/).filter((word) => word !== "");
  if (words[0] !== "node")
    throw new Error(`package.json's start script does not run node: ${words.join(" ")}`);
  return words.slice(1, -1).filter((word) => word.startsWith("--"));
}
