// ESLint (flat config) with typescript-eslint's type-aware rules; Prettier owns the layout (npm run lint runs both).
import { existsSync } from 'node:fs';
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// test/bench/ has its own dependencies, installed by `npm run bench` on first use: it is linted once they are there.
const benchInstalled = existsSync(new URL('./test/bench/node_modules/.package-lock.json', import.meta.url));

export default tseslint.config(
  {
    ignores: [
      '**/dist/',
      '**/node_modules/',
      'coverage/',
      'test/output/',
      '.data/',
      'schema/',
      'packages/dashboard/src/gql/',
      ...(benchInstalled ? [] : ['test/bench/']),
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Sources are checked with their own package's tsconfig, tests with tsconfig.tests.json.
        project: [
          './tsconfig.tests.json',
          './packages/*/tsconfig.json',
          './subgraphs/*/tsconfig.json',
          './gateway/tsconfig.json',
          './scripts/tsconfig.json',
          ...(benchInstalled ? ['./test/bench/tsconfig.json'] : []),
          './test/support/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Cheap rules of typescript-eslint's strict set that the code already almost keeps.
      '@typescript-eslint/no-unnecessary-type-conversion': 'error',
      '@typescript-eslint/no-meaningless-void-operator': 'error',
      '@typescript-eslint/no-unnecessary-template-expression': 'error',
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Apollo Server's plugin hooks and DataLoader's batch functions are typed as returning promises; an `async`
      // hook without an await is how they are written, not a forgotten await.
      '@typescript-eslint/require-await': 'off',
      // `_` names an argument or element a signature requires but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/test/**/*.ts'],
    rules: {
      // jest types its asymmetric matchers (expect.objectContaining, expect.any, …) as `any`: putting one in an
      // expected value is how jest is meant to be used, not an unsafe assignment.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Plain JavaScript (build scripts, jest config, global setup) is in no tsconfig: linted without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // The dashboard's browser scripts.
    files: ['packages/dashboard/src/**'],
    languageOptions: { globals: globals.browser },
  },
);
