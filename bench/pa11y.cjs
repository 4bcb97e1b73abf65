// pa11y (HTML_CodeSniffer, WCAG 2 AA) over the addresses given, in one Chromium: `node bench/pa11y.cjs
// CHROMIUM URL…`, run by bench/markup.py. Prints one JSON object: address → pa11y's errors (warnings and
// notices are not reported). Puppeteer downloads no browser (package.json "puppeteer"): we launch Debian's.
"use strict";
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

const ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

(async () => {
  const [executablePath, ...urls] = process.argv.slice(2);
  const browser = await puppeteer.launch({ executablePath, args: ARGS, headless: true });
  const found = {};
  try {
    for (const url of urls) {
      const result = await pa11y(url, { browser, runners: ["htmlcs"], standard: "WCAG2AA", timeout: 60000 });
      found[url] = result.issues.filter((issue) => issue.type === "error")
        .map(({ code, message, selector, context }) => ({ code, message, selector, context }));
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found, null, 1) + "\n");
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
