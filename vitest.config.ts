import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files share their worker's module cache: the server's modules are
    // loaded once per worker, not once per file (imports took 388 s of a
    // 1,508 s run, 20 s of a 720 s one). Each file still gets its own
    // database (db.ts), and no module keeps state that one file could leave
    // behind for another (tests that set an environment variable restore it).
    isolate: false,
  },
});
