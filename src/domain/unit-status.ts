import type { AwardForm } from "../campaign/schema.js";
import {
  type DossierDocument,
  missingDocuments,
  type NominationStatus,
  type NomineeKind,
} from "./nominations.js";
import { isStanding } from "./routes.js";

export type Progress = "not_started" | "in_progress" | "submitted";
export type DossierState = "not_started" | "open" | "submitted" | "returned";

/** What the database knows of one unit in a round, as plain data. */
export interface UnitRoundFacts {
  people: ReadonlyArray<{ telegramId: number; fullName: string; assessment: Progress }>;
  unitAssessment: Progress;
  nominations: ReadonlyArray<{
    formId: string;
    nomineeKind: NomineeKind;
    /** The nomination's documents' key (`reportKey`). */
    reportKey: string;
    nomineeName: string;
    status: NominationStatus;
  }>;
  uploaded: ReadonlyArray<{ documentId: string; documentKey: string | null }>;
  dossier: { status: "open" | "submitted" | "returned"; late: boolean; returnReason: string | null } | null;
}

/**
 * A unit's people as the database counts them: how many, how many submitted their self-assessment, and who
 * did not, by name (only the first few when the database was asked for a few).
 */
export interface PeopleCount {
  total: number;
  submitted: number;
  notSubmitted: ReadonlyArray<{ telegramId: number; fullName: string }>;
}

/** A unit's facts with its people counted rather than listed, for the views of every unit at once. */
export interface UnitRoundSummary extends Omit<UnitRoundFacts, "people"> {
  people: PeopleCount;
}

/** Counts a unit's listed people, keeping their order. */
export function countPeople(people: UnitRoundFacts["people"]): PeopleCount {
  const notSubmitted = people
    .filter((person) => person.assessment !== "submitted")
    .map(({ telegramId, fullName }) => ({ telegramId, fullName }));
  return { total: people.length, submitted: people.length - notSubmitted.length, notSubmitted };
}

export interface FormCount {
  formId: string;
  collective: number;
  individual: number;
}

export interface MissingDocumentOf {
  documentId: string;
  documentKey: string | null;
  /** Whose report it is; null for the unit's own document. */
  nomineeName: string | null;
  /** The report is the unit's own, as a collective nominee. */
  collective: boolean;
  /** The award form of the nomination the report is for; null for the unit's own document. */
  formId: string | null;
}

export interface UnitStatus {
  peopleSubmitted: number;
  peopleTotal: number;
  /** By name; from a summary, only its first few (`peopleTotal - peopleSubmitted` is how many there are). */
  peopleNotSubmitted: Array<{ telegramId: number; fullName: string }>;
  unitAssessment: Progress;
  /** Standing nominations (not rejected or withdrawn), per award form. */
  nominationsByForm: FormCount[];
  nominationCount: number;
  documentsRequired: number;
  documentsUploaded: number;
  missingDocuments: MissingDocumentOf[];
  dossier: DossierState;
  returnReason: string | null;
  /** First submitted after the deadline, or still not submitted once it passed (not while being corrected). */
  late: boolean;
  complete: boolean;
}

/** A unit's state for /status, /pending and the reminders, from its facts. */
export function unitStatus(
  facts: UnitRoundFacts | UnitRoundSummary,
  campaign: { awardForms: readonly Pick<AwardForm, "id">[]; documents: readonly DossierDocument[] },
  pastDeadline: boolean,
): UnitStatus {
  const standing = facts.nominations.filter((n) => isStanding(n.status));
  const byReport = new Map(standing.map((n) => [n.reportKey, n]));
  const required = missingDocuments(campaign.documents, [...byReport.keys()], []);
  const missing = missingDocuments(campaign.documents, [...byReport.keys()], facts.uploaded).map((doc) => {
    const nomination = doc.documentKey === null ? undefined : byReport.get(doc.documentKey);
    return {
      ...doc,
      nomineeName: nomination?.nomineeName ?? null,
      collective: nomination?.nomineeKind === "collective",
      formId: nomination?.formId ?? null,
    };
  });
  const people = "total" in facts.people ? facts.people : countPeople(facts.people);
  const dossier: DossierState = facts.dossier?.status ?? "not_started";
  const submitted = dossier === "submitted";
  return {
    peopleSubmitted: people.submitted,
    peopleTotal: people.total,
    peopleNotSubmitted: [...people.notSubmitted],
    unitAssessment: facts.unitAssessment,
    nominationsByForm: campaign.awardForms.map((form) => ({
      formId: form.id,
      collective: standing.filter((n) => n.formId === form.id && n.nomineeKind === "collective").length,
      individual: standing.filter((n) => n.formId === form.id && n.nomineeKind === "individual").length,
    })),
    nominationCount: standing.length,
    documentsRequired: required.length,
    documentsUploaded: required.length - missing.length,
    missingDocuments: missing,
    dossier,
    returnReason: dossier === "returned" ? (facts.dossier?.returnReason ?? null) : null,
    // A dossier the Office sent back is being corrected at its request: not overdue, whatever the date.
    late: submitted || dossier === "returned" ? (facts.dossier?.late ?? false) : pastDeadline,
    complete:
      people.submitted === people.total &&
      facts.unitAssessment === "submitted" &&
      submitted &&
      missing.length === 0,
  };
}

export type PendingItem =
  /** `names`: who has not submitted, by name; all of them, or the first few of `missing`. */
  | { kind: "people"; missing: number; total: number; names: string[] }
  | { kind: "unit_assessment"; progress: Progress }
  | { kind: "nominations" }
  /** `collective` is set (true) when the report is the unit's own, as a collective nominee. */
  | {
      kind: "document";
      documentId: string;
      nomineeName: string | null;
      formId: string | null;
      collective?: true;
    }
  | { kind: "dossier"; state: DossierState; returnReason: string | null };

/** Only what the unit still has to do, in the order it usually does it. */
export function pendingItems(status: UnitStatus): PendingItem[] {
  const items: PendingItem[] = [];
  const missing = status.peopleTotal - status.peopleSubmitted;
  if (missing > 0)
    items.push({
      kind: "people",
      missing,
      total: status.peopleTotal,
      names: status.peopleNotSubmitted.map((person) => person.fullName),
    });
  if (status.unitAssessment !== "submitted")
    items.push({ kind: "unit_assessment", progress: status.unitAssessment });
  if (status.dossier !== "submitted") {
    if (status.nominationCount === 0) items.push({ kind: "nominations" });
    for (const doc of status.missingDocuments)
      items.push({
        kind: "document",
        documentId: doc.documentId,
        nomineeName: doc.nomineeName,
        formId: doc.formId,
        ...(doc.collective ? { collective: true as const } : {}),
      });
    items.push({ kind: "dossier", state: status.dossier, returnReason: status.returnReason });
  }
  return items;
}
