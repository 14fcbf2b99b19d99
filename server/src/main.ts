import { run } from './cli/start.ts';

process.exitCode = await run(process.argv.slice(2));
