import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Campaign, campaignSchema } from "./schema.js";

export const BUNDLED_CAMPAIGN_FILE = fileURLToPath(
  new URL("./definitions/stp-cchc-2023-2025.json", import.meta.url),
);

export class CampaignError extends Error {
  override name = "CampaignError";
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    "",
  );
}

/** Validates a campaign definition; the error names the path of every bad field, e.g. criteria.individual[3].text.vi. */
export function parseCampaign(data: unknown, source: string): Campaign {
  const parsed = campaignSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map(
    (issue) => `- ${formatPath(issue.path) || "(root)"}: ${issue.message}`,
  );
  throw new CampaignError(`Invalid campaign definition ${source}:\n${lines.join("\n")}`);
}

export function loadCampaign(file: string = BUNDLED_CAMPAIGN_FILE): Campaign {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CampaignError(`Cannot read campaign definition ${file}: ${(error as Error).message}`);
  }
  return parseCampaign(data, file);
}
