import type { App } from "../app.js";
import type { Form } from "../context.js";

/**
 * The time inside a form, from the bot's clock (not the machine's): stored and replayed like
 * every outside step, so a replay sees the time the step first saw.
 */
export function formNow(form: Form, app: App): Promise<number> {
  return form.external(() => app.clock.now().getTime());
}
