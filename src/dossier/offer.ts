import { FILE_SIZE_MB } from "../domain/evidence.js";
import type { Ask } from "../input-answers.js";
import type { ProposerAccess } from "../nominations/access.js";
import type { ViewContext } from "../screen.js";
import type { DossierState } from "./service.js";
import { nextMissing } from "./view.js";

/** A file the proposer may just send where they are, with no tap on the dossier first. */
export interface FileOffer {
  /** The line that names it, on the screen that offers it. */
  line: string;
  /** The open question that takes the next file sent as that document. */
  ask: Extract<Ask, { kind: "upload" }>;
}

/**
 * The dossier's next missing file, offered on a screen other than the dossier's (the form screen of
 * /nominate, the reply to a reason): a proposer who has nominated someone just sends it. None while nothing is
 * proposed, nothing the unit may upload is missing, or the dossier cannot change.
 */
export function offerNextFile(
  c: ViewContext,
  state: DossierState & { access: ProposerAccess },
): FileOffer | undefined {
  if (state.nominations.length === 0) return undefined;
  const next = nextMissing(c, state);
  if (!next) return undefined;
  const unitId = state.access.by === "office" ? state.access.unitId : undefined;
  return {
    line: c.t("ds-offer-file", { document: next.label, size: FILE_SIZE_MB }),
    ask: {
      kind: "upload",
      documentId: next.documentId,
      documentKey: next.documentKey,
      chained: true,
      offered: true,
      ...(unitId === undefined ? {} : { unitId }),
    },
  };
}
