import type { InlineKeyboardButton, Message, Update, User } from "grammy/types";

let nextUpdateId = 1;
let nextMessageId = 1;

/**
 * The next message id, for the people's messages and the bot's (FakeTelegram) alike: in a Telegram chat both
 * sides' messages share one rising sequence, which the assessment reads to tell what was written before a
 * question was shown.
 */
export function takeMessageId(): number {
  return nextMessageId++;
}

export interface TestUser {
  id: number;
  first_name: string;
  language_code?: string;
}

export const user = (id: number, first_name = `User${id}`): TestUser => ({
  id,
  first_name,
  language_code: "vi",
});

const from = (u: TestUser): User => ({
  id: u.id,
  is_bot: false,
  first_name: u.first_name,
  language_code: u.language_code,
});
const privateChat = (u: TestUser) => ({ id: u.id, type: "private" as const, first_name: u.first_name });

type MessageContent = Omit<Partial<Message>, "message_id" | "date" | "chat" | "from">;

/** A message from the user in their private chat with the bot; `content(id)` fills in what it carries. */
function messageUpdate(u: TestUser, content: (messageId: number) => MessageContent): Update {
  const messageId = takeMessageId();
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: privateChat(u),
      from: from(u),
      ...content(messageId),
    } as Message,
  } as Update;
}

/** A text message in the user's private chat; a leading /command gets its bot_command entity, as Telegram adds. */
export function textUpdate(u: TestUser, text: string): Update {
  const command = /^\/\S+/.exec(text);
  return messageUpdate(u, () => ({
    text,
    ...(command
      ? { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] }
      : {}),
  }));
}

export function groupTextUpdate(u: TestUser, chatId: number, text: string): Update {
  const update = textUpdate(u, text);
  if (update.message) update.message.chat = { id: chatId, type: "group", title: "Nhóm đơn vị" };
  return update;
}

export function stickerUpdate(u: TestUser): Update {
  return messageUpdate(u, () => ({
    sticker: {
      file_id: "sticker-file",
      file_unique_id: "sticker-unique",
      type: "regular",
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
    },
  }));
}

export function documentUpdate(
  u: TestUser,
  document: { file_name: string; mime_type: string; file_size: number; file_unique_id?: string },
): Update {
  return messageUpdate(u, (id) => ({
    document: {
      file_id: `doc-${id}`,
      file_unique_id: document.file_unique_id ?? `doc-unique-${id}`,
      ...document,
    },
  }));
}

export function photoUpdate(u: TestUser, fileSize = 120_000): Update {
  return messageUpdate(u, (id) => ({
    photo: [
      { file_id: `photo-small-${id}`, file_unique_id: `ps-${id}`, width: 90, height: 90, file_size: 2_000 },
      { file_id: `photo-${id}`, file_unique_id: `p-${id}`, width: 1280, height: 960, file_size: fileSize },
    ],
  }));
}

export function callbackUpdate(
  u: TestUser,
  data: string,
  messageId = 1,
  markup?: { inline_keyboard: InlineKeyboardButton[][] },
): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `cq-${nextUpdateId}`,
      from: from(u),
      chat_instance: `ci-${u.id}`,
      data,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: privateChat(u),
        from: { id: 42, is_bot: true, first_name: "ThiĐua" },
        text: "(an earlier message)",
        ...(markup ? { reply_markup: markup } : {}),
      },
    },
  };
}
