import { Composer } from "grammy";
import { seedSampleUnits } from "../../db/sample-units.js";
import {
  addUnit,
  findUnitByCode,
  listUnits,
  renameUnit,
  setOfficeProposes,
  setUnitArchived,
} from "../../db/units.js";
import type { BotContext } from "../context.js";
import type { AppDeps } from "../deps.js";
import { normaliseUnitCode, normaliseUnitName } from "../domain/units.js";
import { echoArgument, escapeHtml, HTML } from "../html.js";
import { officeOnly } from "../middleware/actor.js";
import { replyPaged } from "../paging.js";

/**
 * /units, /units add CODE NAME, /units rename CODE NAME, /units archive CODE, /units restore CODE,
 * /units office CODE [off] (the Office proposes the unit and its people: the Ban Giám đốc, the Văn phòng Sở).
 */
export function unitsFeature(deps: AppDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("units", officeOnly, async (ctx) => {
    const [action = "", code = "", ...rest] = ctx.match.trim().split(/\s+/);
    const name = rest.join(" ");
    switch (action.toLowerCase()) {
      case "":
        return listAll(ctx);
      case "add":
        return add(ctx, code, name);
      case "rename":
        return rename(ctx, code, name);
      case "sample":
        return addSamples(ctx);
      case "archive":
      case "restore":
        return archive(ctx, code, action.toLowerCase() === "archive");
      case "office":
        if (rest.length > 1 || (rest[0] !== undefined && rest[0].toLowerCase() !== "off"))
          return ctx.reply(ctx.t("units-usage"), HTML);
        return officeProposes(ctx, code, rest[0] === undefined);
      default:
        await ctx.reply(ctx.t("units-usage"), HTML);
    }
  });

  async function listAll(ctx: BotContext) {
    const units = await listUnits(deps.db, { includeArchived: true });
    if (units.length === 0) {
      await ctx.reply(ctx.t("units-empty"), HTML);
      return;
    }
    const lines = units.map((unit) =>
      ctx.t(unit.archived_at ? "units-line-archived" : "units-line", {
        code: escapeHtml(unit.code),
        name: escapeHtml(unit.name),
        members: unit.members,
        sample: unit.is_sample ? ctx.t("units-sample-mark") : "",
        office: unit.office_proposes ? ctx.t("units-office-mark") : "",
      }),
    );
    const hasSample = units.some((unit) => unit.is_sample);
    const byOffice = units.filter((unit) => unit.office_proposes && !unit.archived_at);
    const notes = [
      ctx.t("units-office-note", {
        count: byOffice.length,
        codes: byOffice.map((unit) => `<code>${escapeHtml(unit.code)}</code>`).join(", "),
      }),
      hasSample ? ctx.t("units-sample-note") : "",
    ];
    await replyPaged(
      ctx,
      ctx.t("units-header", { count: units.length }),
      lines,
      notes.filter(Boolean).join("\n"),
    );
  }

  /** Whether the Office proposes the unit and its people (no unit head above them), or its head does. */
  async function officeProposes(ctx: BotContext, rawCode: string, on: boolean) {
    const unit = await findUnitByCode(deps.db, rawCode);
    if (!unit) {
      await ctx.reply(ctx.t("units-not-found", { code: echoArgument(rawCode || "?") }), HTML);
      return;
    }
    await setOfficeProposes(deps.db, unit.id, on);
    await ctx.reply(
      ctx.t(on ? "units-office-on" : "units-office-off", {
        code: escapeHtml(unit.code),
        name: escapeHtml(unit.name),
      }),
      HTML,
    );
  }

  async function addSamples(ctx: BotContext) {
    const added = await seedSampleUnits(deps.db, deps.clock());
    await ctx.reply(
      ctx.t("units-sample-added", { count: added.length, codes: added.join(", ") || "—" }),
      HTML,
    );
  }

  async function add(ctx: BotContext, rawCode: string, rawName: string) {
    const code = normaliseUnitCode(rawCode);
    const name = normaliseUnitName(rawName);
    if (!code.ok || !name.ok) {
      const problems = [...(code.ok ? [] : ["units-bad-code"]), ...(name.ok ? [] : ["units-bad-name"])];
      await ctx.reply(problems.map((key) => ctx.t(key)).join("\n"), HTML);
      return;
    }
    const added = await addUnit(deps.db, { code: code.value, name: name.value }, deps.clock());
    if (!added) {
      await ctx.reply(ctx.t("units-code-taken", { code: escapeHtml(code.value) }), HTML);
      return;
    }
    await ctx.reply(
      ctx.t("units-added", { code: escapeHtml(added.code), name: escapeHtml(added.name) }),
      HTML,
    );
  }

  async function rename(ctx: BotContext, rawCode: string, rawName: string) {
    const unit = await findUnitByCode(deps.db, rawCode);
    const name = normaliseUnitName(rawName);
    if (!unit) {
      await ctx.reply(ctx.t("units-not-found", { code: echoArgument(rawCode || "?") }), HTML);
      return;
    }
    if (!name.ok) {
      await ctx.reply(ctx.t("units-bad-name"), HTML);
      return;
    }
    await renameUnit(deps.db, unit.id, name.value);
    await ctx.reply(
      ctx.t("units-renamed", {
        code: escapeHtml(unit.code),
        old: escapeHtml(unit.name),
        name: escapeHtml(name.value),
      }),
      HTML,
    );
  }

  async function archive(ctx: BotContext, rawCode: string, archiving: boolean) {
    const unit = await findUnitByCode(deps.db, rawCode);
    if (!unit) {
      await ctx.reply(ctx.t("units-not-found", { code: echoArgument(rawCode || "?") }), HTML);
      return;
    }
    await setUnitArchived(deps.db, unit.id, archiving ? deps.clock() : null);
    await ctx.reply(
      ctx.t(archiving ? "units-archived" : "units-restored", { code: escapeHtml(unit.code) }),
      HTML,
    );
  }

  return feature;
}
