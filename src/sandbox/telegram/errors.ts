/** A refusal worded as the Bot API words it, returned as `{ ok: false, error_code, description }`. */
export class ApiError extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

export const badRequest = (what: string) => new ApiError(400, `Bad Request: ${what}`);
export const forbidden = (what: string) => new ApiError(403, `Forbidden: ${what}`);

/** The exact descriptions Telegram answers with; tests and the page compare against these. */
export const REFUSALS = {
  chatNotFound: "chat not found",
  textEmpty: "message text is empty",
  textTooLong: "message is too long",
  captionTooLong: "message caption is too long",
  notModified:
    "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  editNotFound: "message to edit not found",
  cantEdit: "message can't be edited",
  deleteNotFound: "message to delete not found",
  replyNotFound: "message to be replied not found",
  buttonDataInvalid: "BUTTON_DATA_INVALID",
  callbackQueryInvalid: "query is too old and response timeout expired or query ID is invalid",
  answerTooLong: "MESSAGE_TOO_LONG",
  cantInitiate: "bot can't initiate conversation with a user",
  blocked: "bot was blocked by the user",
  fileNotFound: "wrong file identifier/HTTP URL specified",
} as const;
