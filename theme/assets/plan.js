/* Weekly plan: ticks in localStorage (one store for both languages, merged across tabs), start date (URL +
   storage), week dates, this week, progress, .ics, export/import, a link that carries the ticks. No user-visible
   text here: strings, weeks and share codes come from <script id="plan-config">. Pages without these elements are
   left alone. */
(() => {
  "use strict";
  const KEY = "llm-research-roadmap:plan";
  const FORMAT = "llm-research-roadmap-progress";
  const DAY = 864e5;
  const BOX = "input.rr-task__box[data-task]";
  const MAX_IMPORT = 1e6; /* bytes: a progress file of every task is a few kilobytes */
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  let config = { strings: {}, weeks: [] };
  let state = blank();
  let storageBad = false;
  let storageFailed = false;
  let badStart = null;

  /* ticks: for every task id decided so far, whether it is ticked and when (ms) that was decided. A Map, so that
     no id (not even "constructor") reads as ticked before it is; the times let two tabs merge their ticks */
  function blank() { return { version: 1, start: "", pace: "", ticks: new Map() }; }
  const isDone = (id) => state.ticks.get(id)?.on === true;
  const doneIds = (ticks = state.ticks) => [...ticks].filter(([, t]) => t.on).map(([id]) => id);
  function say(key, values = {}) {
    return (config.strings[key] || "").replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  }
  function message(text, problem = false) {
    const out = $("#plan-message");
    if (out) { out.textContent = text; out.classList.toggle("rr-plan-message--problem", problem); }
  }

  /* dates are whole days in UTC milliseconds */
  /* a start in years 1970-2999 only: the plan's last day stays a four-digit year in every file written */
  function parseDate(s) {
    const m = /^([12]\d{3})-(\d{2})-(\d{2})$/.exec(typeof s === "string" ? s : "");
    const t = m && +m[1] >= 1970 ? Date.UTC(+m[1], m[2] - 1, +m[3]) : NaN;
    return m && !Number.isNaN(t) && iso(t) === s ? t : null;
  }
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  const monday = (t) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
  const lang = document.documentElement.lang || "en";
  const locale = (navigator.languages || []).find((l) => l.split("-")[0] === lang.split("-")[0]) || lang;
  /* made on first use: building a date format costs ~50 ms of a page load, and most pages show no date */
  let fmt = null;
  const FMT = () => fmt || (fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }));
  const range = (a, b) => FMT().formatRange(new Date(a), new Date(b));
  const day = (t) => FMT().format(new Date(t));

  /* the pace: "" (the plan's own length), a length in weeks ("12") or hours a week ("8h"); every week of the plan
     then takes the same share of the calendar, and its hours are the same at every pace (config.pace: the plan's
     weekly budget, the lengths on offer, its own length) */
  function cleanPace(value) {
    const p = config.pace;
    if (!p || typeof value !== "string") return "";
    if (/^\d{1,3}$/.test(value) && p.weeks.includes(+value)) return +value === p.default ? "" : value;
    const h = /^(\d{1,2}(?:\.5)?)h$/.exec(value);
    return h && +h[1] >= 1 && +h[1] <= 60 ? `${+h[1]}h` : "";
  }
  /* calendar weeks per week of the plan */
  function stretch() {
    const p = config.pace;
    if (!p || !state.pace) return 1;
    return state.pace.endsWith("h") ? p.hours / parseFloat(state.pace) : +state.pace / p.default;
  }
  const planWeeks = () => (config.pace?.default || config.weeks.length || 0);
  const weeklyHours = () => (config.pace ? Math.round((config.pace.hours / stretch()) * 2) / 2 : 0);
  /* the first day of week n of the plan (1-based; n = weeks + 1 is the day after the plan) */
  const weekStart = (start, n) => start + Math.round((n - 1) * 7 * stretch()) * DAY;

  /* a task id is a data id (the model's ID_PATTERN, handed over in the config); without a config, keep ids */
  const validId = (id) => !config.idPattern || new RegExp(config.idPattern).test(id);
  /* storage: {version: 1, start, done: {id: true}, at: {id: ms}}: `done` lists the ticked ids, `at` when each
     decided id was last ticked or unticked (absent in files written before: time 0); version 0 was a bare list */
  function clean(raw) {
    if (Array.isArray(raw)) raw = { version: 1, done: raw };
    if (!raw || typeof raw !== "object" || raw.version !== 1) return null;
    const d = raw.done && typeof raw.done === "object" ? raw.done : {};
    const at = raw.at && typeof raw.at === "object" && !Array.isArray(raw.at) ? raw.at : {};
    const when = (id) => (Object.hasOwn(at, id) && Number.isFinite(at[id]) ? at[id] : 0);
    const ticks = new Map();
    (Array.isArray(d) ? d : Object.keys(d).filter((k) => d[k] === true)).forEach((id) => {
      if (typeof id === "string" && validId(id)) ticks.set(id, { on: true, at: when(id) });
    });
    Object.keys(at).forEach((id) => { if (!ticks.has(id) && validId(id)) ticks.set(id, { on: false, at: when(id) }); });
    return { version: 1, start: parseDate(raw.start) === null ? "" : raw.start, pace: cleanPace(raw.pace), ticks };
  }
  function serialise(s) {
    const done = {};
    const at = {};
    [...s.ticks.keys()].sort().forEach((id) => {
      const t = s.ticks.get(id);
      if (t.on) done[id] = true;
      at[id] = t.at;
    });
    return JSON.stringify({ version: 1, start: s.start, ...(s.pace ? { pace: s.pace } : {}), done, at });
  }
  function parseStored(text) {
    if (text === null) return blank();
    try { const s = clean(JSON.parse(text)); if (s) return s; } catch { /* corrupted */ }
    return null;
  }
  function load() {
    let text = null;
    try { text = localStorage.getItem(KEY); } catch { return blank(); }
    const s = parseStored(text);
    if (s) return s;
    storageBad = true;
    return blank();
  }
  /* the newer decision for every id (a tie keeps the tick), and the start date of `mine` */
  function merged(mine, theirs) {
    const ticks = new Map(mine.ticks);
    theirs.ticks.forEach((t, id) => {
      const own = ticks.get(id);
      if (!own || t.at > own.at || (t.at === own.at && t.on)) ticks.set(id, t);
    });
    return { version: 1, start: mine.start, pace: mine.pace, ticks };
  }
  /* write the ticks, merged with what another tab may have written since this one last read */
  function save() {
    try {
      const other = parseStored(localStorage.getItem(KEY));
      if (other) state = merged(state, other);
      localStorage.setItem(KEY, serialise(state));
      storageFailed = false;
    } catch {
      if (!storageFailed) notice(say("storage-failed"));
      storageFailed = true;
    }
  }
  /* a tick decided now; ticks are never deleted, only unticked, so that every tab learns of it */
  function decide(id, on, at = Date.now()) { state.ticks.set(id, { on, at }); }
  /* the problem said where the reader looks: the plan's message line, else just before the first task */
  function notice(text) {
    if ($("#plan-message")) { message(text, true); return; }
    let out = $("#plan-notice");
    const first = $(BOX);
    if (!out && first) {
      out = Object.assign(document.createElement("p"), { id: "plan-notice", className: "rr-plan-message rr-plan-message--problem" });
      out.setAttribute("role", "alert");
      first.closest("ul, ol, section")?.before(out);
    }
    if (out) out.textContent = text;
  }

  function paint() {
    $$(".rr-wall__task[data-task]").forEach((li) => li.classList.toggle("is-done", isDone(li.dataset.task)));
    $$(BOX).forEach((box) => {
      box.checked = isDone(box.dataset.task);
      box.closest(".rr-task")?.classList.toggle("is-done", box.checked);
    });
    $$("[data-progress]").forEach((el) => {
      // A "before you start" self-check never counts; an optional "go further" task counts once ticked.
      const counted = $$(BOX, el.closest("[data-progress-scope]") || document)
        .filter((b) => !b.hasAttribute("data-uncounted"))
        .filter((b) => !b.closest("[data-optional]") || isDone(b.dataset.task));
      const ids = new Set(counted.map((b) => b.dataset.task));
      const done = [...ids].filter(isDone).length;
      const bar = $("progress", el);
      bar.max = ids.size || 1;
      bar.value = done;
      $(".rr-progress__count", el).textContent = say("count", { done, total: ids.size });
    });
    /* on paper: how much of the page's counted tasks is done ("12 of 79 done"), where the bars are not printed */
    $$("[data-print-count]").forEach((el) => {
      const ids = new Set(counted(document).map((b) => b.dataset.task));
      el.textContent = ids.size ? ` · ${say("count", { done: [...ids].filter(isDone).length, total: ids.size })}` : "";
    });
    paintDates();
    paintContinue();
  }

  /* where the reader is, for every line that says so: the first week with a counted task still open (the weeks'
     counted ids come from the config: the index's counted_task_ids), and what is done of all counted tasks */
  function whereAmI() {
    const weeks = config.taskWeeks || [];
    const all = weeks.flat();
    const next = weeks.findIndex((ids) => ids.some((id) => !isDone(id))) + 1 || weeks.length;
    return { next, done: all.filter(isDone).length, total: all.length };
  }

  /* the home page's weekly-plan card: "continue: week N · done/total" once something is ticked */
  function paintContinue() {
    const card = $("[data-plan-continue]");
    if (!card || !config.taskWeeks) return;
    const { next, done, total } = whereAmI();
    $(".rr-cards__continue", card).textContent = done ? say("continue", { n: next, done, total }) : "";
    if (done) card.href = `${card.href.split("#")[0]}#week-${next}`;
  }

  /* the boxes that count: not a "before you start" self-check, not a "go further" task */
  const counted = (root) => $$(`${BOX}:not([data-uncounted])`, root).filter((b) => !b.closest("[data-optional]"));

  function paintDates() {
    const start = parseDate(state.start);
    const dated = start !== null;
    const d = new Date();
    const now = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
    const weeks = $$(".rr-week[data-week]");
    const numbers = weeks.map((s) => +s.dataset.week);
    const from = (n) => weekStart(start, n);
    let current = 0;
    let open = 0;
    let firstOpen = 0;
    weeks.forEach((sec) => {
      const n = +sec.dataset.week;
      const a = from(n);
      const b = from(n + 1) - DAY;
      const out = $(".rr-week__dates", sec);
      const isNow = dated && now >= a && now <= b;
      const past = dated && now > b;
      sec.classList.toggle("rr-week--current", isNow);
      sec.classList.toggle("rr-week--past", past);
      if (isNow) current = n;
      const left = past ? counted(sec).filter((x) => !isDone(x.dataset.task)).length : 0;
      if (left && !firstOpen) firstOpen = n;
      open += left;
      if (!out) return;
      out.hidden = !dated;
      out.replaceChildren();
      if (!dated) return;
      const time = document.createElement("time");
      time.dateTime = iso(a);
      time.textContent = range(a, b);
      out.append(time);
      if (isNow) {
        const badge = Object.assign(document.createElement("strong"), { className: "rr-week__now" });
        badge.textContent = say("this-week");
        out.append(" ", badge);
      }
    });
    const first = Math.min(...numbers);
    const last = Math.max(...numbers);
    const end = from((config.weeks.length || last) + 1) - DAY;
    const paced = stretch() !== 1 ? ` · ${say("pace-label", { weeks: Math.round(planWeeks() * stretch()), hours: weeklyHours() })}` : "";
    $$("[data-plan-range]").forEach((el) => {
      el.textContent = dated && numbers.length ? ` · ${range(from(first), from(last + 1) - DAY)}${paced}` : paced;
    });
    paintPace(dated ? end : null);
    const jump = $("#plan-jump");
    const behind = $("#plan-behind");
    const hint = $("#plan-hint");
    const input = $("#plan-start");
    if (jump) {
      jump.hidden = !current;  // hidden, it keeps its words: a link is never empty
      if (current) {
        jump.href = `#week-${current}`;
        jump.textContent = say("jump", { n: current });
      }
    }
    if (behind) {
      behind.hidden = !(current && open);
      behind.replaceChildren();
      const link = Object.assign(document.createElement("a"), { href: `#week-${firstOpen}` });
      link.textContent = say("behind", { n: open, week: firstOpen });
      if (current && open) behind.append(link);
    }
    if (hint) {
      hint.textContent = badStart !== null ? say("hint-bad", { value: badStart })
        : !dated ? say("hint-none")
        : now < start ? say("hint-before", { date: day(start) })
        : now > end ? say("hint-after", { date: day(end) })
        : stretch() !== 1 ? say("hint-paced", { date: day(start), end: day(end) })
        : say("hint-monday", { date: day(start) });
    }
    if (input && document.activeElement !== input) input.value = state.start;
    const fold = $("[data-plan=fold-past]");
    if (fold) fold.hidden = !$(".rr-week--past");
  }

  /* the start date: a Monday, kept in storage and, on the page where it is chosen, in the URL (?start=YYYY-MM-DD):
     other pages only read it, so their addresses stay as the reader opened them */
  function setStart(value) {
    const t = parseDate(value);
    state.start = t === null ? "" : iso(monday(t));
    save();
    if ($("#plan-start")) {
      const url = new URL(location.href);
      if (state.start) url.searchParams.set("start", state.start);
      else url.searchParams.delete("start");
      if (state.pace) url.searchParams.set("pace", state.pace);
      else url.searchParams.delete("pace");
      history.replaceState(history.state, "", url);
    }
    paint();
  }
  function startFromUrl() {
    const params = new URLSearchParams(location.search);
    const value = params.get("start");
    if (value !== null && parseDate(value) === null) badStart = value;
    const pace = params.get("pace");  /* one this page cannot take leaves the remembered pace */
    if (pace !== null && (cleanPace(pace) || pace === String(config.pace?.default))) state.pace = cleanPace(pace);
    setStart(value !== null && badStart === null ? value : state.start);
  }

  /* the pace: kept in storage and, where it is chosen, in the URL (?pace=12 or ?pace=8h) */
  function setPace(value) {
    state.pace = cleanPace(value);
    setStart(state.start);
  }
  /* the pace control and its line: how many weeks, how many hours a week, when the plan ends */
  function paintPace(end) {
    const select = $("#plan-pace");
    const hours = $("#plan-hours");
    const line = $("#plan-pace-hint");
    if (!select || !config.pace) return;
    const own = state.pace.endsWith("h");
    if (document.activeElement !== select) select.value = own ? "hours" : state.pace || String(config.pace.default);
    hours.closest("[data-pace-hours]").hidden = !own && select.value !== "hours";
    if (document.activeElement !== hours) hours.value = own ? parseFloat(state.pace) : weeklyHours();
    const weeks = Math.round(planWeeks() * stretch() * 10) / 10;
    line.textContent = say(end === null ? "pace-hint" : "pace-hint-end",
      { weeks, hours: weeklyHours(), days: Math.round(7 * stretch() * 10) / 10, end: end === null ? "" : day(end) });
  }

  /* files */
  function download(text, type, name) {
    const a = Object.assign(document.createElement("a"), { href: URL.createObjectURL(new Blob([text], { type })), download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  }
  const icsText = (s) => String(s).replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n");
  function fold(line) { // RFC 5545: at most 75 octets a line, never inside a UTF-8 character
    const parts = [];
    let cur = "";
    let bytes = 0;
    for (const ch of line) {
      const cp = ch.codePointAt(0);
      const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > 75) { parts.push(cur); cur = " "; bytes = 1; }
      cur += ch;
      bytes += n;
    }
    return parts.concat(cur).join("\r\n");
  }
  /* an all-day event per week of the plan, at the reader's pace: its hours, every task with its first step and
     links, a reminder at 9:00 on its first day. UIDs never change and SEQUENCE grows with every download (minutes
     since 2026), so a calendar that knows the events updates them when the file is imported again */
  function calendar() {
    const start = parseDate(state.start);
    if (start === null) { message(say("calendar-none")); $("#plan-start").focus(); return; }
    const ymd = (t) => iso(t).replace(/-/g, "");
    const page = location.href.split("#")[0];
    const now = new Date();
    const stamp = now.toISOString().replace(/[-:]|\.\d+/g, "");
    const sequence = Math.max(0, Math.floor((now.getTime() - Date.UTC(2026, 0, 1)) / 60000));
    const hours = (h) => say("ics-hours", { h });
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//llm-research-roadmap//weekly plan//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${icsText(config.title)}`];
    config.weeks.forEach((w) => {
      const a = weekStart(start, w.week);
      const b = weekStart(start, w.week + 1);
      const tasks = w.tasks.map((t) => [`${isDone(t.id) ? "☑" : "☐"} ${t.text} (${hours(t.hours)})`,
        `    ${say("ics-step")}: ${t.step.url ? `${t.step.label} <${t.step.url}>` : t.step.label}${
          t.step.video ? ` · ${say(t.step.videoList ? "ics-playlist" : "ics-video")} <${t.step.video}>` : ""}`,
        ...(t.links.length ? [`    ${say("ics-links")}: ${t.links.map((l) => (l.url ? `${l.label} <${l.url}>` : l.label)).join(" · ")}`] : []),
      ].join("\n"));
      const load = [hours(w.hours), ...(w.over ? [say("ics-over", { budget: config.pace.hours })] : [])].join(" · ");
      const head = `${say("ics-week", { n: w.week, total: config.weeks.length })} · ${load}`;
      const text = [head, ...tasks, `${page}#week-${w.week}`];
      lines.push("BEGIN:VEVENT", `UID:week-${String(w.week).padStart(2, "0")}@llm-research-roadmap`,
        `DTSTAMP:${stamp}`, `LAST-MODIFIED:${stamp}`, `SEQUENCE:${sequence}`,
        `DTSTART;VALUE=DATE:${ymd(a)}`, `DTEND;VALUE=DATE:${ymd(b)}`,
        `SUMMARY:${icsText(w.summary)}`, `DESCRIPTION:${icsText(text.join("\n"))}`,
        `URL:${page}#week-${w.week}`, "TRANSP:TRANSPARENT",
        "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER;RELATED=START:PT9H",
        `DESCRIPTION:${icsText(w.summary)}`, "END:VALARM", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    download(`${lines.map(fold).join("\r\n")}\r\n`, "text/calendar;charset=utf-8", "llm-research-roadmap.ics");
    message(say("calendar-done"));
  }
  function exportProgress() {
    const done = doneIds().sort();
    const data = { format: FORMAT, version: 1, exported: new Date().toISOString(), start: state.start, done };
    download(`${JSON.stringify(data, null, 2)}\n`, "application/json", "llm-research-roadmap-progress.json");
    message(say("exported", { n: done.length }));
  }

  /* ticks arriving from a file or a link are never applied at once: the reader sees what would change (how many
     are new here, how many ticked here are not in them) and merges, replaces or leaves them */
  let incoming = null;
  function offer(ids, start, kind) {
    const here = doneIds();
    const theirs = new Set(ids);
    incoming = { ids: [...theirs], start };
    $("#plan-incoming-text").textContent = say(kind, { n: theirs.size,
      added: incoming.ids.filter((id) => !isDone(id)).length, only: here.filter((id) => !theirs.has(id)).length });
    $("#plan-incoming").hidden = false;
    $("#plan-incoming [data-plan=merge]").focus();
  }
  function settle(how) {
    if (incoming === null) return;
    const { ids, start } = incoming;
    incoming = null;
    $("#plan-incoming").hidden = true;
    if (location.hash.startsWith(`#${SHARE}`)) history.replaceState(history.state, "", location.href.split("#")[0]);
    if (how === "ignore") { message(say("ignored")); return; }
    const now = Date.now();
    if (how === "replace") doneIds().forEach((id) => decide(id, false, now));
    ids.forEach((id) => decide(id, true, now));
    if (start && (how === "replace" || !state.start)) setStart(start);
    else { save(); paint(); }
    message(say(how === "merge" ? "merged" : "replaced", { n: doneIds().length }));
  }
  function importProgress(file) {
    const refuse = (key = "import-bad") => message(say(key), true);
    if (file.size > MAX_IMPORT) { refuse("import-large"); return; }
    file.text().then((text) => {
      let data = null;
      try { const raw = JSON.parse(text); data = raw && raw.format === FORMAT ? clean(raw) : null; } catch { /* not JSON */ }
      if (!data) return refuse();
      offer(doneIds(data.ticks), data.start, "incoming-file");
    }, () => refuse());
  }

  /* progress in a link: each ticked task as its 4-character share code (config.shareCodes, made by the build,
     which refuses two tasks with one code) in the fragment, #progress=1.<codes>: never sent to a server; codes
     this page does not know are ignored */
  const SHARE = "progress=1.";
  const shareCodes = () => config.shareCodes || {};
  function shareLink() {
    const codes = shareCodes();
    const ids = doneIds().filter((id) => Object.hasOwn(codes, id)).sort();
    const url = new URL(location.href);
    if (state.start) url.searchParams.set("start", state.start);
    url.hash = SHARE + ids.map((id) => codes[id]).join("");
    return { url: url.href, n: ids.length };
  }
  function share() {
    const { url, n } = shareLink();
    const box = $("#plan-share");
    const field = $("#plan-share-link");
    field.value = url;
    box.hidden = false;
    const manual = () => { field.focus(); field.select(); message(say("shared-manual", { n })); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(() => message(say("shared", { n })), manual);
    } else manual();
  }
  function readShared() {
    const hash = location.hash.slice(1);
    if (!hash.startsWith(SHARE) || !$("#plan-incoming")) return;
    const ids = new Map(Object.entries(shareCodes()).map(([id, code]) => [code, id]));
    const found = (hash.slice(SHARE.length).match(/[A-Za-z0-9_-]{4}/g) || []).map((code) => ids.get(code));
    offer(found.filter(Boolean), "", "incoming");
  }

  function init() {
    try { config = { ...config, ...JSON.parse($("#plan-config")?.textContent || "{}") }; } catch { /* defaults */ }
    state = load();
    if ($(".rr-week[data-week], #plan-start")) startFromUrl();
    else paint();
    /* printed after external links: a short address (host, path and query: a video's id is in its query);
       a long one keeps its host and its last part (a slide file's name, a video's id) and leaves out the middle;
       links inside the site print none */
    $$(".md-content a[href]:not(.headerlink):not([href^='#'])").forEach((a) => {
      if (a.origin === location.origin || !/^https?:$/.test(a.protocol)) return;
      const host = a.host.replace(/^www\./, "");
      const path = a.pathname.replace(/\/$/, "");
      let short = host + path + a.search;
      if (short.length > 60) short = `${host}/…${path.slice(path.lastIndexOf("/"))}${a.search}`;
      a.dataset.printHref = short.length > 72 ? `${short.slice(0, 71)}…` : short;
    });
    $$("button[data-plan=print]").forEach((b) => { if (!b.closest(".rr-plan-tools__body")) b.addEventListener("click", () => window.print()); });
    const tools = $(".rr-plan-tools__body");
    if (!tools) return;
    if (storageBad) message(say("storage-bad"), true);
    const input = $("#plan-start");
    const file = $("#plan-import");
    input.addEventListener("change", () => {
      badStart = null;
      const picked = input.value;
      setStart(picked);
      if (state.start && state.start !== picked) { // a Wednesday becomes that week's Monday, in the field too
        input.value = state.start;
        message(say("moved-monday", { picked: day(parseDate(picked)), date: day(parseDate(state.start)) }));
      }
    });
    file.addEventListener("change", () => { if (file.files[0]) importProgress(file.files[0]); file.value = ""; });
    const pace = $("#plan-pace");
    const perWeek = $("#plan-hours");
    if (pace) {
      pace.addEventListener("change", () => {
        if (pace.value === "hours") { perWeek.closest("[data-pace-hours]").hidden = false; setPace(`${perWeek.value || weeklyHours()}h`); }
        else setPace(pace.value);
      });
      perWeek.addEventListener("change", () => { if (perWeek.checkValidity()) setPace(`${perWeek.value}h`); });
    }
    const actions = {
      "clear-start": () => { badStart = null; setStart(""); input.focus(); },
      calendar, print: () => window.print(), export: exportProgress, import: () => file.click(),
      share, merge: () => settle("merge"), replace: () => settle("replace"), ignore: () => settle("ignore"),
      "fold-past": () => {
        const button = $("[data-plan=fold-past]");
        const on = button.getAttribute("aria-pressed") !== "true";
        button.setAttribute("aria-pressed", String(on));
        document.documentElement.classList.toggle("rr-fold-past", on);
      },
      reset: () => {
        if (!window.confirm(say("reset-confirm"))) return;
        const now = Date.now();
        doneIds().forEach((id) => decide(id, false, now));
        save();
        paint();
        message(say("reset-done"));
      },
    };
    tools.addEventListener("click", (e) => actions[e.target.closest("button[data-plan]")?.dataset.plan]?.());
    readShared();
    window.addEventListener("hashchange", readShared);
  }

  document.addEventListener("change", (e) => {
    const box = e.target;
    if (!(box instanceof HTMLInputElement) || !box.matches(BOX)) return;
    decide(box.dataset.task, box.checked);
    save();
    paint();
  });
  /* the language switch keeps the place in the page (#week-N): the same ids in every language */
  document.addEventListener("click", (e) => {
    const a = e.target instanceof Element && e.target.closest("a[hreflang]");
    if (a && location.hash && !a.hash) a.hash = location.hash;
  }, true);
  /* another tab wrote: take its decisions where they are newer, and its start date; write back what it lacks */
  window.addEventListener("storage", (e) => {
    if (e.key !== KEY) return;
    const theirs = parseStored(e.newValue);
    if (!theirs) return;
    state = { ...merged(state, theirs), start: theirs.start, pace: theirs.pace };
    if (serialise(state) !== e.newValue) save();
    paint();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
