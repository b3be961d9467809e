#!/usr/bin/env node
import { createRequire as __sccacheGuardCreateRequire } from 'node:module';
const require = __sccacheGuardCreateRequire(import.meta.url);
import {
  analyzeParsed,
  analyzeWorkflow,
  parseRecord,
  parseStatsOutput,
  readWorkflowJobs,
  renderExplainJson,
  renderSummary,
  renderWorkflowSummary,
  versionToJudge
} from "./chunks/chunk-4KIBQITS.js";
import {
  NEWEST_TESTED_VERSION,
  StatsParseError,
  parseVersion,
  readLogFacts
} from "./chunks/chunk-5TDCXFJY.js";
import "./chunks/chunk-RN2O6YCG.js";
import "./chunks/chunk-FAMDIZ22.js";

// src/report/explain.ts
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
var USAGE = `usage: sccache-guard explain (--stats FILE | --workflow FILE) [options]

  --stats FILE          the output of \`sccache --show-stats\`: its JSON (--stats-format json) or the
                        text it prints by default, as pasted from a log ("-" reads stdin)
  --workflow FILE       the workflow file of that run (.github/workflows/*.yml): causes named on their lines
  --job ID              the job to explain (default: every job that compiles through sccache)
  --sccache-version V   the sccache version the workflow's variables are judged for (default: the
                        one in the stats, else ${NEWEST_TESTED_VERSION})
  --log FILE            the sccache server log of that run (SCCACHE_ERROR_LOG, with SCCACHE_LOG=debug)
  --record FILE         a run record of an earlier run to compare with (docs/run-record.md)
  --format              markdown (default) or json
  --server-url URL      the GitHub server the run used (default https://github.com)
  --namespace-suffix S  SCCACHE_GHA_VERSION of that run, to name its hashed GHA namespace`;
var UsageError = class extends Error {
};
var LocatedError = class extends UsageError {
};
function readInput(path, what) {
  try {
    return readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "no such file" : code ?? String(error);
    throw new UsageError(`explain: cannot read the ${what} file ${path}: ${why}`);
  }
}
async function explain(argv) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      stats: { type: "string" },
      workflow: { type: "string" },
      job: { type: "string" },
      "sccache-version": { type: "string" },
      format: { type: "string", default: "markdown" },
      "server-url": { type: "string" },
      "namespace-suffix": { type: "string" },
      log: { type: "string" },
      record: { type: "string" }
    },
    strict: true
  });
  if (!values.stats && !values.workflow)
    throw new UsageError("explain: --stats FILE or --workflow FILE is required");
  if (values.job !== void 0 && !values.workflow)
    throw new UsageError("explain: --job needs --workflow FILE");
  for (const flag2 of ["log", "record", "server-url", "namespace-suffix"]) {
    if (values[flag2] !== void 0 && !values.stats)
      throw new UsageError(`explain: --${flag2} needs --stats FILE`);
  }
  if (values.format !== "markdown" && values.format !== "json") {
    throw new UsageError(`explain: --format must be markdown or json, not "${values.format}"`);
  }
  if (values["server-url"] && !URL.canParse(values["server-url"])) {
    throw new UsageError(`explain: --server-url "${values["server-url"]}" is not a URL`);
  }
  const flag = values["sccache-version"];
  if (flag !== void 0 && parseVersion(flag.replace(/^v/, "")).semver === null) {
    throw new UsageError(
      `explain: --sccache-version "${flag}" is not a version such as ${NEWEST_TESTED_VERSION}`
    );
  }
  const text = values.stats ? readInput(values.stats, "stats") : void 0;
  const stats = text === void 0 ? void 0 : parseStatsOutput(text);
  const version = versionToJudge(flag, stats?.version);
  const workflow = values.workflow ? readWorkflowJobs({
    path: values.workflow,
    file: values.workflow,
    ...values.job !== void 0 ? { jobId: values.job } : {},
    version
  }) : void 0;
  if (workflow && !workflow.ok) {
    throw workflow.problem === "invalid" ? new LocatedError(workflow.message) : new UsageError(`explain: ${workflow.message}`);
  }
  const jobs = workflow?.ok ? workflow.jobs : [];
  const workflowJson = values.workflow ? { file: values.workflow, jobs: jobs.map((j) => j.jobId), notes: workflow?.ok ? workflow.notes : [] } : void 0;
  if (stats === void 0) {
    const findings2 = analyzeWorkflow(jobs);
    return values.format === "json" ? JSON.stringify(renderExplainJson(void 0, findings2, workflowJson, version.raw), null, 2) + "\n" : renderWorkflowSummary({
      file: values.workflow,
      jobs: workflowJson.jobs,
      findings: findings2,
      notes: workflowJson.notes
    });
  }
  const log = values.log ? await readLogFacts(values.log).catch((error) => {
    throw new UsageError(
      `explain: cannot read the log file ${values.log}: ${error.code ?? error.message}`
    );
  }) : void 0;
  const record = values.record ? parseRecord(readInput(values.record, "record")) : void 0;
  if (record && "invalid" in record) {
    throw new UsageError(`explain: ${values.record} is not a run record: ${record.invalid}`);
  }
  if (values.log && !log)
    throw new UsageError(`explain: cannot read the log file ${values.log}: no such file`);
  const { facts, findings, undecided } = analyzeParsed(
    stats,
    {
      ...log ? { log } : {},
      ...record ? { previousRun: record } : {},
      ...values["server-url"] ? { serverUrl: values["server-url"] } : {},
      ...values["namespace-suffix"] ? { namespaceSuffix: values["namespace-suffix"] } : {}
    },
    jobs
  );
  return values.format === "json" ? JSON.stringify(renderExplainJson(facts, findings, workflowJson, void 0, undecided), null, 2) + "\n" : renderSummary({ facts, findings, undecided });
}
var processIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
};
async function run(argv, io = processIo) {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help" || rest.includes("--help") || rest.includes("-h")) {
    io.stdout(USAGE + "\n");
    return 0;
  }
  if (!command) {
    io.stderr(`sccache-guard: a command is required
${USAGE}
`);
    return 2;
  }
  if (command !== "explain") {
    io.stderr(`sccache-guard: unknown command "${command}"
${USAGE}
`);
    return 2;
  }
  try {
    io.stdout(await explain(rest));
    return 0;
  } catch (error) {
    if (error instanceof StatsParseError) {
      io.stderr(`sccache-guard: not sccache stats: ${error.message}
`);
    } else if (error instanceof LocatedError) {
      io.stderr(`${error.message}
`);
    } else if (error instanceof UsageError || error.code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`sccache-guard: ${error.message}
`);
    } else {
      io.stderr(`sccache-guard: internal error: ${error.message}
`);
    }
    return 2;
  }
}

// src/cli.ts
process.exitCode = await run(process.argv.slice(2));
