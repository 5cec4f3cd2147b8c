import { runCli } from '../app/cli.js';

process.exitCode = await runCli(process.argv.slice(2));
