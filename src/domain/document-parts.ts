import type { Campaign } from "../campaign/schema.js";
import type { LocalDate } from "./calendar.js";

// Characters XML 1.0 cannot hold: a document with one would not open in Word.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** User text as it goes into a document: NFC, without characters XML cannot hold. Markup stays plain text. */
export function documentText(text: string): string {
  return text.normalize("NFC").replace(NOT_XML, "");
}

/** Two digits, as documents write a day or a month. */
export const twoDigits = (n: number) => String(n).padStart(2, "0");

/** Where a document is dated "…, ngày … tháng … năm …": the definition's place, or dots to fill in by hand. */
export function documentPlace(campaign: Campaign): string {
  return campaign.documents.place?.normalize("NFC") ?? "……………";
}

/** A day as the heading's "ngày {day} tháng {month} năm {year}". */
export function dateParts(date: LocalDate): { day: string; month: string; year: string } {
  return { day: twoDigits(date.day), month: twoDigits(date.month), year: String(date.year) };
}

/** The heading every document of the movement opens with (Nghị định 30/2020): who issues it, where, when. */
export interface DocumentHeading {
  parentBody: string;
  issuingBody: string;
  place: string;
  day: string;
  month: string;
  year: string;
  movement: string;
}

/** The Sở above the body that issues the document (a unit, the Office), the place and the day, the movement. */
export function documentHeading(campaign: Campaign, issuingBody: string, today: LocalDate): DocumentHeading {
  return {
    parentBody: campaign.organisation.name.vi.normalize("NFC").toLocaleUpperCase("vi"),
    issuingBody: documentText(issuingBody).toLocaleUpperCase("vi"),
    place: documentPlace(campaign),
    ...dateParts(today),
    movement: campaign.title.vi.normalize("NFC"),
  };
}
