// ESLint, configured once for the whole tree: the recommended sets of ESLint, typescript-eslint and eslint-plugin-astro.
// Formatting is Prettier's job (`.prettierrc`); nothing here is about layout.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Built output, installed packages, benchmark results, and content (checked by `npm run check`, not linted).
  // Astro writes `.astro/` beside every site it builds (the bench's baseline too), so at any depth.
  globalIgnores([
    'dist/',
    '.dist-*/',
    '**/.astro/',
    'bench/tmp/',
    'bench/results/',
    'content/',
    'tests/fixtures/sites/',
    'tests/fixtures/seeds/',
    'public/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    // A disable comment that no longer disables anything is stale.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // Build code, scripts, tests and Astro frontmatter all run in Node.
    languageOptions: { globals: globals.node },
    rules: {
      // Thin and ideographic spaces are written on purpose in comments that show what the search index is given.
      'no-irregular-whitespace': ['error', { skipComments: true }],
      // `cond ? a++ : b++;` and `ok && done();` are deliberate statements; a bare `a === b;` is still an error.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // `_name` marks a parameter or element that is there for its position only.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Code that runs in the reader's browser (Astro bundles it from `<script>` tags).
    files: ['src/search/client/**'],
    languageOptions: { globals: globals.browser },
  },
);
