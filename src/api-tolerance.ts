import type { Transformer } from "grammy";

/**
 * Two refusals that mean "already done", which happen when an update is handled a second time (Telegram
 * re-sends it after a crash) or a button is pressed twice: answering a callback query again ("query is too
 * old") and removing a keyboard that is already gone ("message is not modified"). Neither should break a flow.
 */
export const treatRepeatsAsDone: Transformer = async (prev, method, payload, signal) => {
  const response = await prev(method, payload, signal);
  if (response.ok || response.error_code !== 400) return response;
  const repeatedAnswer =
    method === "answerCallbackQuery" && /query is too old|query ID is invalid/.test(response.description);
  const keyboardGone =
    method === "editMessageReplyMarkup" && /message is not modified/.test(response.description);
  // biome-ignore lint/suspicious/noExplicitAny: both methods return `true`, which the transformer's generic type cannot express
  return repeatedAnswer || keyboardGone ? ({ ok: true, result: true } as any) : response;
};
