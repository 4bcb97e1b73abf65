/* Material's bundle (site search, the table of contents that follows the reading position, back-to-top, the
   sidebars' own scrolling) loads on the reader's first interaction, not with the page: on a phone its start-up
   is most of a page load's main-thread work, and reading needs none of it. An address with ?q= (search) or
   ?h= (highlight) loads it at once; a search shortcut (f, s, /) pressed before it has run opens the box. */
(() => {
  const src = document.currentScript.dataset.bundle;
  const TRIGGERS = ["pointerdown", "pointermove", "touchstart", "wheel", "scroll", "focusin"];
  const PASSIVE = { capture: true, passive: true };
  let requested = false;

  function load() {
    if (requested) return;
    requested = true;
    TRIGGERS.forEach((type) => removeEventListener(type, load, PASSIVE));
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", inject, { once: true });
    else inject();
  }
  function inject() {
    const bundle = document.createElement("script");
    bundle.src = src;
    bundle.onload = () => {
      removeEventListener("keydown", onKey, true); // from now on the bundle's own shortcuts answer
      /* the bundle starts the page's components on DOMContentLoaded, which has passed: hand it the document */
      window.document$?.next(document);
    };
    document.body.append(bundle);
  }
  function onKey(event) {
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select"));
    const toggle = document.getElementById("__search");
    const box = document.querySelector(".md-search__input");
    if (["f", "s", "/"].includes(event.key) && !typing && toggle && box && !(event.ctrlKey || event.metaKey || event.altKey)) {
      event.preventDefault();
      toggle.checked = true;
      box.focus();
    }
    load();
  }
  /* the drawer and the search start closed, even where a browser restores checkboxes after a reload (Material's
     autocomplete="off" on them, invalid HTML, is removed by macros/theme_patches.py) */
  for (const id of ["__drawer", "__search"]) {
    const toggle = document.getElementById(id);
    if (toggle) toggle.checked = false;
  }
  TRIGGERS.forEach((type) => addEventListener(type, load, PASSIVE));
  addEventListener("keydown", onKey, true);
  const params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) load();
})();
