// Entry of the post step (action.yml runs.post → dist/report.js).
import { run } from './report/main.js';

await run();
