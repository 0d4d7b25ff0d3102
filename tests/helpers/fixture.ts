import { Harness, Person, type HarnessOptions, type HarnessSnapshot } from "./harness.js";

interface Built {
  snapshot: HarnessSnapshot;
  scene: unknown;
}

/** Scenes built in this worker, by name and harness options. */
const built = new Map<string, Promise<Built>>();

async function build<S>(make: (h: Harness) => Promise<S>, options: HarnessOptions): Promise<Built> {
  const h = new Harness(options);
  try {
    const scene = await make(h);
    return { snapshot: h.snapshot(), scene };
  } finally {
    h.close();
  }
}

/** The scene with its people speaking through `h`; everything else in it is shared as it is. */
function rebind<S>(scene: S, h: Harness): S {
  if (scene instanceof Person) return new Person(h, scene.user) as S;
  if (Array.isArray(scene)) return scene.map((item) => rebind(item, h)) as S;
  if (scene !== null && typeof scene === "object" && Object.getPrototypeOf(scene) === Object.prototype) {
    return Object.fromEntries(Object.entries(scene).map(([key, value]) => [key, rebind(value, h)])) as S;
  }
  return scene;
}

/**
 * A harness that starts where `make` left another: the scene is built once per worker, through
 * the bot as a test would build it, and each call gets a copy of its database, of what Telegram
 * saw, of its clock and logs, with the scene's people speaking through the new harness. For the
 * tests that are not about how the scene came to be. `name` tells scenes apart; the harness
 * options are part of the key too (a function, such as a reminder rule, by its name).
 */
export async function fromScene<S>(
  name: string,
  make: (h: Harness) => Promise<S>,
  options: HarnessOptions = {},
): Promise<{ h: Harness; scene: S }> {
  const key = `${name} ${JSON.stringify(options, (_, value: unknown) => (typeof value === "function" ? `function ${value.name}` : value))}`;
  let scene = built.get(key);
  if (!scene) built.set(key, (scene = build(make, options)));
  const { snapshot, scene: made } = await scene;
  const h = new Harness({ ...options, snapshot });
  return { h, scene: rebind(made as S, h) };
}
