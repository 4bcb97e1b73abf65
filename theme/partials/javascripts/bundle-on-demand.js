/* Material's bundle (site search, the table of contents that follows the reading position, back-to-top, the
   sidebars' own scrolling) loads on the reader's first interaction, not with the page: on a phone its start-up
   is most of a page load's main-thread work, and reading needs none of it. An address with ?q= (search) or
   ?h= (highlight) loads it at once.
   The search works before the bundle has run: the header's search button and the shortcuts (f, s, /) open the
   box and focus it at once (on a phone, only a focus inside the tap brings up the keyboard), what is typed stays
   in the box, and the search's own files (data-search: the index, the worker, its scripts) start downloading with
   the bundle instead of after it; once the bundle runs, it searches for what the box holds. */
(() => {
  const script = document.currentScript;
  const src = script.dataset.bundle;
  const searchFiles = (script.dataset.search || "").split(" ").filter(Boolean);
  const TRIGGERS = ["pointerdown", "pointermove", "touchstart", "wheel", "scroll", "focusin"];
  const PASSIVE = { capture: true, passive: true };
  const hashAtLoad = location.hash;
  let requested = false;
  let fetched = false;

  const toggle = () => document.getElementById("__search");
  const box = () => document.querySelector(".md-search__input");
  const searchButton = () => document.querySelector("header label[for=__search]");

  function load() {
    if (requested) return;
    requested = true;
    TRIGGERS.forEach((type) => removeEventListener(type, load, PASSIVE));
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", inject, { once: true });
    else inject();
  }
  /* the search's files into the browser's cache, so that the bundle finds them there (a static host such as
     GitHub Pages lets them be cached for minutes) */
  function fetchSearch() {
    if (fetched) return;
    fetched = true;
    for (const url of searchFiles) fetch(url, { credentials: "same-origin" }).then((r) => r.arrayBuffer()).catch(() => {});
  }
  function openSearch() {
    const open = toggle();
    const input = box();
    if (!open || !input) return false;
    open.checked = true;
    input.focus();
    fetchSearch();
    load();
    return true;
  }
  function inject() {
    const bundle = document.createElement("script");
    bundle.src = src;
    bundle.onload = () => {
      /* from now on the bundle's own shortcuts and search button answer */
      removeEventListener("keydown", onKey, true);
      searchButton()?.removeEventListener("click", onSearchButton);
      keepSearchOpen();
      /* the bundle starts the page's components on DOMContentLoaded, which has passed: hand it the document */
      window.document$?.next(document);
    };
    document.body.append(bundle);
  }
  /* The bundle closes the search whenever the address targets an element, the address the page was opened with
     included (#week-3), 125 ms after it starts: a search open then stays open, until the reader acts. */
  function keepSearchOpen() {
    const open = toggle();
    if (!open || !hashAtLoad || !open.checked) return;
    const refuse = (event) => { // a click on a checkbox has toggled it already; cancelled, it is put back
      if (event.isTrusted || location.hash !== hashAtLoad) return;
      event.preventDefault();
      stop();
    };
    const onEscape = (event) => {
      if (event.key === "Escape") stop();
    };
    const stop = () => {
      open.removeEventListener("click", refuse, true);
      removeEventListener("pointerdown", stop, true);
      removeEventListener("keydown", onEscape, true);
    };
    open.addEventListener("click", refuse, true);
    addEventListener("pointerdown", stop, true);
    addEventListener("keydown", onEscape, true);
  }
  function onSearchButton(event) {
    if (openSearch()) event.preventDefault(); // the label would toggle the box back; it is open and focused
  }
  function onKey(event) {
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select"));
    if (["f", "s", "/"].includes(event.key) && !typing && !(event.ctrlKey || event.metaKey || event.altKey) && openSearch()) {
      event.preventDefault();
    }
    load();
  }
  /* the drawer and the search start closed, even where a browser restores checkboxes after a reload (Material's
     autocomplete="off" on them, invalid HTML, is removed by macros/engine/theme_patches.py) */
  for (const id of ["__drawer", "__search"]) {
    const checkbox = document.getElementById(id);
    if (checkbox) checkbox.checked = false;
  }
  TRIGGERS.forEach((type) => addEventListener(type, load, PASSIVE));
  addEventListener("keydown", onKey, true);
  searchButton()?.addEventListener("pointerdown", fetchSearch, { passive: true });
  searchButton()?.addEventListener("click", onSearchButton);
  const params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) fetchSearch();
  if (params.has("q") || params.has("h")) load();
})();
