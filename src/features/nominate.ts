import { Composer } from "grammy";
import { listNominations } from "../../db/nominations.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { nameMatches } from "../domain/names.js";
import { parseNomineeKey } from "../domain/nominations.js";
import { escapeHtml } from "../html.js";
import { headAccess } from "../nominations/access.js";
import { formAt, formName, formsInOrder, nomineeLabel, resultText } from "../nominations/render.js";
import { formScreen, homeScreen, searchScreen } from "../nominations/screens.js";
import {
  candidatesFor,
  loadCandidates,
  loadUnitCandidates,
  propose,
  takeBack,
} from "../nominations/service.js";
import { answerOnce, refuse, showScreen } from "../paged-view.js";
import { viewContext } from "../screen.js";
import { askFor } from "./ask.js";

/**
 * /nominate (unit heads): pick a form, then the unit itself or its people, each shown with their own
 * assessment's result; `/nominate <name>` finds people by name. Every press checks the role again.
 */
export function nominateFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function home(ctx: BotContext) {
    const access = await headAccess(deps, ctx.actor);
    if (!access.ok) return refuse(ctx, access);
    const nominations = await listNominations(deps.db, access.round.year, { unitId: access.unitId });
    await showScreen(ctx, homeScreen(viewContext(deps, ctx), access, nominations));
  }

  async function showForm(ctx: BotContext, formIdx: string, page: number) {
    const access = await headAccess(deps, ctx.actor);
    if (!access.ok) return refuse(ctx, access);
    if (access.readOnly) return refuse(ctx, { ok: false, key: `nm-read-only-${access.readOnly}` });
    if (access.correctionsOnly) return refuse(ctx, { ok: false, key: "nm-corrections-only" });
    const form = formAt(deps.campaign, formIdx);
    if (!form) return refuse(ctx, { ok: false, key: "nm-stale-button" });
    const candidates = await loadCandidates(deps, access, form.id);
    await showScreen(ctx, formScreen(viewContext(deps, ctx), access, form.id, candidates, page));
  }

  async function search(ctx: BotContext, query: string) {
    const access = await headAccess(deps, ctx.actor);
    if (!access.ok) return refuse(ctx, access);
    if (access.readOnly) return refuse(ctx, { ok: false, key: `nm-read-only-${access.readOnly}` });
    if (access.correctionsOnly) return refuse(ctx, { ok: false, key: "nm-corrections-only" });
    const found = [];
    const names = new Set<string>();
    const loaded = await loadUnitCandidates(deps, access);
    for (const form of formsInOrder(deps.campaign)) {
      const { people } = candidatesFor(access, loaded, form.id);
      for (const candidate of people.filter((person) => nameMatches(person.name, query))) {
        found.push({ formId: form.id, candidate });
        names.add(candidate.key);
      }
    }
    await showScreen(ctx, searchScreen(viewContext(deps, ctx), query, found, [...names]));
  }

  feature.command("nominate", async (ctx) => {
    const query = ctx.match.trim();
    if (query) return search(ctx, query);
    return home(ctx);
  });
  feature.callbackQuery("nm:home", home);
  feature.callbackQuery(/^nm:f:(\d+):(\d+)$/, (ctx) =>
    showForm(ctx, ctx.match[1] ?? "", Number(ctx.match[2])),
  );

  feature.callbackQuery(/^nm:a:(\d+):([pu]:\d+)(?::(\d+))?$/, async (ctx) => {
    const form = formAt(deps.campaign, ctx.match[1] ?? "");
    const nominee = parseNomineeKey(ctx.match[2] ?? "");
    if (!form || !nominee) return refuse(ctx, { ok: false, key: "nm-stale-button" });
    const outcome = await propose(deps, ctx.actor, {
      formId: form.id,
      kind: nominee.kind,
      id: nominee.id,
      reason: null,
      updateId: ctx.update.update_id,
    });
    const c = viewContext(deps, ctx);
    if (!outcome.ok && "problem" in outcome) {
      const candidate = outcome.candidate;
      return askFor(
        ctx,
        { kind: "nominate", formId: form.id, nomineeKind: candidate.kind, nomineeId: candidate.id },
        ctx.t("nm-ask-reason", {
          name: nomineeLabel(c.t, { nominee_kind: candidate.kind, nominee_name: candidate.name }),
          form: escapeHtml(formName(deps.campaign, form.id, c.language)),
          result: resultText(c.t, candidate.result, form.id),
        }),
      );
    }
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx, { text: ctx.t("nm-added-toast", { name: outcome.candidate.name }) });
    await showForm(ctx, ctx.match[1] ?? "", Number(ctx.match[3] ?? 0));
  });

  feature.callbackQuery(/^nm:x:(\d+)(?::(\d+))?$/, async (ctx) => {
    const outcome = await takeBack(deps, ctx.actor, Number(ctx.match[1]), ctx.update.update_id);
    if (!outcome.ok) return refuse(ctx, outcome);
    await answerOnce(ctx, { text: ctx.t("nm-taken-back-toast", { name: outcome.name }) });
    const formIdx = deps.campaign.awardForms.findIndex((form) => form.id === outcome.formId);
    await showForm(ctx, String(formIdx), Number(ctx.match[2] ?? 0));
  });
  return feature;
}
