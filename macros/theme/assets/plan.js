/* Weekly plan: task ticks (localStorage, shared by both languages), start date (URL + storage), week dates,
   "this week", progress bars, .ics download, progress export/import. Holds no user-visible text: strings and
   the plan's weeks come from the page's <script id="plan-config">. Does nothing where its elements are absent. */
(() => {
  "use strict";
  const KEY = "llm-research-roadmap:plan";
  const FORMAT = "llm-research-roadmap-progress";
  const DAY = 864e5;
  const BOX = "input.rr-task__box[data-task]";
  let config = { strings: {}, weeks: [] };
  let state = blank();
  let storageBad = false;
  let badStart = null;

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  function say(key, values = {}) {
    return (config.strings[key] || "").replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  }
  function blank() { return { version: 1, start: "", done: {} }; }

  /* --- dates: whole days as UTC milliseconds ------------------------------------------------ */
  function parseDate(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof s === "string" ? s : "");
    if (!m) return null;
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return iso(t) === s ? t : null;
  }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function monday(t) { return t - ((new Date(t).getUTCDay() + 6) % 7) * DAY; }
  function today() { const d = new Date(); return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()); }
  function locale() {
    const page = document.documentElement.lang || "en";
    const prefix = page.split("-")[0].toLowerCase();
    return (navigator.languages || []).find((l) => l.toLowerCase().split("-")[0] === prefix) || page;
  }
  const FMT = new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeZone: "UTC" });
  const range = (a, b) => FMT.formatRange(new Date(a), new Date(b));
  const day = (t) => FMT.format(new Date(t));

  /* --- storage: {version: 1, start, done: {id: true}}; version 0 was a bare list of ids ------- */
  function clean(raw) {
    if (Array.isArray(raw)) raw = { version: 1, done: raw };
    if (!raw || typeof raw !== "object" || raw.version !== 1) return null;
    const ids = Array.isArray(raw.done) ? raw.done
      : Object.keys(raw.done && typeof raw.done === "object" ? raw.done : {}).filter((k) => raw.done[k]);
    const done = {};
    ids.forEach((id) => { if (typeof id === "string" && /^[a-z0-9][a-z0-9-]*$/.test(id)) done[id] = true; });
    return { version: 1, start: parseDate(raw.start) === null ? "" : raw.start, done };
  }
  function load() {
    let text = null;
    try { text = localStorage.getItem(KEY); } catch (e) { return blank(); }
    if (text === null) return blank();
    try { const s = clean(JSON.parse(text)); if (s) return s; } catch (e) { /* corrupted: ignored below */ }
    storageBad = true;
    return blank();
  }
  function save() { try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode */ } }

  /* --- painting ------------------------------------------------------------------------------ */
  function paint() {
    $$(BOX).forEach((box) => {
      box.checked = !!state.done[box.dataset.task];
      const li = box.closest(".rr-task");
      if (li) li.classList.toggle("is-done", box.checked);
    });
    $$("[data-progress]").forEach((el) => {
      const scope = el.closest("[data-progress-scope]") || document;
      const ids = new Set($$(BOX, scope).map((b) => b.dataset.task));
      const done = Array.from(ids).filter((id) => state.done[id]).length;
      const bar = $("progress", el);
      bar.max = ids.size || 1;
      bar.value = done;
      $(".rr-progress__count", el).textContent = say("count", { done, total: ids.size });
      el.hidden = false;
    });
    paintDates();
  }

  function paintDates() {
    const start = parseDate(state.start);
    const now = today();
    let current = 0, open = 0, firstOpen = 0;
    $$(".rr-week[data-week]").forEach((sec) => {
      const n = +sec.dataset.week, out = $(".rr-week__dates", sec);
      const a = start + (n - 1) * 7 * DAY, b = a + 6 * DAY;
      const isNow = start !== null && now >= a && now <= b;
      sec.classList.toggle("rr-week--current", isNow);
      sec.classList.toggle("rr-week--past", start !== null && now > b);
      if (isNow) current = n;
      if (start !== null && now > b) {
        const left = $$(BOX, sec).filter((x) => !state.done[x.dataset.task]).length;
        if (left && !firstOpen) firstOpen = n;
        open += left;
      }
      if (!out) return;
      out.replaceChildren();
      out.hidden = start === null;
      if (start === null) return;
      const time = document.createElement("time");
      time.dateTime = iso(a);
      time.textContent = range(a, b);
      out.append(time);
      if (isNow) {
        const badge = document.createElement("strong");
        badge.className = "rr-week__now";
        badge.textContent = say("this-week");
        out.append(" ", badge);
      }
    });
    const shown = $$(".rr-week[data-week]").map((s) => +s.dataset.week);
    const first = Math.min(...shown), last = Math.max(...shown), total = config.weeks.length || last;
    $$("[data-plan-range]").forEach((el) => {
      el.textContent = start === null || !shown.length ? ""
        : " · " + range(start + (first - 1) * 7 * DAY, start + (last * 7 - 1) * DAY);
    });
    const jump = $("#plan-jump"), hint = $("#plan-hint"), behind = $("#plan-behind");
    if (jump) {
      jump.hidden = !current;
      jump.href = "#week-" + current;
      jump.textContent = current ? say("jump", { n: current }) : "";
    }
    if (behind) {
      behind.hidden = !(current && open);
      behind.replaceChildren();
      if (current && open) {
        const link = document.createElement("a");
        link.href = "#week-" + firstOpen;
        link.textContent = say("behind", { n: open, week: firstOpen });
        behind.append(link);
      }
    }
    if (hint) {
      const end = start + total * 7 * DAY - DAY;
      hint.textContent = badStart !== null ? say("hint-bad", { value: badStart })
        : start === null ? say("hint-none")
        : now < start ? say("hint-before", { date: day(start) })
        : now > end ? say("hint-after", { date: day(end) })
        : say("hint-monday", { date: day(start) });
    }
    const input = $("#plan-start");
    if (input && document.activeElement !== input) input.value = state.start;
  }

  /* --- start date ------------------------------------------------------------------------------ */
  function setStart(value) {
    const t = parseDate(value);
    state.start = t === null ? "" : iso(monday(t));
    save();
    const url = new URL(location.href);
    if (state.start) url.searchParams.set("start", state.start);
    else url.searchParams.delete("start");
    history.replaceState(history.state, "", url);
    paint();
  }
  function startFromUrl() {
    const params = new URLSearchParams(location.search);
    const value = params.get("start");
    if (value === null) return setStart(state.start);
    if (parseDate(value) === null) { badStart = value; return setStart(state.start); }
    setStart(value);
  }

  /* --- files ------------------------------------------------------------------------------------- */
  function download(text, type, name) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  }
  const icsText = (s) => String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  function fold(line) {
    const parts = [];
    let cur = "", bytes = 0;
    for (const ch of line) {
      const cp = ch.codePointAt(0), n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > 75) { parts.push(cur); cur = " "; bytes = 1; }
      cur += ch;
      bytes += n;
    }
    parts.push(cur);
    return parts.join("\r\n");
  }
  function calendar() {
    const start = parseDate(state.start);
    if (start === null) { message(say("calendar-none")); $("#plan-start").focus(); return; }
    const ymd = (t) => iso(t).replace(/-/g, "");
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const page = location.href.split("#")[0];
    const total = config.weeks.length;
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//llm-research-roadmap//weekly plan//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + icsText(config.title)];
    config.weeks.forEach((w) => {
      const a = start + (w.week - 1) * 7 * DAY;
      const tasks = w.tasks.map((t) => (state.done[t.id] ? "☑ " : "☐ ") + t.text
        + (t.links.length ? "\n    " + say("ics-links") + ": "
          + t.links.map((l) => (l.url ? l.label + " <" + l.url + ">" : l.label)).join(" · ") : ""));
      const description = [say("ics-week", { n: w.week, total }), ...tasks, page + "#week-" + w.week].join("\n");
      lines.push("BEGIN:VEVENT", "UID:week-" + String(w.week).padStart(2, "0") + "@llm-research-roadmap",
        "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + ymd(a), "DTEND;VALUE=DATE:" + ymd(a + 7 * DAY),
        "SUMMARY:" + icsText(w.title), "DESCRIPTION:" + icsText(description), "URL:" + page + "#week-" + w.week,
        "TRANSP:TRANSPARENT", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    download(lines.map(fold).join("\r\n") + "\r\n", "text/calendar;charset=utf-8", "llm-research-roadmap.ics");
    message(say("calendar-done"));
  }
  function exportProgress() {
    const done = Object.keys(state.done).sort();
    const data = { format: FORMAT, version: 1, exported: new Date().toISOString(), start: state.start, done };
    download(JSON.stringify(data, null, 2) + "\n", "application/json", "llm-research-roadmap-progress.json");
    message(say("exported", { n: done.length }));
  }
  function importProgress(file) {
    file.text().then((text) => {
      let data = null;
      try { const raw = JSON.parse(text); data = raw && raw.format === FORMAT ? clean(raw) : null; } catch (e) { data = null; }
      if (!data) { message(say("import-bad"), true); return; }
      state.done = data.done;
      setStart(data.start || state.start);
      message(say("imported", { n: Object.keys(data.done).length }));
    }, () => message(say("import-bad"), true));
  }
  function message(text, problem = false) {
    const out = $("#plan-message");
    if (!out) return;
    out.textContent = text;
    out.classList.toggle("rr-plan-message--problem", problem);
  }

  /* --- wiring ------------------------------------------------------------------------------------ */
  function init() {
    const el = $("#plan-config");
    if (el) { try { config = { ...config, ...JSON.parse(el.textContent) }; } catch (e) { /* keep defaults */ } }
    state = load();
    if ($(".rr-week[data-week], #plan-start")) startFromUrl();
    else paint();
    $$(".md-content a[href]:not(.headerlink):not([href^='#'])").forEach((a) => { a.dataset.printHref = a.href; });
    const tools = $(".rr-plan-tools__body");
    if (!tools) return;
    tools.hidden = false;
    if (storageBad) message(say("storage-bad"), true);
    const input = $("#plan-start"), file = $("#plan-import");
    input.addEventListener("change", () => { badStart = null; setStart(input.value); });
    file.addEventListener("change", () => { if (file.files[0]) importProgress(file.files[0]); file.value = ""; });
    const actions = {
      "clear-start": () => { badStart = null; setStart(""); input.focus(); },
      calendar, print: () => window.print(), export: exportProgress, import: () => file.click(),
      reset: () => {
        if (!window.confirm(say("reset-confirm"))) return;
        state.done = {};
        save();
        paint();
        message(say("reset-done"));
      },
    };
    tools.addEventListener("click", (e) => {
      const button = e.target.closest("button[data-plan]");
      if (button && actions[button.dataset.plan]) actions[button.dataset.plan]();
    });
  }

  document.addEventListener("change", (e) => {
    const box = e.target;
    if (!(box instanceof HTMLInputElement) || !box.matches(BOX)) return;
    if (box.checked) state.done[box.dataset.task] = true;
    else delete state.done[box.dataset.task];
    save();
    paint();
  });
  window.addEventListener("storage", (e) => { if (e.key === KEY) { state = load(); paint(); } });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
