/** A form left untouched this long is dropped; the next message is handled as a fresh one. */
export const FORM_TIMEOUT_MS = 24 * 60 * 60 * 1000;
