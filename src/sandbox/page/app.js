// The sandbox page. Every text from the bot or a person is put on the page with textContent,
// never as HTML: a message that contains <script> shows as those characters.
// biome-ignore lint/suspicious/noRedundantUseStrict: the page loads this as a classic script, not a module
"use strict";

const world = { people: [], chats: {}, notes: {}, current: 0, replyTo: {}, group: null, bot: null };

/** An element with text and classes; no HTML is ever parsed. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function act(action, body) {
  const res = await fetch(`/act/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await res.json();
  if (!res.ok) throw new Error(answer.error || res.statusText);
  return answer;
}

function busy(promise) {
  const marker = document.getElementById("busy");
  marker.hidden = false;
  return promise.finally(() => (marker.hidden = true));
}

const person = (id) => world.people.find((p) => p.id === id);
const nameOf = (user) => (user ? [user.first_name, user.last_name].filter(Boolean).join(" ") : "");
const current = () => person(world.current);
const ROLES = { head: "ayil okmotu head · group chat admin", leader: "leader", member: "member", outsider: "outsider" };

function showClock(iso) {
  const clock = document.getElementById("clock");
  clock.dateTime = iso;
  clock.textContent =
    new Intl.DateTimeFormat("ru-RU", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Bishkek" }).format(new Date(iso)) +
    " (Bishkek)";
}

// ── Alerts and toasts ──────────────────────────────────────────────────────────────────

function alertBox(text) {
  const box = document.getElementById("alert");
  box.querySelector(".alert-text").textContent = text;
  box.hidden = false;
  box.querySelector(".alert-ok").focus();
}

function toast(text) {
  const node = el("div", "toast", text);
  document.getElementById("toasts").append(node);
  setTimeout(() => node.remove(), 3000);
}

// ── Messages ───────────────────────────────────────────────────────────────────────────

function forceReplyFor(message, userId) {
  const markup = message.reply_markup;
  if (!markup?.force_reply || message.from?.id !== world.bot.id) return false;
  return !markup.selective || message.reply_to_message?.from?.id === userId;
}

function keyboard(chatId, message) {
  const rows = message.reply_markup?.inline_keyboard;
  if (!rows?.length) return null;
  const kb = el("div", "kb");
  for (const row of rows) {
    const line = el("div", "row");
    for (const button of row) {
      const b = el("button", button.url ? "link" : "", button.text);
      if (button.callback_data !== undefined) {
        b.dataset.data = button.callback_data;
        b.addEventListener("click", () =>
          busy(act("press", { user: world.current, chat: chatId, message: message.message_id, data: button.callback_data })).catch((e) =>
            toast(e.message),
          ),
        );
      } else if (button.url) {
        b.title = button.url;
        b.addEventListener("click", () => openLink(button.url));
      }
      line.append(b);
    }
    kb.append(line);
  }
  return kb;
}

async function openLink(url) {
  const answer = await busy(act("link", { user: world.current, url }));
  if (answer.chat === null) toast(`A link outside the sandbox: ${url}`);
  else if (!current().started) toast("The private chat with the bot is open: press START");
}

function messageNode(chatId, message, seenByBot) {
  const mine = message.from?.id === world.current;
  const node = el("div", `msg${mine ? " mine" : ""}${seenByBot === false ? " unseen" : ""}`);
  node.dataset.id = String(message.message_id);
  node.dataset.from = message.from?.id === world.bot.id ? "bot" : String(message.from?.id ?? "");
  node.append(el("div", "sender", message.from?.id === world.bot.id ? world.bot.name : nameOf(message.from)));
  const quoted = message.reply_to_message;
  if (quoted) node.append(el("div", "quote", `${nameOf(quoted.from)}: ${quoted.text ?? quoted.caption ?? "…"}`));
  if (message.photo?.length) {
    const img = el("img");
    img.alt = "photo";
    img.src = `/files/${encodeURIComponent(message.photo[message.photo.length - 1].file_id)}`;
    node.append(img);
  }
  // Documents, voice messages, audio and video: a file to open or download.
  const [icon, file] =
    [
      ["📄", message.document],
      ["🎤", message.voice],
      ["🎵", message.audio],
      ["🎬", message.video],
    ].find(([, f]) => f) ?? [];
  if (file) {
    const name = file.file_name ?? "file";
    const row = el("div", "file");
    row.append(el("span", "file-name", `${icon} ${name}`));
    const open = el("a", "open", "Open");
    open.href = `/files/${encodeURIComponent(file.file_id)}`;
    open.target = "_blank";
    open.rel = "noopener";
    const download = el("a", "download", "Download");
    download.href = `/files/${encodeURIComponent(file.file_id)}?download`;
    download.setAttribute("download", name);
    row.append(open, download);
    node.append(row);
  }
  if (message.location) node.append(el("div", "text", `📍 ${message.location.latitude}, ${message.location.longitude}`));
  const text = message.text ?? message.caption;
  if (text !== undefined) node.append(el("div", "text", text));
  const kb = keyboard(chatId, message);
  if (kb) node.append(kb);
  const meta = el("div", "meta");
  if (seenByBot === false) meta.append(el("span", "privacy", "the bot does not see this (privacy mode)"));
  if (message.edit_date) meta.append(el("span", "edited", "edited"));
  if (node.dataset.from === "bot" && text !== undefined) {
    const save = el("a", "save-text", "⤓ text");
    save.href = `/text/${chatId}/${message.message_id}`;
    save.setAttribute("download", `message-${message.message_id}.txt`);
    meta.append(save);
  }
  if (chatId < 0) {
    const reply = el("button", "reply", "Reply");
    reply.addEventListener("click", () => {
      world.replyTo[chatId] = message.message_id;
      render();
    });
    meta.append(reply);
  }
  meta.append(
    el(
      "span",
      "time",
      new Date(message.date * 1000).toLocaleTimeString("ru-RU", { timeZone: "Asia/Bishkek", hour: "2-digit", minute: "2-digit" }),
    ),
  );
  node.append(meta);
  return node;
}

// ── Composer ───────────────────────────────────────────────────────────────────────────

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1] ?? "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function toggleMenu(composer, chatId) {
  const open = composer.querySelector(".menu");
  if (open) return open.remove();
  const commands = await act("menu", { user: world.current, chat: chatId });
  const menu = el("div", "menu");
  if (!commands.length) menu.append(el("div", "empty", "No command menu here"));
  for (const c of commands) {
    const item = el("button");
    item.dataset.command = c.command;
    item.append(el("span", "cmd", `/${c.command}`), el("span", "desc", c.description));
    item.addEventListener("click", () => {
      menu.remove();
      send(chatId, `/${c.command}`);
    });
    menu.append(item);
  }
  composer.append(menu);
}

async function send(chatId, text) {
  const replyTo = world.replyTo[chatId];
  delete world.replyTo[chatId];
  await busy(act("send", { user: world.current, chat: chatId, text, replyTo })).catch((e) => toast(e.message));
  render();
}

function composerNode(chatId) {
  const composer = el("div", "composer");
  const me = current();
  if (chatId > 0 && !me.started) {
    const start = el("button", "start", "START");
    start.addEventListener("click", () => busy(act("start", { user: world.current })).catch((e) => toast(e.message)));
    composer.append(el("div", "hint", "You have not started the bot: it cannot write to you until you do."), start);
    return composer;
  }
  const replyTo = world.replyTo[chatId];
  if (replyTo !== undefined) {
    const quoted = world.chats[chatId]?.find((m) => m.message.message_id === replyTo)?.message;
    const bar = el("div", "replying");
    bar.append(el("span", "", `↩ ${nameOf(quoted?.from)}: ${(quoted?.text ?? "").slice(0, 60)}`));
    const cancel = el("button", "", "×");
    cancel.addEventListener("click", () => {
      delete world.replyTo[chatId];
      render();
    });
    bar.append(cancel);
    composer.append(bar);
  }
  const row = el("div", "row");
  const menu = el("button", "menu-button", "/");
  menu.title = "Commands";
  menu.addEventListener("click", () => toggleMenu(composer, chatId).catch((e) => toast(e.message)));
  const input = el("input");
  input.type = "text";
  input.placeholder = `Message as ${nameOf(me)}`;
  const sendButton = el("button", "send", "Send");
  const submit = () => {
    if (input.value.trim() === "") return;
    const text = input.value;
    input.value = "";
    send(chatId, text);
  };
  sendButton.addEventListener("click", submit);
  input.addEventListener("keydown", (e) => e.key === "Enter" && submit());
  row.append(menu, input, sendButton);

  const attach = el("div", "row");
  for (const [kind, label, accept] of [
    ["photo", "🖼 Photo", "image/*"],
    ["document", "📎 File", ""],
  ]) {
    const picker = el("input");
    picker.type = "file";
    picker.hidden = true;
    picker.className = `pick-${kind}`;
    if (accept) picker.accept = accept;
    picker.addEventListener("change", async () => {
      const file = picker.files?.[0];
      if (!file) return;
      await busy(
        act("upload", {
          user: world.current,
          chat: chatId,
          kind,
          name: file.name,
          type: file.type || "application/octet-stream",
          data: await readFile(file),
        }),
      ).catch((e) => toast(e.message));
    });
    const button = el("button", `attach-${kind}`, label);
    button.addEventListener("click", () => picker.click());
    attach.append(picker, button);
  }
  const where = el("span", "location");
  const lat = el("input");
  lat.value = "42.8746";
  const lon = el("input");
  lon.value = "74.5698";
  const pin = el("button", "attach-location", "📍 Location");
  pin.addEventListener("click", () =>
    busy(act("location", { user: world.current, chat: chatId, latitude: Number(lat.value), longitude: Number(lon.value) })).catch((e) =>
      toast(e.message),
    ),
  );
  where.append(pin, lat, lon);
  attach.append(where);
  composer.append(row, attach);
  return composer;
}

// ── Panes ──────────────────────────────────────────────────────────────────────────────

/** Redraws a chat's messages; the composer is rebuilt only when who types or how changes, so typing is never lost. */
function pane(node, chatId, title) {
  const me = current();
  const composerKey = `${chatId}:${me.id}:${me.started}:${world.replyTo[chatId] ?? ""}`;
  if (node.dataset.chat !== String(chatId) || !node.querySelector(".messages")) {
    node.replaceChildren(el("h2"), el("div", "messages"), el("div", "composer"));
    node.dataset.chat = String(chatId);
  }
  node.querySelector("h2").textContent = title;
  const messages = node.querySelector(".messages");
  messages.replaceChildren();
  for (const entry of world.chats[chatId] ?? [])
    messages.append(entry.note ? el("div", "note", entry.note) : messageNode(chatId, entry.message, entry.seenByBot));
  messages.scrollTop = messages.scrollHeight;
  const composer = node.querySelector(".composer");
  if (composer.dataset.key !== composerKey) {
    const fresh = composerNode(chatId);
    fresh.dataset.key = composerKey;
    composer.replaceWith(fresh);
  }
}

function renderPeople() {
  const nav = document.getElementById("people");
  nav.replaceChildren(el("div", "role", "Who is typing"));
  for (const p of world.people) {
    const b = el("button", p.id === world.current ? "current" : "", nameOf(p));
    b.dataset.user = String(p.id);
    b.append(el("span", "role", `${ROLES[p.role]} · ${p.language_code}${p.started ? "" : " · never started the bot"}`));
    b.addEventListener("click", () => {
      world.current = p.id;
      render();
    });
    nav.append(b);
  }
}

function render() {
  // A forced reply waits for its person: switching to them opens the reply field.
  const waiting = `${world.group.id}:${world.current}`;
  if (world.replyTo[waiting] !== undefined) {
    world.replyTo[world.group.id] = world.replyTo[waiting];
    delete world.replyTo[waiting];
  }
  renderPeople();
  const me = current();
  pane(document.getElementById("group-pane"), world.group.id, `👥 ${world.group.title}`);
  pane(document.getElementById("private-pane"), me.id, `🤖 ${world.bot.name} — private chat of ${nameOf(me)}`);
  for (const b of document.querySelectorAll("#worlds button")) b.classList.toggle("active", b.dataset.world === world.name);
}

function upsert(chatId, message, seenByBot) {
  const list = (world.chats[chatId] ??= []);
  const at = list.findIndex((entry) => entry.message?.message_id === message.message_id);
  if (at === -1) list.push({ message, seenByBot });
  else list[at] = { message, seenByBot: list[at].seenByBot };
}

/** Telegram opens the reply field by itself for a forced reply meant for this person. */
function followForcedReply(chatId, message) {
  for (const p of world.people) if (forceReplyFor(message, p.id) && chatId < 0) world.replyTo[`${chatId}:${p.id}`] = message.message_id;
}

function apply(event) {
  switch (event.kind) {
    case "message":
      upsert(event.chatId, event.message, event.seenByBot);
      followForcedReply(event.chatId, event.message);
      break;
    case "edit":
      upsert(event.chatId, event.message);
      break;
    case "delete":
      world.chats[event.chatId] = (world.chats[event.chatId] ?? []).filter((entry) => entry.message?.message_id !== event.messageId);
      break;
    case "answer":
      if (event.userId === world.current && event.text) (event.showAlert ? alertBox : toast)(event.text);
      return;
    case "refused":
      (world.chats[event.chatId] ??= []).push({ note: `Telegram refused the bot's ${event.method}: ${event.description}` });
      break;
    case "started": {
      const p = person(event.userId);
      if (p) p.started = true;
      break;
    }
    case "clock":
      showClock(event.now);
      return;
    case "commands":
      return;
    case "reset":
      load();
      return;
  }
  render();
}

async function load() {
  const state = await (await fetch("/state")).json();
  world.name = state.world;
  world.people = state.people;
  world.group = state.group;
  world.bot = state.bot;
  world.chats = {};
  world.replyTo = {};
  for (const [id, messages] of Object.entries(state.chats)) world.chats[id] = messages.map((message) => ({ message, seenByBot: true }));
  if (!person(world.current)) world.current = state.people[0].id;
  showClock(state.now);
  render();
  document.body.dataset.ready = state.world;
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelector(".alert-ok").addEventListener("click", () => (document.getElementById("alert").hidden = true));
  for (const b of document.querySelectorAll("#time button")) {
    b.addEventListener("click", () =>
      busy(act("time", { step: b.dataset.step }))
        .then((r) => showClock(r.now))
        .catch((e) => toast(e.message)),
    );
  }
  for (const b of document.querySelectorAll("#worlds button")) {
    b.addEventListener("click", () => {
      document.body.dataset.ready = "";
      busy(act("world", { world: b.dataset.world })).catch((e) => toast(e.message));
    });
  }
  const events = new EventSource("/events");
  events.onmessage = (e) => apply(JSON.parse(e.data));
  load();
});
