/* Colour scheme (replaces Material's palette component): the palette the reader chose (kept by Material's
   __md_get/__md_set, in its format), else the one whose media query matches, followed live until the reader
   chooses. <body> gets the palette's data-md-color-* attributes; unchanged ones are not set again. */
(() => {
  const group = document.querySelector("[data-rr-palette]");
  if (!group) return;
  const inputs = Array.from(group.querySelectorAll("input[name=__palette]"));
  const system = () => inputs.find((input) => matchMedia(input.dataset.mdColorMedia).matches) || inputs[0];
  const colors = (input) => ({
    media: input.dataset.mdColorMedia, scheme: input.dataset.mdColorScheme,
    primary: input.dataset.mdColorPrimary, accent: input.dataset.mdColorAccent,
  });
  function apply(input, switching) {
    input.checked = true;
    inputs.forEach((other) => {
      const label = other.nextElementSibling;
      if (label instanceof HTMLLabelElement) label.hidden = other !== input;
    });
    const body = document.body;
    if (switching) body.setAttribute("data-md-color-switching", "");
    for (const [key, value] of Object.entries(colors(input))) {
      if (body.getAttribute(`data-md-color-${key}`) !== value) body.setAttribute(`data-md-color-${key}`, value);
    }
    if (switching) requestAnimationFrame(() => body.removeAttribute("data-md-color-switching"));
  }
  function chosen() {
    try { return inputs[__md_get("__palette")?.index]; } catch { return undefined; } // blocked or corrupted
  }
  apply(chosen() || system(), false);
  inputs.forEach((input) => matchMedia(input.dataset.mdColorMedia).addEventListener("change", () => {
    if (!chosen()) apply(system(), true);
  }));
  group.addEventListener("change", (event) => {
    const input = event.target;
    apply(input, true);
    __md_set("__palette", { index: inputs.indexOf(input), color: colors(input) });
  });
  group.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    const next = inputs[(inputs.indexOf(event.target) + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();
