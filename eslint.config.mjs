// ESLint (flat config) for the blocks' browser JavaScript: plain scripts (ES2020 at most: every browser the LMS
// supports runs it), no modules, no build step.
// Run: npx eslint   (tox's lint env runs the same)
import js from "@eslint/js";

const browser = Object.fromEntries([
  "window", "document", "navigator", "localStorage", "fetch", "setTimeout", "clearTimeout", "console",
  "Event", "Blob",
].map((name) => [name, "readonly"]));

export default [
  {ignores: ["node_modules/", ".venv/", ".tox/", "var/", "build/", "test-results/", "**/*.min.js"]},
  {
    files: ["xblock_layer/static/**/*.js", "*_xblock/static/**/*.js", "tests/**/static/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {ecmaVersion: 2020, sourceType: "script", globals: {...browser, XBlockLayer: "readonly"}},
    rules: {
      ...js.configs.recommended.rules,
      "no-unused-vars": ["error", {args: "none", caughtErrors: "none"}],
      "eqeqeq": "error",
      "no-implied-eval": "error",
      "no-eval": "error",
      "no-new-func": "error",
      "strict": ["error", "function"],
      "no-restricted-properties": ["error",
        {property: "innerHTML", message: "Set learner text with textContent/value, never innerHTML."},
        {property: "outerHTML", message: "Never build HTML from text."},
        {property: "insertAdjacentHTML", message: "Never build HTML from text."}],
    },
  },
  {
    files: ["eslint.config.mjs"],
    languageOptions: {ecmaVersion: 2022, sourceType: "module"},
  },
];
