import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";

/**
 * Every `command`, `callbackQuery`, `chatType` and `on` of grammY's Composer is a `filter`, and
 * a filter is a `branch` built on `lazy`: for each update that reaches it, it awaits the
 * predicate, builds a new Composer around the chosen middleware and runs that. An update
 * passes a few dozen of them on its way to its feature (a message nobody takes, all of them),
 * and a message that reached the fallback spent a quarter of its time there. Here `filter` and `branch` decide with the predicate's answer directly
 * (awaited only when it is a promise) and run the chosen middleware without building
 * anything; middleware added later to the composer a filter returns is still seen, as before.
 */
export const WRITTEN_AGAINST = { package: "grammy", version: "1.46.0" } as const;

type Predicate<C extends Context> = (ctx: C) => boolean | Promise<boolean>;

const asFunction = <C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> =>
  typeof middleware === "function" ? middleware : (ctx, next) => middleware.middleware()(ctx, next);

/** Runs `yes` or `no` by the predicate's answer, awaiting it only when it is a promise. */
function decide<C extends Context>(predicate: Predicate<C>, yes: MiddlewareFn<C>, no: MiddlewareFn<C>): MiddlewareFn<C> {
  return (ctx, next) => {
    const answer = predicate(ctx);
    if (answer === true) return yes(ctx, next);
    if (answer === false) return no(ctx, next);
    return Promise.resolve(answer).then((matched) => (matched ? yes(ctx, next) : no(ctx, next)));
  };
}

const pass: MiddlewareFn<Context> = (_ctx, next) => next();

let installed = false;

/** Once per process, for every Composer (the bot's and the plugins'). */
export function directFilters(): void {
  if (installed) return;
  installed = true;
  const prototype = Composer.prototype as Composer<Context>;
  prototype.filter = function (this: Composer<Context>, predicate: Predicate<Context>, ...middleware: Middleware<Context>[]) {
    const composer = new Composer(...middleware);
    this.use(decide(predicate, (ctx, next) => composer.middleware()(ctx, next), pass));
    return composer;
  } as Composer<Context>["filter"];
  prototype.branch = function (this: Composer<Context>, predicate: Predicate<Context>, yes: Middleware<Context>, no: Middleware<Context>) {
    return this.use(decide(predicate, asFunction(yes), asFunction(no)));
  };
}
