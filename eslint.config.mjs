// ESLint flat config: Next's rules, type-aware TypeScript rules, and the project's import
// boundaries (pages and components never reach the database directly).
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const DAL_TRUSTED = {
  name: '@/lib/auth/dal',
  importNames: ['runAsSystem', 'withVerifiedUser'],
  message: 'Trusted callers are for scripts and tests (runAsSystem) and lib/api/route.ts (withVerifiedUser) only.',
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'out/**',
    'node_modules/**',
    'lib/generated/**',
    'next-env.d.ts',
    '.data/**',
    'coverage/**',
    'test-results/**',
  ]),
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description' }],
    },
  },
  {
    // The config files are plain JavaScript: lint them with ESLint's own recommended rules
    // (no-dupe-keys would have caught next.config.mjs declaring `experimental` twice).
    files: ['**/*.{js,mjs,cjs}'],
    ...js.configs.recommended,
    languageOptions: { ...js.configs.recommended.languageOptions, globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Pages, layouts and components read data through lib/data or the API, never the client.
    // Nothing served by Next may take the trusted identities of lib/auth/dal.ts (see there).
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [DAL_TRUSTED],
          patterns: [
            { group: ['@/lib/db', '**/lib/db', '@/lib/generated/*', '**/generated/prisma*'], message: 'Use lib/data or lib/actions; only lib/ talks to the database.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}', 'proxy.ts'],
    ignores: ['lib/extract/**', 'lib/api/route.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [DAL_TRUSTED] }] },
  },
  {
    // route() hands its verified user down (withVerifiedUser); it never runs as the system.
    files: ['lib/api/route.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ ...DAL_TRUSTED, importNames: ['runAsSystem'] }] }] },
  },
  {
    files: ['lib/extract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', '@/lib/db', 'next/*', '**/generated/*'], message: 'lib/extract is pure: no I/O, no Next, no Prisma.' }] },
      ],
    },
  },
]);
