// The house rules, checked on every `npm run lint` (and so by the test command): imports go one
// way, entries → setup/ and report/ → handoff.ts → github/ and sccache/ → util/, with no circle; a
// rule file stands alone; the report's middle is pure. README.md "How it is built" draws the same.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle has no bottom floor: nothing in it can be read or tested alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'entries-call-their-step',
      severity: 'error',
      comment:
        'src/setup.ts, src/report.ts and src/cli.ts import run() from their step and call it, nothing else.',
      from: { path: '^src/(setup|report|cli)\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(setup/main|report/main|report/explain)\\.ts$' },
    },
    {
      name: 'steps-stand-apart',
      severity: 'error',
      comment: 'setup/ and report/ meet only in handoff.ts (the record and the state keys).',
      from: { path: '^src/(setup|report)/' },
      to: { path: '^src/(setup|report)/', pathNot: '^src/$1/' },
    },
    {
      name: 'handoff-sits-below-the-steps',
      severity: 'error',
      from: { path: '^src/handoff\\.ts$' },
      to: { path: '^src/(setup|report)(/|\\.ts$)|^src/cli\\.ts$' },
    },
    {
      name: 'domain-below-the-steps',
      severity: 'error',
      comment:
        'github/ and sccache/ know GitHub and sccache; they never reach up into a step or the handoff.',
      from: { path: '^src/(github|sccache)/' },
      to: { path: '^src/(setup|report)(/|\\.ts$)|^src/(cli|handoff)\\.ts$' },
    },
    {
      name: 'github-and-sccache-are-siblings',
      severity: 'error',
      comment: 'What needs both (the plan, the facts) lives in a step and brings them together.',
      from: { path: '^src/(github|sccache)/' },
      to: { path: '^src/(github|sccache)/', pathNot: '^src/$1/' },
    },
    {
      name: 'util-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^src/util/' },
      to: { path: '^src/', pathNot: '^src/util/' },
    },
    {
      name: 'rules-stand-alone',
      severity: 'error',
      comment:
        'A rule reads the facts through the rule model and util/ only: never another rule, a renderer or I/O. ' +
        'What two rules share becomes a field of the facts.',
      from: { path: '^src/report/rules/', pathNot: '^src/report/rules/(index|rule|fixes)\\.ts$' },
      to: {
        path: '^src/',
        pathNot: '^src/report/rules/(rule|fixes)\\.ts$|^src/report/(facts|job-facts)\\.ts$|^src/util/',
      },
    },
    {
      name: 'rule-model-renders-nothing',
      severity: 'error',
      from: { path: '^src/report/(rules/|facts\\.ts$)' },
      to: { path: '^src/report/render/' },
    },
    {
      name: 'pure-middle',
      severity: 'error',
      comment:
        'From facts to Markdown no process, file or network: those live at the edges (main.ts, github/, sccache/).',
      from: {
        path: '^src/report/(facts|job-facts|key-inputs|workflow-jobs|analyze|archive|next-record)\\.ts$|^src/report/(rules|render)/|^src/setup/(plan|read-only|record|inputs)\\.ts$|^src/github/(workflow|run-script)\\.ts$|^src/sccache/(invocation|environment)\\.ts$',
      },
      to: {
        path: '^src/sccache/(command|server|binary|log-reader)\\.ts$|^src/github/(core|run-record-store|sccache-dir-archive)\\.ts$|^@actions/|^(node:)?(fs|fs/promises|child_process|net|http|https|readline)$',
        dependencyTypesNot: ['type-only'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
