import { Composer } from "grammy";
import { INPUT } from "../../conversations/input.js";
import { listNominations } from "../../db/nominations.js";
import { findUnitByCode, listOfficeProposedUnits } from "../../db/units.js";
import type { AwardForm } from "../campaign/schema.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { nameMatches } from "../domain/names.js";
import { parseNomineeKey } from "../domain/nominations.js";
import { askNomineeReport } from "../dossier/nominee-report.js";
import { offerNextFile } from "../dossier/offer.js";
import { loadDossier } from "../dossier/service.js";
import { escapeHtml, HTML } from "../html.js";
import { type ProposerAccess, proposerAccess, type Refusal, unitRef } from "../nominations/access.js";
import { sendSoon } from "../nominations/notices.js";
import { formAt, formName, formsInOrder, nomineeLabel, resultText } from "../nominations/render.js";
import { formScreen, homeScreen, officeUnitsScreen, searchScreen } from "../nominations/screens.js";
import {
  type Candidate,
  candidatesFor,
  loadCandidates,
  loadUnitCandidates,
  propose,
  takeBack,
} from "../nominations/service.js";
import { answerOnce, refuse, showScreen } from "../paged-view.js";
import type { ReminderOutbox } from "../reminders/sender.js";
import { viewContext } from "../screen.js";
import { askFor } from "./ask.js";
import { askNomineeDetails } from "./profile-details.js";

/** The unit a button acts for: "@<unit id>" ends the buttons the Office presses for a unit it proposes. */
const UNIT = "(?:@(\\d+))?$";
const unitOf = (part: string | undefined): number | undefined => (part ? Number(part) : undefined);

/**
 * /nominate: the proposer lands on the first form (the overview of every form, `nm:home`, once the unit can no
 * longer propose) and picks the unit itself or its people, each shown with their own assessment's result; once
 * someone is proposed, the form's screen also takes the dossier's next missing file. `/nominate <name>` finds
 * people by name. The proposer is the unit's head, or the Office for the units it proposes (the Ban Giám đốc,
 * the Văn phòng Sở: `/units office`), which it picks from buttons or by `/nominate <unit code>`. Every press
 * checks the role and the unit again.
 */
export function nominateFeature(deps: AppDeps, outbox: ReminderOutbox): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** Who may change the unit's nominations now: refused when the round is closed, sent or past the deadline. */
  function openRefusal(access: ProposerAccess): Refusal | null {
    if (access.readOnly) return { ok: false, key: `nm-read-only-${access.readOnly}` };
    if (access.correctionsOnly) return { ok: false, key: "nm-corrections-only" };
    return null;
  }

  async function officeUnits(ctx: BotContext) {
    if (ctx.actor?.role !== "office") return refuse(ctx, { ok: false, key: "office-only" });
    const units = await listOfficeProposedUnits(deps.db);
    await showScreen(ctx, officeUnitsScreen(viewContext(deps, ctx), units));
  }

  async function home(ctx: BotContext, unitId?: number) {
    const access = await proposerAccess(deps, ctx.actor, unitId);
    if (!access.ok) return refuse(ctx, access);
    await showHome(ctx, access);
  }

  async function showHome(ctx: BotContext, access: ProposerAccess) {
    const nominations = await listNominations(deps.db, access.round.year, { unitId: access.unitId });
    await showScreen(ctx, homeScreen(viewContext(deps, ctx), access, nominations));
  }

  /**
   * Where /nominate opens: the first form, ready to propose, while the unit can change its nominations; else
   * the overview, which says why it cannot.
   */
  async function open(ctx: BotContext, unitId?: number) {
    const access = await proposerAccess(deps, ctx.actor, unitId);
    if (!access.ok) return refuse(ctx, access);
    const first = formsInOrder(deps.campaign)[0];
    if (openRefusal(access) || !first) return showHome(ctx, access);
    return showFormOf(ctx, access, first, 0);
  }

  async function showForm(ctx: BotContext, formIdx: string, page: number, unitId?: number) {
    const access = await proposerAccess(deps, ctx.actor, unitId);
    if (!access.ok) return refuse(ctx, access);
    const closed = openRefusal(access);
    if (closed) return refuse(ctx, closed);
    const form = formAt(deps.campaign, formIdx);
    if (!form) return refuse(ctx, { ok: false, key: "nm-stale-button" });
    return showFormOf(ctx, access, form, page);
  }

  /** The form's screen for a proposer who may change the unit's nominations now. */
  async function showFormOf(ctx: BotContext, access: ProposerAccess, form: AwardForm, page: number) {
    const [candidates, dossier] = await Promise.all([
      loadCandidates(deps, access, form.id),
      loadDossier(deps, access),
    ]);
    const c = viewContext(deps, ctx);
    // Once something is proposed, the dossier's next missing file may just be sent here: no tap on 📁 first.
    const offer = offerNextFile(c, { ...dossier, access });
    const screen = formScreen(c, access, form.id, candidates, page, {
      nominations: dossier.nominations,
      ...(offer ? { offer: offer.line } : {}),
      dossierComplete: dossier.nominations.length > 0 && dossier.missing.length === 0,
    });
    if (!offer) return showScreen(ctx, screen);
    // The question the screen names replaces any asked before; it is open only once the screen shows it.
    await ctx.conversation.exit(INPUT);
    await showScreen(ctx, screen);
    await ctx.conversation.enter(INPUT, offer.ask);
  }

  /** People by name: in a head's unit, or in every unit the Office proposes. */
  async function search(ctx: BotContext, query: string) {
    const office = ctx.actor?.role === "office";
    const accesses = office
      ? await Promise.all(
          (await listOfficeProposedUnits(deps.db)).map((unit) => proposerAccess(deps, ctx.actor, unit.id)),
        )
      : [await proposerAccess(deps, ctx.actor)];
    // Nowhere to propose (no round, not a proposer, past the deadline): say why, as the first unit's refusal.
    const granted = accesses.filter((a): a is ProposerAccess => a.ok);
    const open = granted.filter((a) => openRefusal(a) === null);
    const first = accesses[0];
    if (first && !first.ok && granted.length === 0) return refuse(ctx, first);
    const closed = open.length === 0 && granted[0] ? openRefusal(granted[0]) : null;
    if (closed) return refuse(ctx, closed);
    const found: Array<{ formId: string; candidate: Candidate; ref: string }> = [];
    const names = new Set<string>();
    for (const access of open) {
      const loaded = await loadUnitCandidates(deps, access);
      for (const form of formsInOrder(deps.campaign)) {
        const { people } = candidatesFor(access, loaded, form.id);
        for (const candidate of people.filter((person) => nameMatches(person.name, query))) {
          found.push({ formId: form.id, candidate, ref: unitRef(access) });
          names.add(candidate.key);
        }
      }
    }
    await showScreen(
      ctx,
      searchScreen(viewContext(deps, ctx), query, found, [...names], office ? "nm:units" : "nm:home"),
    );
  }

  feature.command("nominate", async (ctx) => {
    const query = ctx.match.trim();
    if (ctx.actor?.role === "office") {
      if (!query) return officeUnits(ctx);
      // A unit's code opens that unit (refused, and said why, where its head proposes); else a name.
      const unit = await findUnitByCode(deps.db, query);
      if (unit) return open(ctx, unit.id);
    }
    if (query) return search(ctx, query);
    return open(ctx);
  });
  feature.callbackQuery("nm:units", officeUnits);
  feature.callbackQuery(new RegExp(`^nm:open${UNIT}`), (ctx) => open(ctx, unitOf(ctx.match[1])));
  feature.callbackQuery(new RegExp(`^nm:home${UNIT}`), (ctx) => home(ctx, unitOf(ctx.match[1])));
  feature.callbackQuery(new RegExp(`^nm:f:(\\d+):(\\d+)${UNIT}`), (ctx) =>
    showForm(ctx, ctx.match[1] ?? "", Number(ctx.match[2]), unitOf(ctx.match[3])),
  );

  feature.callbackQuery(new RegExp(`^nm:a:(\\d+):([pu]:\\d+)(?::(\\d+))?${UNIT}`), async (ctx) => {
    const form = formAt(deps.campaign, ctx.match[1] ?? "");
    const nominee = parseNomineeKey(ctx.match[2] ?? "");
    const unitId = unitOf(ctx.match[4]);
    if (!form || !nominee) return refuse(ctx, { ok: false, key: "nm-stale-button" });
    const outcome = await propose(deps, ctx.actor, {
      formId: form.id,
      kind: nominee.kind,
      id: nominee.id,
      reason: null,
      updateId: ctx.update.update_id,
      unitId,
    });
    const c = viewContext(deps, ctx);
    if (!outcome.ok && "problem" in outcome) {
      const candidate = outcome.candidate;
      return askFor(
        ctx,
        {
          kind: "nominate",
          formId: form.id,
          nomineeKind: candidate.kind,
          nomineeId: candidate.id,
          ...(unitId === undefined ? {} : { unitId }),
        },
        ctx.t("nm-ask-reason", {
          name: nomineeLabel(c.t, { nominee_kind: candidate.kind, nominee_name: candidate.name }),
          form: escapeHtml(formName(deps.campaign, form.id, c.language)),
          result: resultText(c.t, candidate.result, form.id),
        }),
      );
    }
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx, { text: ctx.t("nm-added-toast", { name: outcome.candidate.name }) });
    // What the Báo cáo thành tích needs and the profile lacks: asked of the nominee, offered to the proposer.
    const details = await askNomineeDetails({ ...deps, outbox }, ctx, outcome.nomination);
    // The nominee is asked for their own Báo cáo thành tích; the head may still upload it.
    if (await askNomineeReport(deps, outcome.nomination, ctx.actor?.telegramId)) sendSoon(outbox, ctx.api);
    if (details) await ctx.reply(details.text, { ...HTML, reply_markup: details.keyboard });
    await showForm(ctx, ctx.match[1] ?? "", Number(ctx.match[3] ?? 0), unitId);
  });

  feature.callbackQuery(new RegExp(`^nm:x:(\\d+)(?::(\\d+))?${UNIT}`), async (ctx) => {
    const unitId = unitOf(ctx.match[3]);
    const outcome = await takeBack(deps, ctx.actor, Number(ctx.match[1]), ctx.update.update_id, unitId);
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx, { text: ctx.t("nm-taken-back-toast", { name: outcome.name }) });
    const formIdx = deps.campaign.awardForms.findIndex((form) => form.id === outcome.formId);
    await showForm(ctx, String(formIdx), Number(ctx.match[2] ?? 0), unitId);
  });
  return feature;
}
