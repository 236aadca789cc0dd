/**
 * The HTTP bench's baseline: a bare grammY bot (no database, no conversation, no middleware) that makes the
 * same Bot API calls as ThiĐua bot for each step of `assessmentSteps()`: a typed answer gets the next question
 * (sendMessage); a press gets answerCallbackQuery, the pressed question edited to show the answer
 * (editMessageText) and the next question (sendMessage). Each question carries the button the bench presses
 * next, and text as long as a real question's. Updates run concurrently, one at a time per chat, through
 * grammY's runner, as the real bot's do.
 *
 *   BOT_TOKEN=… BOT_API_ROOT=… node --import tsx test/bench/bare-http-bot.ts
 */
import { run, sequentialize } from "@grammyjs/runner";
import { Bot, type Context, InlineKeyboard } from "grammy";
import { retryLoudly } from "../../src/api-tolerance.js";
import { startBackgroundThread } from "../../src/background-thread.js";
import { asGrammyFetch } from "../../src/http-fetch.js";
import { createLogger } from "../../src/logger.js";
import { assessmentSteps } from "./assessment-script.js";

const token = process.env.BOT_TOKEN ?? "";
const apiRoot = process.env.BOT_API_ROOT ?? "";
const steps = assessmentSteps();
/** About the length of the real bot's questions in this script (its sendMessage texts, measured: ~450). */
const QUESTION = `Câu hỏi ${"Kết quả thực hiện nhiệm vụ cải cách hành chính của cá nhân. ".repeat(7)}`;

// BARE_FETCH=bot: the bot's own transport (its background thread, src/background-thread.ts) instead of
// grammY's node-fetch.
const transport =
  process.env.BARE_FETCH === "bot" ? { fetch: asGrammyFetch(startBackgroundThread().fetch) } : {};
const bot = new Bot(token, { client: { apiRoot, ...transport } });
// A call cut off on the way (a keep-alive connection the emulator closed as it was reused) is made again with
// the real bot's own retry (src/api-tolerance.ts): without it, a reply lost in a long open-loop run left a
// person waiting for good.
bot.api.config.use(retryLoudly(createLogger({ level: "warn", botToken: token })));
bot.catch((error) => console.error(JSON.stringify({ msg: "update failed", error: String(error.error) })));

/** The step each chat is at: the bare bot knows the script, where the real one reads the stored answers. */
const stepOf = new Map<number, number>();

function nextQuestion(ctx: Context) {
  const chat = ctx.chat?.id ?? 0;
  const index = (stepOf.get(chat) ?? 0) + 1;
  stepOf.set(chat, index);
  const following = steps[index];
  const keyboard = new InlineKeyboard();
  if (following?.kind === "press") keyboard.text("Đạt", following.value).text("Chưa đạt", "no");
  return ctx.reply(QUESTION, { parse_mode: "HTML", reply_markup: keyboard });
}

bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
bot.on("message:text", (ctx) => nextQuestion(ctx));
bot.on("callback_query:data", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(`${QUESTION} → ✅ Đạt`, { parse_mode: "HTML" });
  await nextQuestion(ctx);
});

await bot.init();
const runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });
const stop = () => void runner.stop().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
console.log(JSON.stringify({ msg: "bot started" }));
