#!/usr/bin/env node
// The `tongban` command line. Runs the compiled server (dist/server/tongban.js,
// built by `npm start` or `npm run build:server`) when it is there and not
// older than the sources; otherwise the TypeScript sources through tsx, as in
// development. TONGBAN_RUN_TS=1 always runs the sources.
import { compiledEntry, isCompiledFresh } from '../scripts/server-build.js';

let main;
if (process.env.TONGBAN_RUN_TS !== '1' && isCompiledFresh()) {
  ({ main } = await import(compiledEntry));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../server/src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
