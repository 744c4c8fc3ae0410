// The conformance workflows written with the official JS SDK (@aws/durable-execution-sdk-js 2.4.0,
// withDurableExecution, context.logger), run under the same AWS LocalDurableTestRunner as our engine,
// for the comparison in docs/conformance.md. Counts invocations, checkpoint calls, refusals and the
// lines each context.logger call wrote. Not part of the test run; figures.mjs runs it for the table, or
// run it by hand:
//
//   node js-sdk-workflows.mjs --skip-time     (the skipped-time workflows)
//   node js-sdk-workflows.mjs --real-time     (the real-time ones)
//
// One JSON object a line on stdout per workflow.
import { createRequire } from "node:module";
import { answerCallback } from "./callback-answers.mjs";

const out = process.stdout.write.bind(process.stdout);
for (const name of ["log", "info", "debug", "warn", "trace"]) {
  console[name] = (...args) => console.error(...args);
}

const require = createRequire(import.meta.url);
const { withDurableExecution } = require("@aws/durable-execution-sdk-js");
const { workflows, realTimeWorkflows } = await import("./js-sdk-workflow-list.mjs");
const { LocalDurableTestRunner, WaitingOperationStatus } = require("@aws/durable-execution-sdk-js-testing");

const mode = process.argv[2] ?? "--skip-time";

function recordingLogger(lines) {
  const write = (...args) => lines.push(String(args[0]));
  return { info: write, warn: write, error: write, debug: write };
}

async function measure(name, workflow) {
  const { handler, answers = [] } = typeof workflow === "function" ? { handler: workflow } : workflow;
  const lines = [];
  const counters = { invocations: 0, completed: 0, active: false, checkpoints: 0, refusals: [] };
  const durable = withDurableExecution(async (input, context) => {
    context.configureLogger({ customLogger: recordingLogger(lines) });
    return handler(input, context);
  });
  const runner = new LocalDurableTestRunner({
    handlerFunction: async (event, context) => {
      counters.invocations++;
      counters.active = true;
      const client = event.durableExecutionClient;
      const checkpoint = client.checkpoint.bind(client);
      client.checkpoint = async (params) => {
        counters.checkpoints++;
        try {
          return await checkpoint(params);
        } catch (error) {
          counters.refusals.push(error instanceof Error ? error.message : String(error));
          throw error;
        }
      };
      try {
        return await durable(event, context);
      } finally {
        counters.active = false;
        counters.completed++;
      }
    },
  });
  const handles = answers.map((plan) => ({ plan, operation: runner.getOperation(plan.name) }));
  const execution = runner.run({ payload: "input" });
  const problems = [];
  for (const { plan, operation } of handles) {
    answerCallback(plan, operation, counters, WaitingOperationStatus).catch((error) => problems.push(String(error)));
  }
  let status;
  let detail;
  try {
    const result = await execution;
    status = result.getStatus();
    detail = status === "SUCCEEDED" ? result.getResult() : result.getError()?.errorMessage;
  } catch (error) {
    status = "RUNNER_ERROR";
    detail = error instanceof Error ? error.message : String(error);
  }
  const counts = {};
  for (const line of lines) {
    counts[line] = (counts[line] ?? 0) + 1;
  }
  const duplicates = Object.values(counts).reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  const duplicated = Object.entries(counts).filter(([, count]) => count > 1).map(([line, count]) => `${line}×${count}`);
  out(`${JSON.stringify({
    workflow: name, status, refusals: counters.refusals.length, invocations: counters.invocations, checkpoints: counters.checkpoints,
    lines: lines.length, duplicates, duplicated, counts, detail: typeof detail === "string" ? detail.slice(0, 120) : detail, problems,
  })}\n`);
}

await LocalDurableTestRunner.setupTestEnvironment({ skipTime: mode !== "--real-time" });
try {
  for (const [name, workflow] of Object.entries(mode === "--real-time" ? realTimeWorkflows : workflows)) {
    await measure(name, workflow);
  }
} finally {
  await LocalDurableTestRunner.teardownTestEnvironment();
}
