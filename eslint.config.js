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
    rules: {},
  },
  {
    // The SQL readers walk parser output that is JSON without TypeScript types (libpg-query's
    // parse tree, node-sql-parser's AST, sql-parser-cst nodes read generically); they narrow each
    // node by its tag at run time, so the no-unsafe-* family would flag every property read.
    files: ['src/sources/postgresql/**', 'src/sources/mysql/**', 'src/sources/sqlite/**', 'src/sources/bigquery/**', 'src/sources/vendor/view-query.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
