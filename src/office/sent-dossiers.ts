import { InlineKeyboard } from "grammy";
import { sentDossiers } from "../../db/dossiers.js";
import { listOfficeProposedUnits } from "../../db/units.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { formatLocalDateTime } from "../domain/time.js";
import { escapeHtml } from "../html.js";
import { latestRoundOr } from "../nominations/access.js";
import { showPage } from "../paged-view.js";

const DOSSIERS_PER_PAGE = 10;

/** Callback data of page `n` of the Office's /dossier. */
export const sentDossiersData = (page: number) => `pg:dss:${page}`;

/**
 * The Office's /dossier without a unit code: the units it proposes for (it makes their dossier), and the units
 * whose dossier was sent this round, the latest first, one button each.
 */
export async function showSentDossiers(
  deps: Pick<AppDeps, "db" | "campaign" | "clock">,
  ctx: BotContext,
  page: number,
): Promise<void> {
  const round = await latestRoundOr(deps);
  const year = round.ok ? round.round.year : undefined;
  const [own, sent] = await Promise.all([
    listOfficeProposedUnits(deps.db),
    year === undefined ? [] : sentDossiers(deps.db, year),
  ]);
  const header = [ctx.t("ds-office-usage")];
  if (own.length > 0)
    header.push(
      ctx.t("ds-office-own-units", {
        units: own.map((u) => `<code>${escapeHtml(u.code)}</code>`).join(", "),
      }),
    );
  // Before any round there is no dossier to list: the usage and the Office's own units only.
  if (year !== undefined) header.push("", ctx.t("ds-sent-title", { year: String(year), count: sent.length }));
  const zone = deps.campaign.timeZone;
  const lineOf = new Map(
    sent.map((dossier) => [
      `• <b>${escapeHtml(dossier.code)}</b> · ${escapeHtml(dossier.name)} · ${ctx.t(
        dossier.late ? "ds-sent-at-late" : "ds-sent-at",
        { at: formatLocalDateTime(new Date(dossier.submittedAt), zone) },
      )}`,
      dossier,
    ]),
  );
  await showPage(
    ctx,
    {
      header: header.join("\n"),
      lines: sent.length > 0 ? [...lineOf.keys()] : year === undefined ? [] : [ctx.t("ds-sent-none")],
      linesPerPage: DOSSIERS_PER_PAGE,
      pageData: sentDossiersData,
      buttons: (_page, lines) => {
        const keyboard = new InlineKeyboard();
        for (const unit of own) keyboard.text(`📁 ${unit.code} · ${unit.name}`, `ds:u:${unit.id}`).row();
        for (const line of lines) {
          const dossier = lineOf.get(line);
          if (dossier) keyboard.text(`📨 ${dossier.code} · ${dossier.name}`, `ds:u:${dossier.unitId}`).row();
        }
        return keyboard;
      },
    },
    page,
  );
}
