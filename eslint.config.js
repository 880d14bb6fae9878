// @ts-check
// ESLint: typescript-eslint's type-checked rules over the TypeScript tree (issue 16); Prettier owns layout,
// so eslint-config-prettier comes last and switches off every rule that would fight it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['node_modules/', 'data/', '.models/', 'models/', '.synapse/', '.cache/', '.venv/', 'test-results/', 'dist/', 'corpus/', 'bench/.cache/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      // Async implementations of Promise-returning ports (fakes, in-memory stores, the SQLite log) often have
      // nothing to await; `async` is kept on purpose so that a throw becomes a rejection like in the real one.
      '@typescript-eslint/require-await': 'off',
      // `let { title, aliases }` when only title is reassigned, and a `let` that a closure defined earlier reads
      // (a watchdog, a test harness) are deliberate.
      'prefer-const': ['error', { destructuring: 'all', ignoreReadBeforeAssign: true }],
      // A leading underscore marks a parameter or destructured value that is required by position but unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Tests and benchmarks read JSON (CLI --json output, HTTP bodies, a child's result file) and check it with
    // expect() or print it: typing every JSON.parse would restate what the assertion or the table already says.
    // The production tree (src, ingest, scripts) keeps every no-unsafe-* rule and no-explicit-any.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // Plain JavaScript (the bin launcher, the Synapse helper, this file, the admin page's script) is not in
    // tsconfig's program, so it gets the untyped rules only.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Served to the browser as is (no bundler); the page's Content-Security-Policy forbids inline scripts.
    files: ['src/adapters/web/static/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  prettier,
);
