import type { Chat, User } from "grammy/types";
import type { Locale } from "../i18n/locales.js";

export type Role = "head" | "leader" | "member" | "outsider";

export interface Character {
  user: User;
  role: Role;
}

const person = (id: number, first_name: string, last_name: string, language_code: Locale): User => ({
  id,
  is_bot: false,
  first_name,
  last_name,
  language_code,
});

/**
 * The people of the sandbox: the ayil okmotu head (the group chat's administrator), the
 * leader-to-be, six members in Kyrgyz and Russian, and an outsider. The head, the leader and
 * the last member (who joins on the page) speak the world's language.
 */
export function cast(locale: Locale): Character[] {
  return [
    { role: "head", user: person(101, "Асан", "Мамытов", locale) },
    { role: "leader", user: person(102, "Айгүл", "Осмонова", locale) },
    { role: "member", user: person(103, "Бакыт", "Токтогулов", "ky") },
    { role: "member", user: person(104, "Ольга", "Ким", "ru") },
    { role: "member", user: person(105, "Гүлнара", "Исаева", "ky") },
    { role: "member", user: person(106, "Дмитрий", "Пак", "ru") },
    { role: "member", user: person(107, "Элмира", "Жумабаева", "ky") },
    { role: "member", user: person(108, "Жылдыз", "Асанова", locale) },
    { role: "outsider", user: person(109, "Нурлан", "Бекмуратов", "ky") },
  ];
}

export const GROUP_CHAT: Chat = { id: -1001000000001, type: "supergroup", title: "Мин-Булак: мониторинг тобу" } as Chat;
