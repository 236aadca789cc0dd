import { searchKey } from "./names.js";

/** A document the dossier still asks for, as a file's name may tell it: its names, and its nominee's. */
export interface GuessSlot {
  /** The document's names ("Tờ trình", "Báo cáo thành tích …"). */
  documentNames: readonly string[];
  /** The nominee whose document it is; none for the unit's own. */
  nomineeName?: string;
}

/** Words of a text without marks, case or punctuation: "Báo_cáo-Lan.pdf" → ["bao", "cao", "lan", "pdf"]. */
function words(text: string): string[] {
  return searchKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

/** "Báo cáo thành tích" → "bctt": how people shorten a document's name in a file's. */
function initials(name: string): string {
  return words(name)
    .map((word) => word[0])
    .join("");
}

/**
 * How well a file's name fits a slot: a document's name in it ("to trinh", "totrinh", "bctt"), and the
 * nominee's name (the whole of it counts most; a given name alone, a little).
 */
export function fileNameScore(fileName: string, slot: GuessSlot): number {
  const fileWords = words(fileName);
  const joined = fileWords.join("");
  const spaced = ` ${fileWords.join(" ")} `;
  let score = 0;
  for (const name of slot.documentNames) {
    const nameWords = words(name);
    if (nameWords.length === 0) continue;
    if (spaced.includes(` ${nameWords.join(" ")} `) || joined.includes(nameWords.join(""))) score += 4;
    else if (nameWords.length >= 2 && fileWords.includes(initials(name))) score += 3;
    else if (nameWords.slice(0, 2).every((word) => fileWords.includes(word))) score += 2;
  }
  if (slot.nomineeName) {
    const nameWords = words(slot.nomineeName);
    if (
      nameWords.length > 0 &&
      (spaced.includes(` ${nameWords.join(" ")} `) || joined.includes(nameWords.join("")))
    )
      score += 6;
    else {
      const given = nameWords.at(-1);
      if (given && fileWords.includes(given)) score += 2;
    }
  }
  return score;
}

/** The slots in the order to offer them for a file: the likeliest first; equal ones keep their order. */
export function rankByFileName<T extends GuessSlot>(fileName: string, slots: readonly T[]): T[] {
  return slots
    .map((slot, index) => ({ slot, index, score: fileNameScore(fileName, slot) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ slot }) => slot);
}
