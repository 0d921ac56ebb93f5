/*!
 * Course Advisor web chat widget. Plain JavaScript, no dependencies, no build step.
 *
 * Embed it with one tag (the Rasa server must allow this page's origin with `--cors`):
 *   <script src="https://HOST/widget.js" data-server="https://RASA-HOST" defer></script>
 *
 * It talks to Rasa's standard REST channel (POST {server}/webhooks/rest/webhook) and renders
 * text, buttons, images, `course_list` cards (with their "Tell me more", "Save" and "Compare"
 * buttons) and `course_compare` tables. Learner and bot text is only ever set with
 * textContent, never parsed as HTML. See bot/web/README.md for options and theming.
 */
(function () {
  "use strict";

  var HOST_ID = "course-advisor-widget";
  if (document.getElementById(HOST_ID)) return; // included twice: keep the first

  var script = document.currentScript || document.querySelector("script[data-server][src*='widget']");
  if (!script) return;

  var MAX_LENGTH = 2000;
  var COUNTER_FROM = 1800;
  var HISTORY_LIMIT = 150;
  var TIMEOUT_MS = 45000;
  var DAY_MS = 24 * 60 * 60 * 1000;
  var DEFAULT_HISTORY_DAYS = 7;
  var SVG_NS = "http://www.w3.org/2000/svg";

  function attr(name, fallback) {
    var value = script.getAttribute(name);
    return value === null || value.trim() === "" ? fallback : value.trim();
  }

  // Every learner-visible string. Each can be replaced (translated) with a data-text-KEY
  // attribute on the script tag, e.g. data-text-retry="Réessayer"; {name} is filled in.
  var TEXT = {
    "error": "Sorry, I can't reach the advisor right now. Please try again in a moment.",
    "retry": "Try again",
    "not-sent": "Not sent",
    "you-said": "You said:",
    "bot-said": "{title} said:",
    "typing": "{title} is typing…",
    "new-message": "(new message)",
    "close": "Close chat",
    "conversation": "Conversation with {title}",
    "message-label": "Message {title}",
    "send": "Send message",
    "hint": "Automated guidance: check details with the provider.",
    "clear": "Clear this chat",
    "clear-title": "Delete this conversation from this device and start a new one",
    "cleared": "Chat cleared from this device.",
    "suggestions": "Suggestions",
    "quick-replies": "Quick replies",
    "image-alt": "Image from {title}",
    "one-course": "Course",
    "courses": "{count} courses",
    "untitled": "Untitled course",
    "no-provider": "Provider not stated",
    "length": "Length",
    "time": "Time",
    "price": "Price",
    "credit": "Credit",
    "not-stated": "Not stated",
    "week": "{count} week",
    "weeks": "{count} weeks",
    "hours-a-week": "{hours} h/week",
    "free": "Free",
    "price-not-published": "Price not published",
    "per-month": "{price}/month",
    "whole-programme": "{price} for the whole programme",
    "as-of": "as of {date}",
    "total": "about {amount} in total",
    "no-credit": "No stated credit",
    "credits": "{credits} credits",
    "why": "Why it fits: ",
    "view-course": "View course page",
    "new-tab": "{title} (opens in a new tab)",
    "no-link": "No course page address in the catalogue.",
    "card-details": "Tell me more",
    "card-save": "Save",
    "card-compare": "Compare",
    "card-action-name": "{action}: {title}",
    "card-details-said": "Tell me more about {title}",
    "card-save-said": "Save {title}",
    "card-compare-said": "Compare {title} with the others",
    "compare-caption": "Courses side by side",
    "provider": "Provider",
    "type": "Type",
    "level": "Level",
    "why-row": "Why it fits",
    "course-page": "Course page",
    "cheapest": "Cheapest",
    "months": "January|February|March|April|May|June|July|August|September|October|November|December",
  };

  /** The string ``key`` (from its data-text-KEY attribute, else the default) with {name}s filled. */
  function t(key, values) {
    return attr("data-text-" + key, TEXT[key]).replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /** Days a stored conversation is kept after its last message: a number >= 0, else 7. */
  function historyDays(value) {
    var days = Number(value);
    return value !== "" && isFinite(days) && days >= 0 ? days : DEFAULT_HISTORY_DAYS;
  }

  function normaliseServer(value) {
    try {
      var url = new URL(value, window.location.href);
      if (url.protocol !== "http:" && url.protocol !== "https:") return "";
      return url.href.replace(/\/+$/, "");
    } catch (e) {
      return "";
    }
  }

  var config = {
    server: normaliseServer(attr("data-server", "")),
    title: attr("data-title", "Course Advisor"),
    subtitle: attr("data-subtitle", "Short courses & microcredentials"),
    launcherLabel: attr("data-launcher-label", "Ask Course Advisor"),
    welcome: attr(
      "data-welcome",
      "Hi! I can suggest short courses and microcredentials that fit your goal, time and " +
        "budget, and explain how academic credit works. Say hello, or pick a question below."
    ),
    suggestions: attr("data-suggestions", "")
      .split("|")
      .map(function (s) { return s.trim(); })
      .filter(Boolean)
      .slice(0, 4),
    placeholder: attr("data-placeholder", "Type your message…"),
    position: attr("data-position", "right") === "left" ? "left" : "right",
    openOnLoad: attr("data-open", "false") === "true",
    hideCardText: attr("data-card-text", "hide") !== "show",
    historyMs: historyDays(attr("data-history-days", "")) * DAY_MS,
  };
  if (!config.server) {
    // eslint-disable-next-line no-console
    console.error("Course Advisor widget: set data-server to the Rasa server's http(s) URL.");
  }

  // ---------------------------------------------------------------- storage
  var prefix = "course-advisor:" + config.server;

  function storageGet(store, key) {
    try {
      return store.getItem(prefix + ":" + key);
    } catch (e) {
      return null; // storage blocked (privacy settings): keep the conversation in memory only
    }
  }

  function storageSet(store, key, value) {
    try {
      if (value === null) store.removeItem(prefix + ":" + key);
      else store.setItem(prefix + ":" + key, value);
    } catch (e) {
      /* quota exceeded or blocked: nothing to do */
    }
  }

  /** Where the conversation is kept across page loads; null with data-history-days="0". */
  function local() {
    if (!config.historyMs) return null;
    try { return window.localStorage; } catch (e) { return null; }
  }
  function session() { try { return window.sessionStorage; } catch (e) { return null; } }

  /** Record that the stored conversation was used now: it expires config.historyMs later. */
  function touchStored() {
    if (local()) storageSet(local(), "saved-at", String(Date.now()));
  }

  /** Remove the stored conversation (history and sender id) from this device. */
  function dropStored() {
    if (!local()) return;
    storageSet(local(), "history", null);
    storageSet(local(), "sender", null);
    storageSet(local(), "saved-at", null);
  }

  /**
   * Drop a stored conversation whose last message is older than config.historyMs. One stored
   * before expiry existed (no time) starts its clock now rather than being dropped unseen.
   */
  function expireStored() {
    var store = local();
    if (!store) return;
    var savedAt = Number(storageGet(store, "saved-at"));
    if (!storageGet(store, "saved-at") || !isFinite(savedAt)) {
      if (storageGet(store, "history") || storageGet(store, "sender")) touchStored();
      return;
    }
    if (Date.now() - savedAt > config.historyMs) dropStored();
  }

  /** The conversation's sender id, issued and signed by the server (null until asked). */
  function loadSender() {
    return (local() && storageGet(local(), "sender")) || null;
  }

  function loadHistory() {
    var raw = local() && storageGet(local(), "history");
    if (!raw) return [];
    try {
      var parsed = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.map(restoredEntry).filter(Boolean) : [];
    } catch (e) {
      return [];
    }
  }

  function saveHistory() {
    if (history.length > HISTORY_LIMIT) history = history.slice(-HISTORY_LIMIT);
    if (!local()) return;
    storageSet(local(), "history", JSON.stringify(history));
    touchStored();
  }

  /** A stored entry checked field by field (storage can hold anything), or null. */
  function restoredEntry(entry) {
    if (!entry || typeof entry !== "object") return null;
    if (entry.role === "bot") return botEntry(entry);
    if (entry.role !== "user" || typeof entry.text !== "string" || !entry.text) return null;
    var user = { role: "user", text: entry.text.slice(0, MAX_LENGTH) };
    if (typeof entry.payload === "string" && entry.payload) user.payload = entry.payload;
    if (entry.failed === true) user.failed = true;
    return user;
  }

  expireStored();
  var sender = loadSender();
  var history = loadHistory();
  var generation = 0; // bumped when the chat is cleared: replies to older messages are dropped

  // ---------------------------------------------------------------- DOM helpers
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svgIcon(paths, className) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", className || "ca-icon");
    paths.forEach(function (d) {
      var path = document.createElementNS(SVG_NS, "path");
      path.setAttribute("d", d);
      svg.appendChild(path);
    });
    return svg;
  }

  var ICONS = {
    chat: [
      "M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6" +
        "A.5.5 0 0 1 5 19.2V16h.5A1.5 1.5 0 0 1 4 14.5z",
      "M8 8.5h8M8 11.5h5",
    ],
    cap: ["M2.5 9 12 4.5 21.5 9 12 13.5z", "M6.5 11v4.2c0 1.5 2.5 3.3 5.5 3.3s5.5-1.8 5.5-3.3V11",
      "M21.5 9v5"],
    close: ["M6 6l12 12M18 6 6 18"],
    down: ["M6 9l6 6 6-6"],
    send: ["M4.5 12h11M11 6.5 16.5 12 11 17.5"],
    external: ["M14 5h5v5", "M19 5l-8 8", "M17 13.5V18a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h4.5"],
  };

  function srOnly(text) {
    return el("span", "ca-sr-only", text);
  }

  function safeUrl(value) {
    if (typeof value !== "string" || !value.trim()) return null;
    try {
      var url = new URL(value.trim(), window.location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function externalLink(href, text, className) {
    var link = el("a", className, text);
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }

  var URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

  /** Text with http(s) addresses turned into links; every piece goes in as a text node. */
  function richText(node, text) {
    var last = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      var raw = match[0].replace(/[.,;:!?)\]]+$/, "");
      var href = safeUrl(raw);
      if (!href) continue;
      node.appendChild(document.createTextNode(text.slice(last, match.index)));
      node.appendChild(externalLink(href, raw, "ca-link"));
      last = match.index + raw.length;
      URL_PATTERN.lastIndex = last;
    }
    node.appendChild(document.createTextNode(text.slice(last)));
    return node;
  }

  // ---------------------------------------------------------------- formatting
  var SYMBOLS = { GBP: "£", EUR: "€", USD: "$" };

  function num(value) {
    var n = typeof value === "number" ? value : parseFloat(value);
    return isFinite(n) ? n : null;
  }

  function fmtNumber(n, maxDigits) {
    return n.toLocaleString("en-GB", {
      minimumFractionDigits: Number.isInteger(n) ? 0 : Math.min(2, maxDigits),
      maximumFractionDigits: maxDigits,
    });
  }

  function plural(n, one, many) {
    return t(n === 1 ? one : many, { count: fmtNumber(n, 1) });
  }

  var MONTHS = TEXT.months.split("|");

  /** A catalogue date in the one style learners see, "November 2022" ("2022-11",
   *  "2025-01-10", "May 2023"); "" for anything else ("page undated"). */
  function monthYear(value) {
    var text = typeof value === "string" ? value.trim() : "";
    var iso = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(text);
    if (iso) {
      var month = Number(iso[2]);
      var names = t("months").split("|");
      return month >= 1 && month <= 12 && names.length === 12 ? names[month - 1] + " " + iso[1] : "";
    }
    var named = /^([A-Z][a-z]+) (\d{4})$/.exec(text);
    var english = named ? MONTHS.indexOf(named[1]) : -1;
    return english >= 0 ? monthYear(named[2] + "-" + (english + 1)) : "";
  }

  function formatPrice(course) {
    if (course.price_model === "free") return { main: t("free"), note: "" };
    var price = num(course.price);
    var currency = typeof course.currency === "string" ? course.currency.trim() : "";
    if (price === null || !currency) return { main: t("price-not-published"), note: "" };
    if (price === 0) return { main: t("free"), note: "" };
    var symbol = SYMBOLS[currency] || currency + " ";
    var main = symbol + fmtNumber(price, 2);
    if (course.price_model === "subscription-monthly") main = t("per-month", { price: main });
    else if (course.price_model === "total-programme") main = t("whole-programme", { price: main });
    var notes = [];
    var asOf = monthYear(course.price_as_of);
    if (asOf) notes.push(t("as-of", { date: asOf }));
    var total = num(course.cost_gbp);
    if (total !== null && (currency !== "GBP" || course.price_model === "subscription-monthly")) {
      notes.push(t("total", { amount: "£" + fmtNumber(Math.round(total), 0) }));
    }
    return { main: main, note: notes.join(" · ") };
  }

  function formatLength(course) {
    var weeks = num(course.duration_weeks);
    return weeks ? plural(weeks, "week", "weeks") : t("not-stated");
  }

  function formatTime(course) {
    var hours = num(course.hours_per_week);
    return hours ? t("hours-a-week", { hours: fmtNumber(hours, 1) }) : t("not-stated");
  }

  function formatCredits(course) {
    var credits = num(course.credits);
    if (credits === null || credits === 0) return t("no-credit");
    var scheme = typeof course.credit_scheme === "string" && course.credit_scheme
      ? " " + course.credit_scheme : "";
    return t("credits", { credits: fmtNumber(credits, 1) + scheme });
  }

  // ---------------------------------------------------------------- styles
  var CSS = [
    ":host { all: initial; }",
    ".ca-root {",
    "  --_primary: var(--ca-primary, #2251cc);",
    "  --_on-primary: var(--ca-on-primary, #ffffff);",
    "  --_bg: var(--ca-bg, #ffffff);",
    "  --_surface: var(--ca-surface, #f1f3f7);",
    "  --_text: var(--ca-text, #1d2433);",
    "  --_muted: var(--ca-muted, #566072);",
    "  --_border: var(--ca-border, #dce1e8);",
    "  --_error: var(--ca-error, #b42318);",
    "  --_focus: var(--ca-focus, var(--_primary));",
    "  --_radius: var(--ca-radius, 16px);",
    "  --_font: var(--ca-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);",
    "  --_font-size: var(--ca-font-size, 15px);",
    "  --_shadow: var(--ca-shadow, 0 12px 40px rgba(15, 23, 42, .18), 0 2px 8px rgba(15, 23, 42, .08));",
    "  --_z: var(--ca-z-index, 2147483000);",
    "  font-family: var(--_font); font-size: var(--_font-size); line-height: 1.45;",
    "  color: var(--_text); -webkit-font-smoothing: antialiased;",
    "}",
    ".ca-root *, .ca-root *::before, .ca-root *::after { box-sizing: border-box; }",
    ".ca-sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;",
    "  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }",
    ".ca-icon { width: 1.35em; height: 1.35em; fill: none; stroke: currentColor; stroke-width: 1.8;",
    "  stroke-linecap: round; stroke-linejoin: round; flex: none; }",
    ":where(.ca-root) button { font: inherit; color: inherit; cursor: pointer; }",
    ":where(.ca-root) :focus { outline: none; }",
    ".ca-root :focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }",
    // launcher
    ".ca-launcher { position: fixed; bottom: 20px; right: 20px; z-index: var(--_z);",
    "  display: inline-flex; align-items: center; gap: .55em; min-height: 56px; padding: 0 1.35em 0 1.1em;",
    "  border: 0; border-radius: 999px; background: var(--_primary); color: var(--_on-primary);",
    "  font-weight: 600; font-size: 1em; box-shadow: var(--_shadow); transition: transform .15s ease; }",
    ".ca-launcher:hover { transform: translateY(-1px); }",
    // The launcher floats over any part of the page (a dark footer too): its ring is the
    // focus colour between two rings of the panel background, so one of them contrasts.
    ".ca-launcher:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px;",
    "  box-shadow: 0 0 0 2px var(--_bg), 0 0 0 7px var(--_bg), var(--_shadow); }",
    ".ca-launcher .ca-icon { width: 1.5em; height: 1.5em; }",
    ".ca-launcher__badge { position: absolute; top: 6px; right: 8px; width: 12px; height: 12px;",
    "  border-radius: 50%; background: #e5484d; border: 2px solid var(--_on-primary); }",
    ".ca-root[data-position='left'] .ca-launcher { right: auto; left: 20px; }",
    ".ca-launcher .ca-when-open { display: none; }",
    ".ca-root[data-open='true'] .ca-launcher .ca-when-open { display: block; }",
    ".ca-root[data-open='true'] .ca-launcher .ca-when-closed { display: none; }",
    // panel
    ".ca-panel { position: fixed; right: 20px; bottom: 88px; z-index: var(--_z);",
    "  width: min(400px, calc(100vw - 40px)); height: min(660px, calc(100vh - 112px));",
    "  display: flex; flex-direction: column; overflow: hidden; background: var(--_bg);",
    "  border: 1px solid var(--_border); border-radius: var(--_radius); box-shadow: var(--_shadow);",
    "  animation: ca-rise .18s ease-out; }",
    ".ca-panel[hidden] { display: none; }",
    ".ca-root[data-position='left'] .ca-panel { right: auto; left: 20px; }",
    "@keyframes ca-rise { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }",
    ".ca-header { display: flex; align-items: center; gap: .75em; padding: .85em .75em .85em 1em;",
    "  background: var(--_primary); color: var(--_on-primary); }",
    ".ca-header :focus-visible { outline-color: var(--_on-primary); }",
    ".ca-avatar { display: grid; place-items: center; width: 2.5em; height: 2.5em; border-radius: 50%;",
    "  background: rgba(255, 255, 255, .18); flex: none; }",
    ".ca-header__text { flex: 1; min-width: 0; }",
    ".ca-title { margin: 0; font-size: 1.07em; font-weight: 700; line-height: 1.25; }",
    ".ca-subtitle { margin: 0; font-size: .85em; opacity: .9; }",
    ".ca-icon-btn { display: grid; place-items: center; width: 2.4em; height: 2.4em; padding: 0;",
    "  border: 0; border-radius: 50%; background: transparent; color: inherit; }",
    ".ca-icon-btn:hover { background: rgba(255, 255, 255, .16); }",
    // log
    ".ca-log { position: relative; flex: 1; overflow-y: auto; overscroll-behavior: contain;",
    "  padding: 1em .9em .5em; display: flex; flex-direction: column; gap: .55em; background: var(--_bg); }",
    ".ca-log:focus-visible { outline-offset: -3px; }",
    ".ca-row { display: flex; flex-direction: column; align-items: flex-start; gap: .4em;",
    "  animation: ca-fade .16s ease-out; max-width: 100%; }",
    ".ca-row--user { align-items: flex-end; }",
    "@keyframes ca-fade { from { opacity: 0; } to { opacity: 1; } }",
    ".ca-bubble { max-width: 86%; padding: .6em .85em; border-radius: var(--_radius);",
    "  white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal; margin: 0; }",
    ".ca-row--bot .ca-bubble { background: var(--_surface); color: var(--_text); border-bottom-left-radius: 5px; }",
    ".ca-row--user .ca-bubble { background: var(--_primary); color: var(--_on-primary); border-bottom-right-radius: 5px; }",
    ".ca-row--user .ca-link { color: inherit; }",
    ".ca-link { color: var(--_primary); text-decoration: underline; text-underline-offset: 2px; }",
    ".ca-row--intro .ca-bubble { background: transparent; border: 1px dashed var(--_border); color: var(--_muted);",
    "  border-radius: var(--_radius); max-width: 100%; }",
    ".ca-status { font-size: .8em; color: var(--_error); font-weight: 600; }",
    // Not sent: the learner's words on the panel background with a dashed error border (no
    // opacity: faded white on blue fell to 3.9:1).
    ".ca-row--failed .ca-bubble { background: var(--_bg); color: var(--_text); border: 2px dashed var(--_error); }",
    ".ca-image { max-width: 86%; max-height: 240px; border-radius: calc(var(--_radius) * .6); display: block; }",
    // quick replies
    ".ca-replies { display: flex; flex-wrap: wrap; gap: .45em; max-width: 100%; }",
    ".ca-reply { padding: .45em .95em; min-height: 2.4em; border-radius: 999px; text-align: left;",
    "  border: 1.5px solid var(--_primary); background: var(--_bg); color: var(--_primary); font-weight: 600;",
    "  font-size: .93em; line-height: 1.3; }",
    ".ca-reply:hover { background: var(--_primary); color: var(--_on-primary); }",
    // error
    ".ca-notice { display: flex; flex-wrap: wrap; align-items: center; gap: .5em .75em; max-width: 92%;",
    "  padding: .6em .85em; border-radius: var(--_radius); border: 1px solid var(--_error);",
    "  color: var(--_error); background: var(--_bg); margin: 0; }",
    ".ca-notice__text { margin: 0; flex: 1 1 12em; }",
    ".ca-retry { padding: .35em .9em; border-radius: 999px; border: 0; background: var(--_error);",
    "  color: #fff; font-weight: 600; font-size: .9em; }",
    // cards
    ".ca-cards { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column;",
    "  gap: .6em; width: 100%; }",
    ".ca-card { position: relative; border: 1px solid var(--_border); border-radius: var(--_radius);",
    "  background: var(--_bg); padding: .85em .95em .9em; box-shadow: 0 1px 2px rgba(15, 23, 42, .05); }",
    ".ca-card__head { display: flex; gap: .6em; align-items: flex-start; }",
    ".ca-card__num { display: grid; place-items: center; flex: none; width: 1.7em; height: 1.7em;",
    "  border-radius: 50%; background: var(--_primary); color: var(--_on-primary); font-size: .8em;",
    "  font-weight: 700; margin-top: .1em; }",
    ".ca-card__title { margin: 0; font-size: 1em; font-weight: 700; line-height: 1.3; overflow-wrap: anywhere; }",
    ".ca-card__provider { margin: .1em 0 0; color: var(--_muted); font-size: .88em; }",
    ".ca-card__facts { display: grid; grid-template-columns: 1fr 1fr; gap: .45em .8em; margin: .75em 0 0; }",
    ".ca-fact { min-width: 0; }",
    ".ca-fact dt { font-size: .72em; text-transform: uppercase; letter-spacing: .05em; color: var(--_muted);",
    "  font-weight: 600; }",
    ".ca-fact dd { margin: 0; font-size: .92em; font-weight: 600; overflow-wrap: anywhere; }",
    ".ca-fact__note { display: block; font-weight: 400; color: var(--_muted); font-size: .9em; }",
    ".ca-card__why { margin: .75em 0 0; padding: .55em .7em; border-radius: calc(var(--_radius) * .5);",
    "  background: var(--_surface); font-size: .9em; white-space: pre-wrap; overflow-wrap: anywhere; }",
    ".ca-card__why strong { font-weight: 700; }",
    ".ca-card__link { display: inline-flex; align-items: center; gap: .35em; margin-top: .7em;",
    "  color: var(--_primary); font-weight: 600; font-size: .92em; text-decoration: none; }",
    ".ca-card__link:hover { text-decoration: underline; }",
    ".ca-card__link .ca-icon { width: 1.05em; height: 1.05em; }",
    ".ca-card__nolink { margin: .7em 0 0; font-size: .85em; color: var(--_muted); }",
    ".ca-card__actions { display: flex; flex-wrap: wrap; gap: .4em; margin-top: .75em; }",
    ".ca-card__action { padding: .35em .85em; min-height: 2.2em; border-radius: 999px;",
    "  border: 1.5px solid var(--_primary); background: var(--_bg); color: var(--_primary);",
    "  font-weight: 600; font-size: .88em; line-height: 1.3; }",
    ".ca-card__action:hover { background: var(--_primary); color: var(--_on-primary); }",
    // compare table: scrolls sideways inside the panel when the courses do not fit
    ".ca-compare { width: 100%; max-width: 100%; overflow-x: auto; border: 1px solid var(--_border);",
    "  border-radius: calc(var(--_radius) * .6); background: var(--_bg); }",
    ".ca-compare__table { border-collapse: collapse; min-width: 100%; font-size: .85em; line-height: 1.35; }",
    ".ca-compare__table caption { text-align: left; font-weight: 700; padding: .6em .7em .45em; }",
    ".ca-compare__table th, .ca-compare__table td { padding: .45em .6em; text-align: left;",
    "  vertical-align: top; border-top: 1px solid var(--_border); min-width: 7.5em; overflow-wrap: break-word;",
    "  hyphens: auto; }",
    ".ca-compare__table thead th { background: var(--_surface); font-weight: 700; }",
    ".ca-compare__table thead td { background: var(--_surface); min-width: 5.5em; }",
    ".ca-compare__table tbody th { min-width: 5.5em; color: var(--_muted); font-weight: 600; }",
    ".ca-compare__cheapest { display: inline-block; margin-top: .3em; padding: .05em .55em; border-radius: 999px;",
    "  background: var(--_primary); color: var(--_on-primary); font-size: .88em; font-weight: 600; }",
    ".ca-compare__table .ca-card__link { margin-top: 0; }",
    // typing
    ".ca-typing { display: inline-flex; gap: 5px; align-items: center; padding: .8em 1em;",
    "  background: var(--_surface); border-radius: var(--_radius); border-bottom-left-radius: 5px; }",
    ".ca-typing[hidden] { display: none; }",
    ".ca-dot { width: 7px; height: 7px; border-radius: 50%; background: var(--_muted);",
    "  animation: ca-bounce 1.2s infinite ease-in-out; }",
    ".ca-dot:nth-child(2) { animation-delay: .15s; } .ca-dot:nth-child(3) { animation-delay: .3s; }",
    "@keyframes ca-bounce { 0%, 60%, 100% { transform: translateY(0); opacity: .45; }",
    "  30% { transform: translateY(-4px); opacity: 1; } }",
    // composer
    ".ca-composer { display: flex; align-items: flex-end; gap: .5em; padding: .65em .75em .35em;",
    "  border-top: 1px solid var(--_border); background: var(--_bg); margin: 0; }",
    ".ca-input { flex: 1; min-width: 0; resize: none; max-height: 8.5em; min-height: 2.75em;",
    "  padding: .65em .9em; border: 1.5px solid var(--_border); border-radius: calc(var(--_radius) * .75);",
    "  font: inherit; color: var(--_text); background: var(--_bg); line-height: 1.4; }",
    ".ca-input::placeholder { color: var(--_muted); opacity: 1; }",
    ".ca-input:focus-visible { outline: 2px solid var(--_focus); outline-offset: 0; border-color: var(--_focus); }",
    ".ca-send { display: grid; place-items: center; flex: none; width: 2.75em; height: 2.75em;",
    "  border: 0; border-radius: 50%; background: var(--_primary); color: var(--_on-primary); }",
    ".ca-send:disabled { opacity: .45; cursor: default; }",
    ".ca-foot { display: flex; justify-content: space-between; align-items: center; gap: .75em; margin: 0;",
    "  padding: .1em 1em .6em; font-size: .75em; color: var(--_muted); background: var(--_bg); }",
    ".ca-counter[data-full='true'] { color: var(--_error); font-weight: 600; }",
    ".ca-foot__end { display: flex; align-items: center; gap: .75em; flex: none; }",
    ".ca-clear { min-height: 24px; padding: .2em .3em; border: 0; border-radius: 4px; background: none;",
    "  color: var(--_muted); font-size: 1em; text-decoration: underline; text-underline-offset: 2px; }",
    ".ca-clear:hover { color: var(--_text); }",
    // phone-sized screens: the panel fills the screen
    "@media (max-width: 480px) {",
    "  .ca-panel, .ca-root[data-position='left'] .ca-panel { inset: 0; width: 100%; height: 100%;",
    "    height: 100dvh; max-height: none; border: 0; border-radius: 0; }",
    "  .ca-root[data-open='true'] .ca-launcher { display: none; }",
    "  .ca-launcher { padding: 0; width: 56px; justify-content: center; bottom: 16px; right: 16px; }",
    "  .ca-launcher__label { position: absolute; width: 1px; height: 1px; overflow: hidden;",
    "    clip: rect(0 0 0 0); white-space: nowrap; }",
    "  .ca-input { font-size: 16px; }",
    "  .ca-bubble { max-width: 90%; }",
    "}",
    "@media (prefers-reduced-motion: reduce) {",
    "  .ca-root *, .ca-root *::before, .ca-root *::after { animation: none !important; transition: none !important; }",
    "}",
    "@media (forced-colors: active) {",
    "  .ca-bubble, .ca-card, .ca-reply, .ca-card__action, .ca-launcher, .ca-send { border: 1px solid CanvasText; }",
    "}",
  ].join("\n");

  // ---------------------------------------------------------------- build the UI
  var host = el("div");
  host.id = HOST_ID;
  var shadow = host.attachShadow({ mode: "open" });
  // A constructed stylesheet works under a strict Content-Security-Policy (no 'unsafe-inline');
  // older browsers get a <style> element.
  var sheet = null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch (e) {
    sheet = null;
  }
  if (!sheet) {
    var style = el("style");
    style.textContent = CSS;
    shadow.appendChild(style);
  }

  var root = el("div", "ca-root");
  root.setAttribute("data-position", config.position);
  root.setAttribute("data-open", "false");
  shadow.appendChild(root);

  var launcher = el("button", "ca-launcher");
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "ca-panel");
  launcher.appendChild(svgIcon(ICONS.chat, "ca-icon ca-when-closed"));
  launcher.appendChild(svgIcon(ICONS.down, "ca-icon ca-when-open"));
  launcher.appendChild(el("span", "ca-launcher__label", config.launcherLabel));
  var badge = el("span", "ca-launcher__badge");
  badge.hidden = true;
  badge.appendChild(srOnly(t("new-message")));
  launcher.appendChild(badge);

  var panel = el("section", "ca-panel");
  panel.id = "ca-panel";
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", "ca-title");

  var header = el("div", "ca-header");
  var avatar = el("div", "ca-avatar");
  avatar.appendChild(svgIcon(ICONS.cap));
  var headerText = el("div", "ca-header__text");
  var title = el("h2", "ca-title", config.title);
  title.id = "ca-title";
  headerText.appendChild(title);
  headerText.appendChild(el("p", "ca-subtitle", config.subtitle));
  var closeButton = el("button", "ca-icon-btn ca-close");
  closeButton.type = "button";
  closeButton.setAttribute("aria-label", t("close"));
  closeButton.title = t("close");
  closeButton.appendChild(svgIcon(ICONS.close));
  header.appendChild(avatar);
  header.appendChild(headerText);
  header.appendChild(closeButton);

  var log = el("div", "ca-log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-relevant", "additions");
  log.setAttribute("aria-label", t("conversation", { title: config.title }));
  log.tabIndex = 0; // scrollable region: reachable and scrollable with the keyboard

  var typing = el("div", "ca-typing");
  typing.hidden = true;
  typing.appendChild(el("span", "ca-dot"));
  typing.appendChild(el("span", "ca-dot"));
  typing.appendChild(el("span", "ca-dot"));
  typing.appendChild(srOnly(t("typing", { title: config.title })));
  log.appendChild(typing);

  var form = el("form", "ca-composer");
  form.noValidate = true;
  var label = el("label", "ca-sr-only", t("message-label", { title: config.title }));
  label.htmlFor = "ca-input";
  var input = el("textarea", "ca-input");
  input.id = "ca-input";
  input.rows = 1;
  input.maxLength = MAX_LENGTH;
  input.placeholder = config.placeholder;
  input.setAttribute("autocomplete", "off");
  input.setAttribute("aria-describedby", "ca-hint");
  input.setAttribute("enterkeyhint", "send");
  var sendButton = el("button", "ca-send");
  sendButton.type = "submit";
  sendButton.setAttribute("aria-label", t("send"));
  sendButton.appendChild(svgIcon(ICONS.send));
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(sendButton);

  var foot = el("div", "ca-foot");
  var hint = el("span", "ca-hint", t("hint"));
  hint.id = "ca-hint";
  var counter = el("span", "ca-counter");
  counter.setAttribute("aria-live", "polite");
  var clearButton = el("button", "ca-clear", t("clear"));
  clearButton.type = "button";
  clearButton.title = t("clear-title");
  var cleared = el("span", "ca-sr-only");
  cleared.setAttribute("role", "status");
  var footEnd = el("span", "ca-foot__end");
  footEnd.appendChild(counter);
  footEnd.appendChild(clearButton);
  foot.appendChild(hint);
  foot.appendChild(footEnd);
  foot.appendChild(cleared);

  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(form);
  panel.appendChild(foot);
  root.appendChild(panel);
  root.appendChild(launcher);

  // ---------------------------------------------------------------- rendering
  function row(role, extraClass) {
    var node = el("div", "ca-row ca-row--" + role + (extraClass ? " " + extraClass : ""));
    return node;
  }

  function renderIntro() {
    var node = row("bot", "ca-row--intro");
    node.appendChild(el("p", "ca-bubble", config.welcome));
    if (config.suggestions.length) {
      var group = el("div", "ca-replies");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", t("suggestions"));
      config.suggestions.forEach(function (text) {
        var button = el("button", "ca-reply", text);
        button.type = "button";
        button.addEventListener("click", function () { send(text, null); });
        group.appendChild(button);
      });
      node.appendChild(group);
    }
    return node;
  }

  function renderButtons(buttons) {
    var group = el("div", "ca-replies");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", t("quick-replies"));
    buttons.forEach(function (b) {
      var button = el("button", "ca-reply", b.title);
      button.type = "button";
      button.addEventListener("click", function () { send(b.title, b.payload); });
      group.appendChild(button);
    });
    return group;
  }

  function fact(label, value, note) {
    var node = el("div", "ca-fact");
    node.appendChild(el("dt", null, label));
    var dd = el("dd", null, value);
    if (note) dd.appendChild(el("span", "ca-fact__note", note));
    node.appendChild(dd);
    return node;
  }

  function renderCard(course, position) {
    var card = el("li", "ca-card");
    var head = el("div", "ca-card__head");
    var numberBadge = el("span", "ca-card__num", position);
    numberBadge.setAttribute("aria-hidden", "true");
    head.appendChild(numberBadge);
    var headText = el("div");
    var heading = el("h3", "ca-card__title");
    heading.appendChild(srOnly(position + ". "));
    heading.appendChild(document.createTextNode(String(course.title || t("untitled"))));
    headText.appendChild(heading);
    headText.appendChild(
      el("p", "ca-card__provider", course.provider ? String(course.provider) : t("no-provider"))
    );
    head.appendChild(headText);
    card.appendChild(head);

    var price = formatPrice(course);
    var facts = el("dl", "ca-card__facts");
    facts.appendChild(fact(t("length"), formatLength(course)));
    facts.appendChild(fact(t("time"), formatTime(course)));
    facts.appendChild(fact(t("price"), price.main, price.note));
    facts.appendChild(fact(t("credit"), formatCredits(course), ""));
    card.appendChild(facts);

    if (course.why) {
      var why = el("p", "ca-card__why");
      why.appendChild(el("strong", null, t("why")));
      why.appendChild(document.createTextNode(String(course.why)));
      card.appendChild(why);
    }
    card.appendChild(courseLink(course) || el("p", "ca-card__nolink", t("no-link")));
    var actions = renderCardActions(course);
    if (actions) card.appendChild(actions);
    return card;
  }

  /** "View course page" (opens a new tab); null when the course has no http(s) address. */
  function courseLink(course) {
    var href = safeUrl(course.url);
    if (!href) return null;
    var link = externalLink(href, t("view-course"), "ca-card__link");
    link.appendChild(srOnly(": " + t("new-tab", { title: course.title || t("untitled") })));
    link.appendChild(svgIcon(ICONS.external));
    return link;
  }

  /** The course's number in the assistant's last list (a details card is not always number 1),
   *  else its place in this message. */
  function cardPosition(course, fallback) {
    var position = course.position;
    return typeof position === "number" && Number.isInteger(position) && position > 0 ? position : fallback;
  }

  var CARD_ACTIONS = ["details", "save", "compare"];

  /** A card's buttons as the assistant sent them ("Tell me more", "Save", "Compare"): each sends
   *  its payload; the learner's side of the chat says what was asked, course named. */
  function renderCardActions(course) {
    var actions = Array.isArray(course.actions) ? course.actions.filter(function (action) {
      return action && typeof action.payload === "string" && action.payload &&
        (CARD_ACTIONS.indexOf(action.kind) !== -1 || (typeof action.title === "string" && action.title.trim()));
    }) : [];
    if (!actions.length) return null;
    var courseTitle = String(course.title || t("untitled"));
    var group = el("div", "ca-card__actions");
    actions.forEach(function (action) {
      var known = CARD_ACTIONS.indexOf(action.kind) !== -1;
      var label = known ? t("card-" + action.kind) : action.title.trim();
      var said = known ? t("card-" + action.kind + "-said", { title: courseTitle }) : label;
      var button = el("button", "ca-card__action", label);
      button.type = "button";
      button.setAttribute("aria-label", t("card-action-name", { action: label, title: courseTitle }));
      button.addEventListener("click", function () { send(said, action.payload); });
      group.appendChild(button);
    });
    return group;
  }

  function renderCourseList(custom) {
    var courses = Array.isArray(custom.courses) ? custom.courses : [];
    var list = el("ul", "ca-cards");
    list.setAttribute(
      "aria-label", courses.length === 1 ? t("one-course") : t("courses", { count: courses.length })
    );
    courses.forEach(function (course, i) {
      if (course && typeof course === "object") {
        list.appendChild(renderCard(course, cardPosition(course, i + 1)));
      }
    });
    return list;
  }

  var COMPARE_ROWS = [
    ["provider", function (course) { return course.provider ? String(course.provider) : t("not-stated"); }],
    ["length", formatLength],
    ["time", formatTime],
    ["price", null],
    ["credit", formatCredits],
    ["type", function (course) { return labelOf(course.credential_label); }],
    ["level", function (course) { return labelOf(course.level_label); }],
    ["why-row", function (course) { return course.why ? String(course.why) : ""; }],
    ["course-page", null],
  ];

  function labelOf(value) {
    return typeof value === "string" && value.trim() ? value : t("not-stated");
  }

  /** A price cell: the price, its note (date, total) and whether it is the cheapest. */
  function priceCell(cell, course, cheapest) {
    var price = formatPrice(course);
    cell.appendChild(document.createTextNode(price.main));
    if (price.note) cell.appendChild(el("span", "ca-fact__note", price.note));
    if (cheapest) cell.appendChild(el("span", "ca-compare__cheapest", t("cheapest")));
  }

  /** Courses side by side as a table: a column per course, a row per fact. */
  function renderCompare(custom) {
    var courses = custom.courses.filter(function (c) { return c && typeof c === "object"; });
    var wrap = el("div", "ca-compare");
    // It scrolls sideways when the courses do not fit: a named region, reachable by keyboard.
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", t("compare-caption"));
    wrap.tabIndex = 0;
    var table = el("table", "ca-compare__table");
    table.appendChild(el("caption", null, t("compare-caption")));
    var headRow = el("tr");
    headRow.appendChild(el("td"));
    var positions = courses.map(function (course, i) { return cardPosition(course, i + 1); });
    courses.forEach(function (course, i) {
      var th = el("th", null, positions[i] + ". " + String(course.title || t("untitled")));
      th.scope = "col";
      headRow.appendChild(th);
    });
    var head = el("thead");
    head.appendChild(headRow);
    table.appendChild(head);
    var body = el("tbody");
    COMPARE_ROWS.forEach(function (rowSpec) {
      var tr = el("tr");
      var th = el("th", null, t(rowSpec[0]));
      th.scope = "row";
      tr.appendChild(th);
      courses.forEach(function (course, i) {
        var td = el("td");
        var link = rowSpec[0] === "course-page" ? courseLink(course) : null;
        if (rowSpec[0] === "price") priceCell(td, course, custom.cheapest === positions[i]);
        else if (link) td.appendChild(link);
        else td.textContent = rowSpec[1] ? rowSpec[1](course) : t("not-stated");
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    return wrap;
  }

  function renderEntry(entry, index, activeFrom) {
    var node;
    if (entry.role === "user") {
      node = row("user", entry.failed ? "ca-row--failed" : "");
      node.appendChild(srOnly(t("you-said")));
      node.appendChild(richText(el("p", "ca-bubble"), entry.text));
      if (entry.failed) {
        node.appendChild(el("span", "ca-status", t("not-sent")));
        node.appendChild(renderNotice(entry));
      }
      return node;
    }
    node = row("bot");
    node.appendChild(srOnly(t("bot-said", { title: config.title })));
    if (entry.text) node.appendChild(richText(el("p", "ca-bubble"), entry.text));
    var image = safeUrl(entry.image);
    if (image) {
      var img = el("img", "ca-image");
      img.src = image;
      img.alt = t("image-alt", { title: config.title });
      img.loading = "lazy";
      node.appendChild(img);
    }
    if (entry.custom && entry.custom.type === "course_list") {
      node.appendChild(renderCourseList(entry.custom));
    } else if (entry.custom && entry.custom.type === "course_compare") {
      node.appendChild(renderCompare(entry.custom));
    }
    if (entry.buttons && entry.buttons.length && index >= activeFrom) {
      node.appendChild(renderButtons(entry.buttons));
    }
    return node;
  }

  function renderNotice(entry) {
    var notice = el("div", "ca-notice");
    notice.setAttribute("role", "alert");
    notice.appendChild(el("p", "ca-notice__text", t("error")));
    var retry = el("button", "ca-retry", t("retry"));
    retry.type = "button";
    retry.addEventListener("click", function () { retryEntry(entry); });
    notice.appendChild(retry);
    return notice;
  }

  /** Quick replies are live only on bot messages after the learner's last message. */
  function activeFrom() {
    for (var i = history.length - 1; i >= 0; i--) {
      if (history[i].role === "user") return i + 1;
    }
    return 0;
  }

  function renderAll() {
    Array.prototype.slice.call(log.children).forEach(function (child) {
      if (child !== typing) log.removeChild(child);
    });
    if (!history.length) log.insertBefore(renderIntro(), typing);
    var from = activeFrom();
    history.forEach(function (entry, i) {
      log.insertBefore(renderEntry(entry, i, from), typing);
    });
    scrollToEnd();
  }

  function append(entry) {
    history.push(entry);
    saveHistory();
    var intro = log.querySelector(".ca-row--intro");
    if (intro) log.removeChild(intro);
    var node = renderEntry(entry, history.length - 1, activeFrom());
    log.insertBefore(node, typing);
    return node;
  }

  function clearQuickReplies() {
    Array.prototype.forEach.call(log.querySelectorAll(".ca-replies"), function (group) {
      group.parentNode.removeChild(group);
    });
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  /** Show a reply from its start when it is taller than the log, else scroll to the end. */
  function revealFrom(node) {
    if (!node) return scrollToEnd();
    var top = node.offsetTop - 8;
    if (log.scrollHeight - top > log.clientHeight) log.scrollTop = top;
    else scrollToEnd();
  }

  // ---------------------------------------------------------------- talking to Rasa
  function botEntry(message) {
    if (!message || typeof message !== "object") return null;
    var entry = { role: "bot" };
    if (typeof message.text === "string" && message.text.trim()) entry.text = message.text;
    if (Array.isArray(message.buttons)) {
      var buttons = message.buttons
        .filter(function (b) { return b && typeof b.title === "string" && b.title.trim(); })
        .map(function (b) {
          return { title: b.title, payload: typeof b.payload === "string" ? b.payload : b.title };
        });
      if (buttons.length) entry.buttons = buttons;
    }
    if (safeUrl(message.image)) entry.image = message.image;
    var custom = message.custom;
    if (custom && typeof custom === "object" && Array.isArray(custom.courses) && custom.courses.length) {
      if (custom.type === "course_list") entry.custom = { type: "course_list", courses: custom.courses };
      else if (custom.type === "course_compare" && custom.courses.length > 1) {
        entry.custom = { type: "course_compare", courses: custom.courses, cheapest: num(custom.cheapest) };
      }
    }
    return entry.text || entry.buttons || entry.image || entry.custom ? entry : null;
  }

  /** Titles of the courses on cards in this reply, or null when there are none. */
  function courseTitles(replies) {
    if (!config.hideCardText) return null;
    var titles = [];
    replies.forEach(function (reply) {
      if (!reply.custom) return;
      reply.custom.courses.forEach(function (course) {
        if (course && typeof course.title === "string" && course.title) titles.push(course.title);
      });
    });
    return titles.length ? titles : null;
  }

  /**
   * Is this a plain text message that is only a numbered list of the carded courses (the text
   * version Rasa sends for channels without cards)? Then the cards already say it all.
   */
  function isListOf(reply, titles) {
    if (!reply.text || reply.buttons || reply.image || reply.custom) return false;
    if (!/^\s*1\.\s/.test(reply.text)) return false;
    return titles.every(function (title) { return reply.text.indexOf(title) !== -1; });
  }

  var senderRequest = null;

  /** A new sender id from the server (POST /webhooks/rest/session): ids are signed there, so
   * nobody can pick or guess another learner's. One request at a time. */
  function newSender() {
    if (!senderRequest) {
      senderRequest = fetch(config.server + "/webhooks/rest/session", {
        method: "POST",
        mode: "cors",
        credentials: "omit",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          if (!data || typeof data.sender !== "string" || !data.sender) throw new Error("no sender");
          sender = data.sender;
          if (local()) storageSet(local(), "sender", sender);
          touchStored();
          return sender;
        })
        .finally(function () {
          senderRequest = null;
        });
    }
    return senderRequest;
  }

  function postAs(id, message) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    return fetch(config.server + "/webhooks/rest/webhook", {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      // Tell the assistant this client draws course_list cards and course_compare tables, so it
      // need not repeat them as text.
      body: JSON.stringify({
        sender: id, message: message, metadata: { renders: ["course_list", "course_compare"] },
      }),
      signal: controller ? controller.signal : undefined,
    }).finally(function () {
      if (timer) clearTimeout(timer);
    });
  }

  function post(message) {
    if (!config.server) return Promise.reject(new Error("no data-server"));
    return (sender ? Promise.resolve(sender) : newSender())
      .then(function (id) {
        return postAs(id, message).then(function (response) {
          // A stored id the server no longer accepts (a new secret, an old unsigned id):
          // start a new conversation once, rather than fail every message.
          if (response.status !== 403) return response;
          return newSender().then(function (fresh) { return postAs(fresh, message); });
        });
      })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        if (!Array.isArray(data)) throw new Error("unexpected reply");
        return data;
      });
  }

  var queue = Promise.resolve();
  var pending = 0;

  function setTyping(on) {
    typing.hidden = !on;
    if (on) scrollToEnd();
  }

  function deliver(entry, node) {
    var gen = generation;
    if (history.indexOf(entry) === -1) return Promise.resolve(); // cleared before it was sent
    pending += 1;
    setTyping(true);
    return post(entry.payload || entry.text)
      .then(function (messages) {
        if (gen !== generation) return null; // the chat was cleared meanwhile
        var first = null;
        var replies = messages.map(botEntry).filter(Boolean);
        var cardTitles = courseTitles(replies);
        replies.forEach(function (reply) {
          if (cardTitles && isListOf(reply, cardTitles)) return; // shown as cards instead
          var replyNode = append(reply);
          first = first || replyNode;
        });
        if (first && panel.hidden) badge.hidden = false;
        return first;
      })
      .catch(function () {
        if (gen !== generation) return null;
        entry.failed = true;
        saveHistory();
        if (!node.parentNode) {
          renderAll(); // the log was redrawn meanwhile (retry, another tab)
          return null;
        }
        var failedNode = renderEntry(entry, history.indexOf(entry), activeFrom());
        log.replaceChild(failedNode, node);
        return failedNode;
      })
      .then(function (shown) {
        pending -= 1;
        if (!pending) setTyping(false);
        revealFrom(shown);
      });
  }

  function send(text, payload) {
    text = String(text || "").slice(0, MAX_LENGTH);
    if (!text.trim()) return;
    clearQuickReplies();
    var entry = { role: "user", text: text };
    if (payload && payload !== text) entry.payload = String(payload).slice(0, MAX_LENGTH);
    var node = append(entry);
    scrollToEnd();
    queue = queue.then(function () { return deliver(entry, node); });
    if (panel.hidden) open(false);
    else if (shadow.activeElement === null || !panel.contains(shadow.activeElement)) input.focus();
  }

  function retryEntry(entry) {
    var index = history.indexOf(entry);
    if (index !== -1) history.splice(index, 1);
    saveHistory();
    renderAll();
    send(entry.text, entry.payload);
    input.focus();
  }

  /** "Clear this chat": forget the conversation on this device; the next message starts a new one. */
  function reset() {
    generation += 1;
    history = [];
    sender = null; // the next message asks the server for a new sender id
    dropStored();
    badge.hidden = true;
    renderAll();
    cleared.textContent = "";
    cleared.textContent = t("cleared");
    input.focus();
  }

  // ---------------------------------------------------------------- open / close
  function open(focusInput) {
    panel.hidden = false;
    root.setAttribute("data-open", "true");
    launcher.setAttribute("aria-expanded", "true");
    panel.setAttribute("aria-modal", fullScreen && fullScreen.matches ? "true" : "false");
    badge.hidden = true;
    if (session()) storageSet(session(), "open", "1");
    scrollToEnd();
    if (focusInput !== false) input.focus();
  }

  function close() {
    panel.hidden = true;
    root.setAttribute("data-open", "false");
    launcher.setAttribute("aria-expanded", "false");
    if (session()) storageSet(session(), "open", null);
    launcher.focus();
  }

  function toggle() {
    if (panel.hidden) open();
    else close();
  }

  function updateComposer() {
    var length = input.value.length;
    sendButton.disabled = !input.value.trim();
    if (length >= COUNTER_FROM) {
      counter.textContent = length.toLocaleString("en-GB") + " / " + MAX_LENGTH.toLocaleString("en-GB");
      counter.setAttribute("data-full", length >= MAX_LENGTH ? "true" : "false");
    } else {
      counter.textContent = "";
    }
    input.style.height = "";
    if (input.scrollHeight) {
      input.style.height = "auto";
      input.style.height = Math.min(input.scrollHeight + 3, 136) + "px";
    }
  }

  launcher.addEventListener("click", toggle);
  closeButton.addEventListener("click", close);
  clearButton.addEventListener("click", reset);
  var fullScreen = window.matchMedia ? window.matchMedia("(max-width: 480px)") : null;

  function focusables() {
    return Array.prototype.filter.call(
      panel.querySelectorAll("button, a[href], textarea, [tabindex='0']"),
      function (node) { return !node.disabled && node.getClientRects().length > 0; }
    );
  }

  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab" && fullScreen && fullScreen.matches) {
      // Full screen on a phone: keep focus in the panel, the page behind is covered.
      var nodes = focusables();
      if (!nodes.length) return;
      var first = nodes[0];
      var last = nodes[nodes.length - 1];
      var active = shadow.activeElement;
      if (event.shiftKey && active === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }
  });

  // Another tab of the same site changed the conversation: show it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === prefix + ":sender") sender = event.newValue || null;
    if (event.key === prefix + ":history" && !pending) {
      history = loadHistory();
      renderAll();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) return;
    input.value = "";
    updateComposer();
    send(text, null);
    input.focus();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (typeof form.requestSubmit === "function") form.requestSubmit();
      else form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });
  input.addEventListener("input", updateComposer);

  // Any element on the page with data-course-advisor-open opens the chat.
  document.addEventListener("click", function (event) {
    var target = event.target;
    var trigger = target && target.closest ? target.closest("[data-course-advisor-open]") : null;
    if (trigger) {
      event.preventDefault();
      open();
    }
  });

  function mount() {
    document.body.appendChild(host);
    try {
      renderAll();
    } catch (e) {
      history = []; // a stored conversation this version cannot show: start afresh
      saveHistory();
      renderAll();
    }
    updateComposer();
    var wasOpen = session() && storageGet(session(), "open") === "1";
    if (wasOpen || (config.openOnLoad && !history.length)) open(false);
  }

  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);

  window.CourseAdvisorWidget = {
    open: function () { open(); },
    close: close,
    send: function (text) { send(text, null); },
    reset: reset,
  };
})();
