/* Course finder for the courses page: filters the table by institution, topic, stage, level,
 * public videos and free text; the filter state lives in the address (?topic=rlhf&inst=stanford),
 * so a filtered view can be shared and the back button works. The text filter is ?text=, not ?q=:
 * Material's search box opens itself for ?q=. The form is class rr-js-only: without JavaScript it is
 * not shown and the full table shows. Every visible string comes from the page (data attributes). */
(function () {
  "use strict";

  var SELECTS = ["inst", "topic", "stage", "level"];
  var ORDER = ["text", "inst", "topic", "stage", "level", "videos"];

  /** Lower-case, width-folded text. */
  function fold(text) {
    return String(text || "").normalize("NFKC").toLowerCase();
  }

  /** Text without spaces and punctuation, so "CS 224N", "cs224n" and "11667" match "11-667". */
  function compact(text) {
    return text.replace(/[\s\-‐-―._·•\/\\|,;:()（）、，：·'"“”‘’]+/g, "");
  }

  function words(value) {
    return String(value || "").split(/\s+/).filter(Boolean);
  }

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? String(values[key]) : match;
    });
  }

  function Finder(form, table) {
    this.form = form;
    this.table = table;
    this.wrap = table.closest(".rr-table-wrap") || table;
    this.empty = document.getElementById("rr-finder-empty");
    this.count = document.getElementById("rr-finder-count");
    this.text = form.elements.namedItem("text");
    this.videos = form.elements.namedItem("videos");
    this.selects = {};
    for (var i = 0; i < SELECTS.length; i++) {
      var select = form.elements.namedItem(SELECTS[i]);
      if (select) this.selects[SELECTS[i]] = select;
    }
    this.rows = Array.prototype.map.call(table.querySelectorAll("tr.rr-course-row"), function (tr) {
      var text = fold((tr.getAttribute("data-text") || "") + " " + tr.textContent);
      return {
        el: tr,
        inst: tr.getAttribute("data-inst") || "",
        topics: words(tr.getAttribute("data-topics")),
        stages: words(tr.getAttribute("data-stages")),
        level: tr.getAttribute("data-level") || "",
        videos: tr.getAttribute("data-videos") || "",
        text: compact(text),
      };
    });
    this.lastSource = null;
  }

  /** The filter state shown by the controls. */
  Finder.prototype.read = function () {
    var state = { text: this.text ? this.text.value.trim() : "" };
    for (var name in this.selects) state[name] = this.selects[name].value;
    state.videos = this.videos && this.videos.checked ? "public" : "";
    return state;
  };

  /** Put a state into the controls; values no option offers are dropped. */
  Finder.prototype.write = function (state) {
    if (this.text) this.text.value = state.text || "";
    for (var name in this.selects) {
      var select = this.selects[name];
      var wanted = state[name] || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      select.value = known ? wanted : "";
    }
    if (this.videos) this.videos.checked = state.videos === "public";
  };

  Finder.prototype.fromUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    for (var i = 0; i < ORDER.length; i++) state[ORDER[i]] = params.get(ORDER[i]) || "";
    return state;
  };

  Finder.prototype.url = function (state) {
    var params = new URLSearchParams(window.location.search);
    for (var i = 0; i < ORDER.length; i++) {
      var key = ORDER[i];
      if (state[key]) params.set(key, state[key]);
      else params.delete(key);
    }
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  };

  /** Show the rows that pass every filter; returns how many. */
  Finder.prototype.filter = function (state) {
    var terms = words(fold(state.text)).map(compact).filter(Boolean);
    var whole = compact(fold(state.text));
    var shown = 0;
    for (var i = 0; i < this.rows.length; i++) {
      var row = this.rows[i];
      var ok = (!state.inst || row.inst === state.inst)
        && (!state.topic || row.topics.indexOf(state.topic) >= 0)
        && (!state.stage || row.stages.indexOf(state.stage) >= 0)
        && (!state.level || row.level === state.level)
        && (!state.videos || row.videos === state.videos)
        && (!whole || row.text.indexOf(whole) >= 0 || terms.every(function (t) { return row.text.indexOf(t) >= 0; }));
      if (row.el.hidden === ok) row.el.hidden = !ok;
      if (ok) shown++;
    }
    return shown;
  };

  Finder.prototype.update = function (state) {
    var shown = this.filter(state);
    var total = this.rows.length;
    var active = ORDER.some(function (key) { return Boolean(state[key]); });
    var data = this.form.dataset;
    var template = !active && shown === total ? data.countAll : shown === 1 ? data.countOne : data.count;
    if (this.count) this.count.textContent = format(template, { n: shown, total: total });
    this.wrap.hidden = shown === 0;
    if (this.empty) this.empty.hidden = shown !== 0;
    this.form.classList.toggle("rr-finder--active", active);
    this.carryToOtherLanguage();
    this.form.dispatchEvent(new CustomEvent("rr-finder:update", { detail: { shown: shown, total: total } }));
  };

  /** The language switcher keeps the filters: ids in the address are the same in both languages. */
  Finder.prototype.carryToOtherLanguage = function () {
    var links = document.querySelectorAll(".md-select a[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var target = new URL(links[i].href, window.location.href);
      if (target.origin !== window.location.origin) continue;
      target.search = window.location.search;
      links[i].href = target.href;
    }
  };

  /** Apply the controls; typing in the text box replaces its own history entry instead of adding one. */
  Finder.prototype.commit = function (source) {
    var state = this.read();
    this.update(state);
    var target = this.url(state);
    var current = window.location.pathname + window.location.search + window.location.hash;
    if (target === current) return;
    if (source === "text" && this.lastSource === "text") window.history.replaceState(null, "", target);
    else window.history.pushState(null, "", target);
    this.lastSource = source;
    this.carryToOtherLanguage();
  };

  Finder.prototype.reset = function () {
    this.write({});
    this.commit("reset");
  };

  Finder.prototype.start = function () {
    var self = this;
    this.write(this.fromUrl());
    this.update(this.read());
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("reset", function (event) {
      event.preventDefault();
      self.reset();
    });
    if (this.text) this.text.addEventListener("input", function () { self.commit("text"); });
    for (var name in this.selects) {
      this.selects[name].addEventListener("change", function (event) { self.commit(event.target.name); });
    }
    if (this.videos) this.videos.addEventListener("change", function () { self.commit("videos"); });
    if (this.empty) {
      Array.prototype.forEach.call(this.empty.querySelectorAll(".rr-finder__reset"), function (button) {
        button.addEventListener("click", function () {
          self.reset();
          if (self.text) self.text.focus();
        });
      });
    }
    window.addEventListener("popstate", function () {
      self.lastSource = null;
      self.write(self.fromUrl());
      self.update(self.read());
    });
  };

  function init() {
    var form = document.getElementById("rr-finder");
    var table = document.getElementById("course-table");
    if (!form || !table || !window.URLSearchParams || !window.history.pushState) return;
    new Finder(form, table).start();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
