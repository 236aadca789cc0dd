import type { NominationStatus, NomineeKind } from "./nominations.js";
import { isStanding } from "./routes.js";

/** What a dossier held when it was sent: its nominations and the current version of each document. */
export interface DossierSnapshot {
  nominations: Array<{
    id: number;
    name: string;
    kind: NomineeKind;
    formId: string;
    status: NominationStatus;
  }>;
  files: Array<{
    documentId: string;
    /** "" for the unit's own document, else the nomination's report key. */
    documentKey: string;
    version: number;
    fileName: string | null;
  }>;
}

export interface ReplacedDocument {
  documentId: string;
  /** The nomination the document belongs to; null for the unit's own. */
  nominationId: number | null;
  oldName: string | null;
  newName: string | null;
}

/** What a resubmission changed since the dossier was last sent. */
export interface DossierChanges {
  added: DossierSnapshot["nominations"];
  withdrawn: DossierSnapshot["nominations"];
  /** Returned by the Office since the last sending, and sent again. */
  corrected: DossierSnapshot["nominations"];
  replaced: ReplacedDocument[];
}

/**
 * Compares a sending with the one before. `corrected` names the nominations that came back from "returned" in
 * this sending (the history knows; the snapshots, both taken at a sending, cannot tell).
 */
export function dossierChanges(
  previous: DossierSnapshot,
  current: DossierSnapshot,
  corrected: readonly number[],
  reportKeyOf: (nominationId: number) => string,
): DossierChanges {
  const before = new Map(previous.nominations.map((n) => [n.id, n]));
  const now = new Map(current.nominations.map((n) => [n.id, n]));
  const proposed = (n: { status: NominationStatus } | undefined) =>
    n !== undefined && n.status !== "draft" && isStanding(n.status);
  const nominationOfKey = new Map(current.nominations.map((n) => [reportKeyOf(n.id), n.id]));
  const fileOf = (snapshot: DossierSnapshot, documentId: string, documentKey: string) =>
    snapshot.files.find((f) => f.documentId === documentId && f.documentKey === documentKey);
  return {
    added: current.nominations.filter((n) => proposed(n) && !proposed(before.get(n.id))),
    // Withdrawn by the unit; one the Office rejected since is the Office's own doing, not a change to tell it of.
    withdrawn: previous.nominations.filter((n) => proposed(n) && now.get(n.id)?.status === "withdrawn"),
    corrected: current.nominations.filter((n) => corrected.includes(n.id) && proposed(before.get(n.id))),
    replaced: current.files.flatMap((file): ReplacedDocument[] => {
      const old = fileOf(previous, file.documentId, file.documentKey);
      if (!old || old.version === file.version) return [];
      return [
        {
          documentId: file.documentId,
          nominationId: file.documentKey === "" ? null : (nominationOfKey.get(file.documentKey) ?? null),
          oldName: old.fileName,
          newName: file.fileName,
        },
      ];
    }),
  };
}

export function hasChanges(changes: DossierChanges): boolean {
  return (
    changes.added.length + changes.withdrawn.length + changes.corrected.length + changes.replaced.length > 0
  );
}
