#!/usr/bin/env node
// Entry of the `sccache-guard` command (package.json bin → dist/cli.js).
import { run } from './report/explain.js';

process.exitCode = await run(process.argv.slice(2));
