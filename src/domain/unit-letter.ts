import type { Campaign } from "../campaign/schema.js";
import { NO_DATA } from "./achievement-report.js";
import type { LocalDate } from "./calendar.js";
import { type DocumentHeading, documentHeading, documentText, twoDigits } from "./document-parts.js";

/** One nomination of the unit, as the Tờ trình lists it. */
export interface LetterNomination {
  formId: string;
  nomineeKind: "individual" | "collective";
  nomineeName: string;
  /** The nominee's position (chức vụ), for a person still registered. */
  position?: string | undefined;
  eligible: boolean;
  /** The assessment as the head saw it when proposing: JSON {met, total, progress}. */
  resultSummary: string;
  /** The head's reason, given where the answers do not meet every criterion. */
  reason: string | null;
}

export interface LetterSource {
  campaign: Campaign;
  roundYear: number;
  unit: { code: string; name: string };
  headName?: string | undefined;
  /** The unit's nominations still standing, in the order the dossier lists them. */
  nominations: readonly LetterNomination[];
  today: LocalDate;
}

export interface LetterNominee {
  label: string;
  result: string;
  /** Whether the head gave a reason (the answers do not meet every criterion). */
  hasReason: boolean;
  reason: string;
}

export interface LetterGroup {
  heading: string;
  nominees: LetterNominee[];
}

export interface LetterForm {
  number: string;
  name: string;
  groups: LetterGroup[];
}

/** The data the unit's Tờ trình template is filled with; its keys are the template's placeholders. */
export interface UnitLetterData extends DocumentHeading {
  recipient: string;
  organisation: string;
  office: string;
  roundYear: string;
  unitName: string;
  forms: LetterForm[];
  noNominations: string;
  collectiveCount: string;
  individualCount: string;
  headName: string;
}

type LetterPlaceholder =
  | Exclude<keyof UnitLetterData, "forms">
  | `forms.${Exclude<keyof LetterForm, "groups">}`
  | `forms.groups.${Exclude<keyof LetterGroup, "nominees">}`
  | `forms.groups.nominees.${keyof LetterNominee}`
  // The reason stands inside the {#hasReason} condition.
  | `forms.groups.nominees.hasReason.${"reason" & keyof LetterNominee}`;

/** The placeholders the Tờ trình's generator fills ("forms.groups.nominees.label": nested loops). */
export const UNIT_LETTER_PLACEHOLDERS = [
  "parentBody",
  "issuingBody",
  "place",
  "day",
  "month",
  "year",
  "recipient",
  "organisation",
  "movement",
  "roundYear",
  "unitName",
  "forms.number",
  "forms.name",
  "forms.groups.heading",
  "forms.groups.nominees.label",
  "forms.groups.nominees.result",
  "forms.groups.nominees.hasReason",
  "forms.groups.nominees.hasReason.reason",
  "noNominations",
  "collectiveCount",
  "individualCount",
  "office",
  "headName",
] as const satisfies readonly LetterPlaceholder[];

/** "Đáp ứng 4/6 tiêu chí thi đua": the assessment as it stood when the head proposed the nominee. */
export function storedResult(resultSummary: string): string {
  try {
    const r = JSON.parse(resultSummary) as { met?: number; total?: number; progress?: string };
    if (r.progress === "submitted" && typeof r.met === "number" && typeof r.total === "number")
      return `đáp ứng ${r.met}/${r.total} tiêu chí thi đua`;
    if (r.progress === "in_progress") return "chưa hoàn thành tự đánh giá";
    if (r.progress === "not_started") return "chưa tự đánh giá";
  } catch {
    // A summary that cannot be read is reported as unknown.
  }
  return NO_DATA;
}

function nominee(n: LetterNomination): LetterNominee {
  const name = documentText(n.nomineeName);
  const position = n.position?.trim();
  const reason = n.reason?.trim();
  return {
    label: n.nomineeKind === "individual" && position ? `${name}, ${documentText(position)}` : name,
    result: `Kết quả tự đánh giá khi đề nghị: ${storedResult(n.resultSummary)}.`,
    hasReason: !n.eligible,
    reason: reason ? documentText(reason) : NO_DATA,
  };
}

const LETTERS = ["a", "b", "c"];

/**
 * The unit's Tờ trình đề nghị khen thưởng, as data for its template: its nominees form by form (the highest
 * first, as the campaign lists them), the collective before the people, each with the assessment behind it and,
 * where the answers do not meet every criterion, the head's reason.
 */
export function unitLetterData(source: LetterSource): UnitLetterData {
  const { campaign, nominations } = source;
  const forms = campaign.awardForms.flatMap((form) => {
    const ofForm = nominations.filter((n) => n.formId === form.id);
    const kinds = [
      { label: "Tập thể", items: ofForm.filter((n) => n.nomineeKind === "collective") },
      { label: "Cá nhân", items: ofForm.filter((n) => n.nomineeKind === "individual") },
    ].filter((kind) => kind.items.length > 0);
    if (kinds.length === 0) return [];
    return [
      {
        name: form.name.vi.normalize("NFC"),
        groups: kinds.map((kind, index) => ({
          heading: `${LETTERS[index]}) ${kind.label}: ${twoDigits(kind.items.length)}`,
          nominees: kind.items.map(nominee),
        })),
      },
    ];
  });
  const count = (kind: "individual" | "collective") =>
    twoDigits(nominations.filter((n) => n.nomineeKind === kind).length);
  const organisation = campaign.organisation.name.vi.normalize("NFC");
  return {
    ...documentHeading(campaign, source.unit.name, source.today),
    recipient: (campaign.documents.recipient ?? campaign.organisation.office.vi).normalize("NFC"),
    organisation,
    office: campaign.organisation.office.vi.normalize("NFC"),
    roundYear: String(source.roundYear),
    unitName: documentText(source.unit.name),
    forms: forms.map((form, index) => ({ number: String(index + 1), ...form })),
    noNominations: "Đơn vị chưa có đề nghị khen thưởng nào.",
    collectiveCount: count("collective"),
    individualCount: count("individual"),
    headName: source.headName?.trim() ? documentText(source.headName.trim()) : NO_DATA,
  };
}
