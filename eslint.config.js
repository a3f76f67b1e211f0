// Type-aware lint for spif (typescript-eslint with type information). Run: npm run lint
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'fixtures/**', 'docs/**', 'coverage/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The escape and visible-text modules match control characters on purpose (each such regex
      // carries a disable comment that says so); everywhere else a control character in a regex
      // is a typo.
      'no-control-regex': 'error',
      // An `async` member without `await` is how a synchronous implementation meets a
      // Promise-returning interface here (readers, reporters, fuzz targets); a thrown error still
      // becomes a rejection, which a `Promise.resolve(...)` rewrite would lose.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore marks a parameter kept for its position (callbacks, visitor
      // signatures) or a destructured key dropped on purpose (`{ drop: _drop, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // The SQL readers walk parser output that is JSON without TypeScript types (libpg-query's
    // parse tree, node-sql-parser's AST, sql-parser-cst nodes read generically); they narrow each
    // node by its tag at run time, so the no-unsafe-* family would flag every property read.
    files: [
      'src/sources/postgresql/**',
      'src/sources/mysql/**',
      'src/sources/sqlite/**',
      'src/sources/cst/**',
      'src/sources/bigquery/**',
      'src/sources/vendor/view-query.ts',
      'src/sources/lineage-carry.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // libpg-query's parse tree has no TypeScript types: the PostgreSQL readers' `Node` is
    // `Record<string, any>` by definition (the other readers mark their few `any`s one by one).
    files: ['src/sources/postgresql/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests read what the real bin printed (JSON.parse of stdout, SARIF, config files written by
    // `spif init`): the shape is exactly what the assertions check, so typing it up front would
    // assert it twice. Property reads on that parsed `any` are the point of the test.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
