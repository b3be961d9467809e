// Entry of the main step (action.yml runs.main → dist/setup.js).
import { run } from './setup/main.js';

await run();
