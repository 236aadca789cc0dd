import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A detached worktree of `commit` with this tree's node_modules, built; removed by the returned function. */
export function baseTree(commit: string): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), "bench-base-"));
  rmSync(root, { recursive: true });
  execFileSync("git", ["-C", ROOT, "worktree", "add", "--detach", root, commit], { stdio: "ignore" });
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  return { root, remove: () => execFileSync("git", ["-C", ROOT, "worktree", "remove", "--force", root]) };
}
