/* Course finder (courses page) and course comparison (courses/compare/).
 *
 * The finder filters the course table by keyword, institution, topic, stage, level, public videos and public
 * assignments. Its state lives in the address (?topic=rlhf&inst=stanford), so a filtered view can be shared
 * and the back button works. The keyword is ?text=, not ?q=: Material's search box opens itself for ?q=.
 * A keyword that matches nothing offers what would (a topic, a synonym, a name). Ticking two or three
 * courses (?c=a,b, kept in the address too) leads to the comparison page, which shows ?c=a,b side by side.
 * Without JavaScript the controls are not shown (class rr-js-only), the full table shows, and the comparison
 * page lists every course. Every visible string comes from the page (data attributes).
 */
(() => {
  "use strict";

  const SELECTS = ["inst", "topic", "stage", "level", "origin"];
  const CHECKS = ["videos", "assignments"];
  const FILTERS = ["text", ...SELECTS, ...CHECKS];
  const PICKS = "c";
  const MAX_SUGGESTIONS = 3;

  /** Lower-case, width-folded text. */
  const fold = (text) => String(text || "").normalize("NFKC").toLowerCase();

  /** Text without spaces and punctuation, so "CS 224N", "cs224n" and "11667" match "11-667". */
  const compact = (text) => text.replace(/[\s\-‐-―._·•/\\|,;:()（）、，：'"“”‘’]+/g, "");

  const words = (value) => String(value || "").split(/\s+/).filter(Boolean);

  /** Ids from an address parameter: "a,b" → ["a", "b"]. */
  const idList = (value) => words(String(value || "").replace(/,/g, " "));

  const format = (template, values) =>
    String(template || "").replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));

  /** How many single-letter edits turn a into b (for suggestions: "tokeniser" is one from "tokenizer"). */
  const distance = (a, b) => {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      }
      previous = current;
    }
    return previous[b.length];
  };

  /** The address with some parameters set (empty values removed), keeping the others and the fragment. */
  const withParams = (values) => {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(values)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const query = params.toString().replace(/%2C/g, ",");
    return window.location.pathname + (query ? `?${query}` : "") + window.location.hash;
  };

  const currentAddress = () => window.location.pathname + window.location.search + window.location.hash;

  /** The language switcher keeps the address's parameters: ids are the same in both languages. */
  const carryToOtherLanguage = () => {
    for (const link of document.querySelectorAll(".md-select a[hreflang]")) {
      const target = new URL(link.href, window.location.href);
      if (target.origin !== window.location.origin) continue;
      target.search = window.location.search;
      link.href = target.href;
    }
  };

  class Row {
    constructor(tr) {
      this.el = tr;
      this.id = tr.dataset.course;
      this.inst = tr.dataset.inst || "";
      this.topics = words(tr.dataset.topics);
      this.stages = words(tr.dataset.stages);
      this.level = tr.dataset.level || "";
      this.videos = tr.dataset.videos || "";
      this.assignments = tr.dataset.assignments || "";
      this.origin = tr.dataset.origin || "";
      this.text = compact(fold(`${tr.dataset.text || ""} ${tr.textContent}`));
    }

    /** Whether the course passes every filter of the state. */
    matches(state) {
      const whole = compact(fold(state.text));
      const terms = words(fold(state.text)).map(compact).filter(Boolean);
      const text = !whole || this.text.includes(whole) || terms.every((term) => this.text.includes(term));
      return text
        && (!state.inst || this.inst === state.inst)
        && (!state.topic || this.topics.includes(state.topic))
        && (!state.stage || this.stages.includes(state.stage))
        && (!state.level || this.level === state.level)
        && (!state.origin || this.origin === state.origin)
        && (!state.videos || this.videos === state.videos)
        && (!state.assignments || this.assignments === state.assignments);
    }
  }

  class Finder {
    constructor(form, table) {
      this.form = form;
      this.wrap = table.closest(".rr-table-wrap") || table;
      this.empty = document.getElementById("rr-finder-empty");
      this.suggestBox = document.getElementById("rr-finder-suggest");
      this.count = document.getElementById("rr-finder-count");
      this.text = form.elements.namedItem("text");
      this.controls = new Map();
      for (const name of [...SELECTS, ...CHECKS]) {
        const control = form.elements.namedItem(name);
        if (control) this.controls.set(name, control);
      }
      this.rows = Array.from(table.querySelectorAll("tr.rr-course-row"), (tr) => new Row(tr));
      const source = document.getElementById("rr-finder-suggestions");
      this.suggestions = source ? JSON.parse(source.textContent) : [];
      this.lastSource = null;
    }

    /** The filter state shown by the controls. */
    read() {
      const state = { text: this.text ? this.text.value.trim() : "" };
      for (const [name, control] of this.controls) {
        state[name] = control.type === "checkbox" ? (control.checked ? control.value : "") : control.value;
      }
      return state;
    }

    /** Put a state into the controls; values no option offers are dropped. */
    write(state) {
      if (this.text) this.text.value = state.text || "";
      for (const [name, control] of this.controls) {
        const wanted = state[name] || "";
        if (control.type === "checkbox") {
          control.checked = wanted === control.value;
        } else {
          const known = Array.from(control.options).some((option) => option.value === wanted);
          control.value = known ? wanted : "";
        }
      }
    }

    fromUrl() {
      const params = new URLSearchParams(window.location.search);
      return Object.fromEntries(FILTERS.map((key) => [key, params.get(key) || ""]));
    }

    /** How many courses a state shows. */
    countFor(state) {
      return this.rows.filter((row) => row.matches(state)).length;
    }

    /** Show the rows that pass every filter; returns how many. */
    filter(state) {
      let shown = 0;
      for (const row of this.rows) {
        const ok = row.matches(state);
        if (row.el.hidden === ok) row.el.hidden = !ok;
        if (ok) shown++;
      }
      return shown;
    }

    update(state) {
      const shown = this.filter(state);
      const total = this.rows.length;
      const active = FILTERS.some((key) => Boolean(state[key]));
      const data = this.form.dataset;
      let template = data.count;
      if (!active && shown === total) template = data.countAll;
      else if (shown === 1) template = data.countOne;
      if (this.count) this.count.textContent = format(template, { n: shown, total });
      this.wrap.hidden = shown === 0;
      if (this.empty) this.empty.hidden = shown !== 0;
      this.suggest(shown === 0 ? state : null);
      this.form.classList.toggle("rr-finder--active", active);
      carryToOtherLanguage();
      this.form.dispatchEvent(new CustomEvent("rr-finder:update", { detail: { shown, total } }));
    }

    /** What would match when nothing does: the keyword alone, then topics, synonyms and names like it. */
    candidates(state) {
      const typed = compact(fold(state.text));
      const found = [];
      const others = FILTERS.some((key) => key !== "text" && state[key]);
      if (others && this.countFor({ text: state.text })) found.push({ label: state.text, text: state.text });
      if (!typed) return found;
      const tolerance = Math.max(1, Math.floor(typed.length / 4));
      const like = (label) => {
        const whole = compact(fold(label));
        const parts = [whole, ...words(fold(label)).map(compact)];
        return parts.some((part) => part.length >= 2 && (part.includes(typed) || (typed.length >= 3 && typed.includes(part))))
          || parts.some((part) => distance(part, typed) <= tolerance);
      };
      for (const suggestion of this.suggestions) {
        if (found.length >= MAX_SUGGESTIONS) break;
        if (!like(suggestion.label)) continue;
        const next = { text: suggestion.text || "", topic: suggestion.topic || "" };
        if (this.countFor(next) && !found.some((f) => f.label === suggestion.label)) found.push({ ...suggestion, ...next });
      }
      return found;
    }

    suggest(state) {
      if (!this.suggestBox) return;
      for (const button of this.suggestBox.querySelectorAll("button")) button.remove();
      const found = state && state.text ? this.candidates(state) : [];
      this.suggestBox.hidden = found.length === 0;
      const topicLabel = this.suggestBox.dataset.topic || "{label}";
      for (const suggestion of found) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "md-button rr-finder__suggestion";
        button.textContent = suggestion.topic ? format(topicLabel, { label: suggestion.label }) : suggestion.label;
        button.addEventListener("click", () => {
          this.write({ text: suggestion.text, topic: suggestion.topic });
          this.commit("suggestion");
          (this.text || this.form).focus();
        });
        this.suggestBox.append(button, " ");
      }
    }

    /** Apply the controls; typing in the keyword box replaces its own history entry instead of adding one. */
    commit(source) {
      const state = this.read();
      this.update(state);
      const target = withParams(state);
      if (target === currentAddress()) return;
      if (source === "text" && this.lastSource === "text") window.history.replaceState(null, "", target);
      else window.history.pushState(null, "", target);
      this.lastSource = source;
      carryToOtherLanguage();
    }

    reset() {
      this.write({});
      this.commit("reset");
    }

    start() {
      this.write(this.fromUrl());
      this.update(this.read());
      this.form.addEventListener("submit", (event) => event.preventDefault());
      this.form.addEventListener("reset", (event) => {
        event.preventDefault();
        this.reset();
      });
      if (this.text) this.text.addEventListener("input", () => this.commit("text"));
      for (const control of this.controls.values()) {
        control.addEventListener("change", (event) => this.commit(event.target.name));
      }
      if (this.empty) {
        for (const button of this.empty.querySelectorAll(".rr-finder__reset")) {
          button.addEventListener("click", () => {
            this.reset();
            if (this.text) this.text.focus();
          });
        }
      }
      window.addEventListener("popstate", () => {
        this.lastSource = null;
        this.write(this.fromUrl());
        this.update(this.read());
      });
    }
  }

  /** The courses ticked for comparison on the courses page (?c=a,b), at most data-max of them. */
  class Picker {
    constructor(bar, boxes) {
      this.bar = bar;
      this.boxes = boxes;
      this.max = Number(bar.dataset.max) || 3;
      this.count = document.getElementById("rr-compare-count");
      this.go = document.getElementById("rr-compare-go");
      this.clear = document.getElementById("rr-compare-clear");
    }

    chosen() {
      return this.boxes.filter((box) => box.checked).map((box) => box.value);
    }

    show() {
      const chosen = this.chosen();
      this.bar.hidden = chosen.length === 0;
      if (this.count) this.count.textContent = format(this.bar.dataset.count, { n: chosen.length, max: this.max });
      for (const box of this.boxes) box.disabled = !box.checked && chosen.length >= this.max;
      if (this.go) {
        this.go.hidden = chosen.length < 2;
        this.go.href = `${this.bar.dataset.url}?${PICKS}=${chosen.join(",")}`;
      }
    }

    fromUrl() {
      const wanted = idList(new URLSearchParams(window.location.search).get(PICKS)).slice(0, this.max);
      for (const box of this.boxes) box.checked = wanted.includes(box.value);
      this.show();
    }

    save() {
      const target = withParams({ [PICKS]: this.chosen().join(",") });
      if (target !== currentAddress()) window.history.replaceState(null, "", target);
      carryToOtherLanguage();
    }

    start() {
      this.fromUrl();
      for (const box of this.boxes) {
        box.addEventListener("change", () => {
          this.show();
          this.save();
        });
      }
      if (this.clear) {
        this.clear.addEventListener("click", () => {
          for (const box of this.boxes) box.checked = false;
          this.show();
          this.save();
          const first = this.boxes.find((box) => !box.closest("tr[hidden]"));
          if (first) first.focus();
        });
      }
      window.addEventListener("popstate", () => this.fromUrl());
    }
  }

  /** The comparison page: the courses of ?c=a,b side by side, in a table built from the page's lists. */
  class Comparison {
    constructor(listing, status) {
      this.listing = listing;
      this.status = status;
      this.sections = new Map(
        Array.from(listing.querySelectorAll(".rr-compare__course"), (section) => [section.dataset.course, section]),
      );
    }

    /** A course's heading text, without the permalink sign. */
    static title(section) {
      const heading = section.querySelector("h2").cloneNode(true);
      for (const link of heading.querySelectorAll(".headerlink")) link.remove();
      return heading.textContent.trim();
    }

    build(ids) {
      const table = document.createElement("table");
      table.className = "rr-compare__table";
      table.style.setProperty("--rr-courses", String(ids.length));
      const head = table.createTHead().insertRow();
      const corner = document.createElement("th");
      corner.scope = "col";
      corner.textContent = this.listing.dataset.labelCourse;
      head.append(corner);
      for (const id of ids) {
        const th = document.createElement("th");
        th.scope = "col";
        const link = document.createElement("a");
        const section = this.sections.get(id);
        link.href = new URL(section.dataset.url, window.location.href).pathname;
        link.textContent = Comparison.title(section);
        th.append(link);
        head.append(th);
      }
      const body = table.createTBody();
      const first = this.sections.get(ids[0]);
      for (const fact of first.querySelectorAll("[data-fact]")) {
        const row = body.insertRow();
        const label = document.createElement("th");
        label.scope = "row";
        label.textContent = fact.querySelector("dt").textContent;
        row.append(label);
        for (const id of ids) {
          const cell = row.insertCell();
          const value = this.sections.get(id).querySelector(`[data-fact="${fact.dataset.fact}"] dd`);
          if (value) cell.append(...Array.from(value.childNodes, (node) => node.cloneNode(true)));
        }
      }
      const wrap = document.createElement("div");
      wrap.className = "rr-compare__side";
      wrap.id = "rr-compare-side";
      wrap.append(...this.order(ids), table);
      return wrap;
    }

    /** Which course the plan takes first: "take CS224N (from week 1), then CS336 (from week 5)", and which it
        does not schedule. */
    order(ids) {
      const data = this.listing.dataset;
      const courses = ids.map((id) => this.sections.get(id).dataset);
      const scheduled = courses.filter((c) => c.firstWeek).sort((a, b) => Number(a.firstWeek) - Number(b.firstWeek));
      const unscheduled = courses.filter((c) => !c.firstWeek).map((c) => c.code);
      const lines = [];
      if (scheduled.length) {
        const items = scheduled.map((c) => format(data.orderItem, { code: c.code, n: c.firstWeek }));
        lines.push(format(data.order, { courses: items.join(data.orderThen) }));
      }
      if (unscheduled.length) lines.push(format(data.orderUnscheduled, { codes: unscheduled.join(data.list) }));
      return lines.map((line) => {
        const p = document.createElement("p");
        p.className = "rr-compare__order";
        p.textContent = line;
        return p;
      });
    }

    show() {
      const previous = document.getElementById("rr-compare-side");
      if (previous) previous.remove();
      const wanted = idList(new URLSearchParams(window.location.search).get(PICKS));
      const ids = [...new Set(wanted)].filter((id) => this.sections.has(id));
      const unknown = wanted.filter((id) => !this.sections.has(id));
      const messages = [];
      if (unknown.length) messages.push(format(this.status.dataset.unknown, { ids: unknown.join(", ") }));
      if (!ids.length) messages.push(this.status.dataset.none);
      this.status.textContent = messages.join(" ");
      this.status.hidden = messages.length === 0;
      this.listing.hidden = ids.length > 0;
      if (ids.length) this.listing.before(this.build(ids));
      carryToOtherLanguage();
    }

    start() {
      this.show();
      window.addEventListener("popstate", () => this.show());
    }
  }

  const init = () => {
    if (!window.URLSearchParams || !window.history.pushState) return;
    const form = document.getElementById("rr-finder");
    const table = document.getElementById("course-table");
    if (form && table) new Finder(form, table).start();
    const bar = document.getElementById("rr-compare-bar");
    if (bar && table) new Picker(bar, Array.from(table.querySelectorAll("input.rr-compare-pick"))).start();
    const listing = document.getElementById("rr-compare");
    const status = document.getElementById("rr-compare-status");
    if (listing && status) new Comparison(listing, status).start();
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
