import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import tongban from './eslint-rules/module-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'dist/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', window: 'readonly', document: 'readonly', fetch: 'readonly', navigator: 'readonly', localStorage: 'readonly', FormData: 'readonly', File: 'readonly', Blob: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Each module is reached through its index.ts only (ARCHITECTURE.md, Module boundaries).
    // Benchmarks are left out: they measure a module's internals against an alternative.
    files: ['server/**/*.ts'],
    plugins: { tongban },
    rules: {
      'tongban/module-boundaries': ['error', {
        allow: [
          {
            from: 'server/src/platform/errors.ts', to: 'server/src/modules/**/errors.ts',
            reason: 'the one error catalogue: each module keeps its codes (data only) in its errors.ts and the platform merges them, so ErrorCode is one closed union that AppError checks at compile time',
          },
        ],
      }],
    },
  },
);
