"use strict";
// Replays the refusal corpus (../Refusals/refusal-corpus.json) against AWS's checkpoint server: each script is
// one execution under LocalDurableTestRunner, whose handler sends the script's requests through the event's
// client, one checkpoint call each, and records whether the server took or refused it.
//
//   node refusals.js <corpus.json> <results.json>
//
// The results file gets { scripts: [{ name, outcomes: [[{ accepted, message? }]], error? }] }, one outcome per
// request, grouped by invocation, and an error for a script that did not run to its end. Exit code 0 once the file
// is written, whatever the outcomes; anything else means the corpus could not be run at all.

const fs = require("node:fs");
const { LocalDurableTestRunner } = require("@aws/durable-execution-sdk-js-testing");

function substitute(value, executionId) {
  if (typeof value === "string") {
    if (value === "$execution") return executionId;
    const repeat = /^\$repeat:(\d+)$/.exec(value);
    return repeat ? "x".repeat(Number(repeat[1])) : value;
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, executionId));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, executionId)]));
  }
  return value;
}

function scriptHandler(script, outcomes) {
  let invocation = 0;
  return async (event) => {
    const requests = script.invocations[invocation];
    if (!requests) throw new Error(`Invocation ${invocation + 1} was not expected: the script has ${script.invocations.length}.`);
    const execution = (event.InitialExecutionState?.Operations ?? []).find((operation) => operation.Type === "EXECUTION");
    if (!execution) throw new Error("The invocation's state holds no EXECUTION operation.");
    const client = event.durableExecutionClient;
    const firstToken = event.CheckpointToken;
    let token = firstToken;
    const recorded = [];
    outcomes.push(recorded);
    for (const request of requests) {
      const sent = request.token === "stale" ? firstToken : request.token === "none" ? undefined : token;
      try {
        const response = await client.checkpoint({
          DurableExecutionArn: event.DurableExecutionArn,
          CheckpointToken: sent,
          Updates: substitute(request.updates, execution.Id),
        });
        token = response.CheckpointToken ?? token;
        recorded.push({ accepted: true });
      } catch (error) {
        recorded.push({ accepted: false, message: error instanceof Error ? error.message : String(error) });
      }
    }
    invocation++;
    if (invocation < script.invocations.length) {
      // More invocations follow once a timer the script armed has fired. The runner learns of the timer from
      // its own poll of the server, after the checkpoint call returned: give the poll time to see it first,
      // or the runner ends the execution for a PENDING with nothing pending.
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { Status: "PENDING" };
    }
    return { Status: "SUCCEEDED" };
  };
}

async function runScript(script) {
  const outcomes = [];
  const runner = new LocalDurableTestRunner({ handlerFunction: scriptHandler(script, outcomes) });
  // A chained invoke's function that never answers, so that the invoke stays STARTED while the script runs.
  runner.registerFunction("never-answers", () => new Promise(() => {}));
  const result = { name: script.name, outcomes };
  try {
    await runner.run({ payload: {} });
  } catch (error) {
    result.runError = error instanceof Error ? error.message : JSON.stringify(error);
  }
  const sent = outcomes.reduce((count, invocation) => count + invocation.length, 0);
  const expected = script.invocations.reduce((count, invocation) => count + invocation.length, 0);
  if (sent !== expected) {
    result.error = `Only ${sent} of the script's ${expected} requests were sent${result.runError ? `: ${result.runError}` : "."}`;
  }
  return result;
}

async function main() {
  const [corpusPath, resultsPath] = process.argv.slice(2);
  if (!corpusPath || !resultsPath) {
    console.error("Usage: node refusals.js <corpus.json> <results.json>");
    process.exit(2);
  }
  const corpus = JSON.parse(fs.readFileSync(corpusPath, "utf8"));
  // Real time (no skipTime): the server's timers and the runner's scheduling run as they would for a test
  // that waits; the corpus keeps its timers at 1 s where a script needs one to fire, and 3600 s elsewhere.
  await LocalDurableTestRunner.setupTestEnvironment();
  const results = [];
  try {
    // Scripts are independent executions: run them side by side to keep the whole corpus to a few seconds.
    results.push(...(await Promise.all(corpus.scripts.map(runScript))));
  } finally {
    await LocalDurableTestRunner.teardownTestEnvironment();
  }
  fs.writeFileSync(resultsPath, JSON.stringify({ scripts: results }, null, 2));
  process.exit(0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(3);
});
