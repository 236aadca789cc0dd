import { updateProfile } from "../db/users.js";
import type { FlowContext } from "../src/context.js";
import type { AppDeps } from "../src/deps.js";
import { normalisePosition } from "../src/domain/names.js";
import { escapeHtml, HTML } from "../src/html.js";
import { askText, type Flow, KEEP_NAME, takeFullName, waitForAnswer } from "./flow.js";

export type ProfileField = "name" | "position";

/** Correcting one's own full name or position, from the buttons of /me. */
export function profileEditFlow(deps: AppDeps) {
  return async function profileEdit(
    conversation: Flow,
    ctx: FlowContext,
    field: ProfileField,
  ): Promise<void> {
    const telegramId = ctx.from?.id;
    if (telegramId === undefined || !ctx.actor?.user) return;
    if (field === "name") {
      await ctx.reply(ctx.t("me-ask-name"), HTML);
      let offered: string | undefined;
      let fullName: string | undefined;
      while (fullName === undefined) {
        const answer = await waitForAnswer(conversation, (pressed) => pressed === KEEP_NAME);
        ({ name: fullName, offered } = await takeFullName(answer, offered));
      }
      await conversation.external(() =>
        updateProfile(deps.db, telegramId, { full_name: fullName }, deps.clock()),
      );
      await ctx.reply(ctx.t("me-updated", { value: escapeHtml(fullName) }), HTML);
    } else {
      const position = await askText(
        conversation,
        ctx,
        ctx.t("me-ask-position"),
        normalisePosition,
        "position-problem",
      );
      await conversation.external(() => updateProfile(deps.db, telegramId, { position }, deps.clock()));
      await ctx.reply(ctx.t("me-updated", { value: escapeHtml(position) }), HTML);
    }
  };
}
