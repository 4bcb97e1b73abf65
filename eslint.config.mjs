// One JavaScript style for the site's own scripts (theme/): modern syntax, one declaration a line.
// Run by `make markup`, beside the Nu HTML Checker and pa11y.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["theme/**/*.js"],
    // __md_get and __md_set are Material's storage helpers (listed with its other internals in macros/engine/material.py)
    languageOptions: {
      ecmaVersion: 2022, sourceType: "script",
      globals: { ...globals.browser, __md_get: "readonly", __md_set: "readonly" },
    },
    rules: {
      "one-var": ["error", "never"],
      "no-var": "error",
      "prefer-const": "error",
      "prefer-arrow-callback": "error",
      "object-shorthand": "error",
      "prefer-template": "error",
      eqeqeq: ["error", "smart"],
    },
  },
];
