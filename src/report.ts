// Entry of the post step (action.yml runs.post → dist/report.js).
import { run } from './report/main.js';

await run();
// A cache call that ran out of its time budget may still hold a socket or a retry timer: the step
// is done, so do not wait for it. Exit once stdout has flushed (pipes are asynchronous on macOS);
// run() never fails, so the exit code is the runner's usual 0.
process.stdout.write('', () => process.exit());
