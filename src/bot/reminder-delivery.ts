import { GrammyError, HttpError, InlineKeyboard } from "grammy";
import type { Button, Failure, Notice, Notifier } from "../scheduler/notifier.js";
import type { App } from "./app.js";
import { deepLink } from "./keyboards.js";
import { notifyGroup, notifyPerson, type Message, type T } from "./notify.js";

function keyboard(app: App, t: T, buttons: readonly Button[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const button of buttons) {
    if ("data" in button) keyboard.text(t(button.label), button.data);
    else keyboard.url(t(button.label), deepLink(app.botUsername, button.start));
  }
  return keyboard;
}

function message(app: App, notice: Notice): Message {
  const buttons = notice.buttons;
  return buttons ? { text: notice.text, keyboard: (t) => keyboard(app, t, buttons) } : { text: notice.text };
}

/** Network failures, Telegram's 5xx and a flood wait longer than auto-retry's are worth another tick. */
function failure(error: unknown): Failure {
  if (error instanceof HttpError || (error instanceof GrammyError && (error.error_code >= 500 || error.error_code === 429))) return "retry";
  return error instanceof GrammyError && error.error_code === 403 ? "unreachable" : "failed";
}

/** The scheduler's reminders, sent as the bot's other notices are. */
export function reminderNotifier(app: App): Notifier {
  return {
    async toGroup(group, notice) {
      await notifyGroup(app, group, message(app, notice));
    },
    toPerson: (user, notice, about) => notifyPerson(app, user, message(app, notice), about),
    failure,
  };
}
