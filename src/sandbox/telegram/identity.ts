import type { UserFromGetMe } from "grammy/types";

/** The bot as the embedded Telegram knows it (tests and the sandbox): its getMe. */
export const EMBEDDED_BOT: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: "Monitoring",
  username: "monitoring_group_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;
