import {
  type Conversation,
  type ConversationData,
  conversations,
  createConversation,
} from "@grammyjs/conversations";
import { Bot, type BotConfig, type BotError, Composer, type MiddlewareFn } from "grammy";
import { assessmentFlow } from "../conversations/assessment.js";
import { INPUT, inputFlow } from "../conversations/input.js";
import { profileEditFlow } from "../conversations/profile-edit.js";
import { registrationFlow } from "../conversations/registration.js";
import { sqliteConversationStorage } from "../db/conversation-storage.js";
import { limitConversationMessages, limitOutgoingMessages } from "./api-limit.js";
import { retryLoudly, treatRepeatsAsDone } from "./api-tolerance.js";
import type { BaseContext, BotContext, FlowContext } from "./context.js";
import type { AppDeps } from "./deps.js";
import { assessmentFeature } from "./features/assessment.js";
import { assessmentReadFeature } from "./features/assessment-read.js";
import { bulkMovesFeature } from "./features/bulk-moves.js";
import { cancelFeature } from "./features/cancel.js";
import { councilFeature } from "./features/council.js";
import { councilDocumentsFeature } from "./features/council-documents.js";
import { councilMeetingFeature } from "./features/council-meeting.js";
import { documentsFeature } from "./features/documents.js";
import { dossierFeature } from "./features/dossier.js";
import { fallbackFeature } from "./features/fallback.js";
import { helpFeature } from "./features/help.js";
import { invitesFeature } from "./features/invites.js";
import { languageFeature } from "./features/language.js";
import { movesFeature } from "./features/moves.js";
import { nominateFeature } from "./features/nominate.js";
import { nominationsFeature } from "./features/nominations.js";
import { planFeature } from "./features/plan.js";
import { PROFILE_EDIT, profileFeature } from "./features/profile.js";
import { profileDetailsFeature } from "./features/profile-details.js";
import { recordFeature } from "./features/record.js";
import { reachableAgain, remindersFeature } from "./features/reminders.js";
import { reopenFeature } from "./features/reopen.js";
import { roundsFeature } from "./features/rounds.js";
import { REGISTRATION, startFeature } from "./features/start.js";
import { statusFeature } from "./features/status.js";
import { unitsFeature } from "./features/units.js";
import { actorMiddleware } from "./middleware/actor.js";
import { refuseHiddenCharacters } from "./middleware/hidden-characters.js";
import { inOrder } from "./middleware/in-order.js";
import { oncePerUpdate } from "./middleware/once-per-update.js";
import { privateScreensOnly } from "./middleware/private-screens.js";
import { RateLimiter } from "./reminders/rate-limit.js";
import { ReminderOutbox } from "./reminders/sender.js";

export interface CreateBotOptions {
  token: string;
  /** Passed to grammY: tests give a fake `fetch` or point `apiRoot` at an emulator. */
  client?: BotConfig<BotContext>["client"];
  /** Tests pass it to skip getMe. */
  botInfo?: BotConfig<BotContext>["botInfo"];
  /** Installed before everything else: the process adds update tracking and the runner's sequentialize. */
  outermost?: MiddlewareFn<BotContext>[];
  /** Sends reminders; the process shares it with its scheduler. Its limiter is the bot's. */
  outbox?: ReminderOutbox;
  /** Every outgoing message waits for its turn here (when no outbox brings one). */
  limiter?: RateLimiter;
}

/**
 * Middleware order (after `outermost`):
 *  1. per-update logger
 *  2. error boundary, around everything below
 *  3. each update id once (Telegram may re-send updates after a crash)
 *  4. who is speaking, then i18n; a private chat that writes is reachable again for reminders; a text with
 *     hidden characters is refused, before anything could store it
 *  5. conversations plugin (state in SQLite, keyed by chat)
 *  6. the flows (they pass on commands and foreign buttons)
 *  7. private-chat screens asked for in a group: a button to the private chat instead
 *  8. commands and buttons
 *  9. fallback (last)
 */
export function createBot(deps: AppDeps, options: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(options.token, { client: options.client, botInfo: options.botInfo });
  // One limiter for replies and reminders alike; the outbox sends its reminders through it as bulk.
  const limiter = options.outbox?.limiter ?? options.limiter ?? new RateLimiter();
  const outbox = options.outbox ?? new ReminderOutbox(deps, limiter);
  // Not @grammyjs/auto-retry: it retries a network error without end, backing off up to an hour, silently.
  const retryFloodsAndFailures = () => retryLoudly(deps.logger);
  bot.api.config.use(limitOutgoingMessages(limiter), retryFloodsAndFailures(), treatRepeatsAsDone);

  const actor = actorMiddleware(deps);
  const i18n = deps.i18n.middleware();
  const logUpdate: MiddlewareFn<BotContext> = async (ctx, next) => {
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id, user_id: ctx.from?.id });
    const started = performance.now();
    await next();
    // What came in and how long it took; never the text people typed.
    const kind = Object.keys(ctx.update).find((key) => key !== "update_id");
    ctx.log.info({ kind, ms: Math.round(performance.now() - started) }, "update handled");
  };

  const apologise = async (error: BotError<BotContext>) => {
    const ctx = error.ctx;
    ctx.log.error({ err: error.error }, "update failed");
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      // ctx.t is missing when the failure came before the i18n middleware (the database is down, say).
      const apology = ctx.t ? ctx.t("error-apology") : deps.i18n.t("vi", "error-apology");
      if (ctx.chat) await ctx.reply(apology);
    } catch (replyError) {
      ctx.log.warn({ err: replyError }, "could not apologise for a failed update");
    }
  };

  // Conversations get their own context and Api: the plugins they need are passed in again, the limiter too.
  const flowPlugins = (conversation: Conversation<BotContext, FlowContext>): MiddlewareFn<FlowContext>[] => [
    async (ctx, next) => {
      ctx.api.config.use(
        limitConversationMessages(limiter, conversation),
        retryFloodsAndFailures(),
        treatRepeatsAsDone,
      );
      await next();
    },
    actor as MiddlewareFn<FlowContext>,
    i18n as MiddlewareFn<FlowContext>,
  ];

  const features = inOrder<BotContext>(
    oncePerUpdate(deps),
    actor,
    i18n,
    reachableAgain(deps),
    refuseHiddenCharacters,
    conversations<BotContext, FlowContext>({
      storage: {
        type: "key",
        adapter: sqliteConversationStorage<ConversationData>(deps.db, deps.clock),
        getStorageKey: (ctx) => ctx.chatId?.toString(),
      },
    }),
    // Flows come before the features that enter them; what a flow does not take passes on to the features.
    // A typed reason or an uploaded document, asked for by a button; parallel, so it may be asked in the
    // middle of another flow, and first, so that the answer reaches it before that flow.
    createConversation<BotContext, FlowContext>(inputFlow({ ...deps, outbox }), {
      id: INPUT,
      plugins: flowPlugins,
      parallel: true,
      // A question left unanswered for half an hour is dropped, so a message much later is not taken for it.
      maxMillisecondsToWait: 30 * 60 * 1000,
    }),
    createConversation<BotContext, FlowContext>(registrationFlow(deps), {
      id: REGISTRATION,
      plugins: flowPlugins,
    }),
    createConversation<BotContext, FlowContext>(profileEditFlow(deps), {
      id: PROFILE_EDIT,
      plugins: flowPlugins,
    }),
    // The self-assessment answers: not a conversation, but after them, so that a flow waiting takes its answer.
    assessmentFlow(deps),
    // Before every command whose screen belongs in a private chat: in a group they get a button to it instead.
    privateScreensOnly,
    // Before any other /council handler: it answers meet, count, close and minutes, and passes on the rest.
    councilMeetingFeature({ ...deps, outbox }),
    cancelFeature(deps),
    helpFeature(deps.campaign),
    planFeature(deps),
    languageFeature(deps),
    startFeature(deps, outbox),
    movesFeature(deps, outbox),
    profileFeature(deps, outbox),
    profileDetailsFeature(deps),
    assessmentFeature(deps),
    assessmentReadFeature(deps),
    unitsFeature(deps),
    invitesFeature(deps),
    roundsFeature(deps, outbox),
    reopenFeature(deps, outbox),
    nominateFeature(deps, outbox),
    dossierFeature(deps, outbox),
    statusFeature(deps),
    nominationsFeature(deps, outbox),
    bulkMovesFeature(deps, outbox),
    recordFeature(deps, outbox),
    documentsFeature(deps),
    councilDocumentsFeature(deps),
    councilFeature(deps, outbox),
    remindersFeature(deps, outbox),
    // must be the last handler
    fallbackFeature(deps),
  );

  // One `use` and flat lists (see `inOrder`): every update goes through this chain.
  const guarded = new Composer<BotContext>();
  guarded.errorBoundary(apologise, features);
  bot.use(inOrder(...(options.outermost ?? []), logUpdate, guarded));

  bot.catch((error) => deps.logger.error({ err: error.error }, "unhandled error outside the error boundary"));
  return bot;
}

export type { BaseContext };
