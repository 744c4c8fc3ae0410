// Reproduces the figures table of docs/conformance.md in one command: runs every conformance workflow of
// our engine under AWS's checkpoint server with both clients (dotnet test of the Workflows fixtures, which
// print a "figures:" line per workflow), runs the same workflows on the official JS SDK
// (js-sdk-workflows.mjs, skipped and real time, several runs), and prints the Markdown table on stdout.
// Progress and the test run's own output go to stderr.
//
//   node figures.mjs [--js-runs N] [--no-build]      (from this directory; N defaults to 3)
//
// Exit code 1 when a workflow test failed or a figure is missing (the table is still printed).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const project = resolve(here, "..", "DurableLoggingProvider.Conformance.Tests.csproj");
const args = process.argv.slice(2);
const jsRuns = Number(args[args.indexOf("--js-runs") + 1]) || 3;
const build = !args.includes("--no-build");
let failed = false;

// [row label, .NET test name (as NUnit names it), JS SDK workflow name or null]
const rows = [
  ["1: steps around a wait", "Scenario1_StepsAroundASkippedWaitWriteEachLineOnceInTwoInvocations", "Scenario1 steps around a wait"],
  ["10: 200 steps, a wait every 20", "Scenario10_TwoHundredStepsWithAWaitEveryTwentyWriteEachLineOnceInElevenInvocations", "Scenario10 200 steps, a wait every 20"],
  ["11: state read through get-state pages (2 + pages of 2)", "Scenario11_StateReadThroughGetStatePagesGivesTheUnpagedAnswer", null],
  ["14: Emit mode", "Scenario14_InEmitModeTheReplayedLinesAreWrittenAgain", null],
  ["14: Mark mode", "Scenario14_InMarkModeTheReplayedLinesAreWrittenAgainMarkedAsReplays", null],
  ["the event's ISO 8601 timestamps, as the runner writes them", "TheEventsIsoTimestampsAsTheRunnerWritesThemReachTheEngineAsTheSameInstants", null],
  ["the event's timestamps as epoch milliseconds", "TheEventsTimestampsAsEpochMillisecondsTheRealServicesFormReachTheEngineUnchanged", null],
  ["2: step retried once", "Scenario2_AStepRetriedOnceWritesItsBodyTwiceEachWithItsAttemptAndTheLinesAroundItOnce", "Scenario2 step retried once"],
  ["a step failing for good, caught", "AStepThatFailsForGoodIsCaughtByTheWorkflowAndItsLinesAreWrittenOnceAnAttempt", "step failing for good, caught"],
  ["5: child context around a wait (events keep children)", "Scenario5_AChildContextsLinesAroundAWaitAndTheParentsAfterItAreWrittenOnce (runner's event, children kept)", "Scenario5 child context around a wait"],
  ["12: the same, paged from AWS's pruned state", "Scenario12_AChildContextsLinesAreWrittenOnceWhenFinishedContextsChildrenAreLeftOut (paged from AWS's state)", null],
  ["6: child context already succeeded", "Scenario6_AChildContextThatSucceededIsNotRunAgainAndWritesNothingMore", "Scenario6 child context succeeded"],
  ["7: child context with a 300 KB result (ReplayChildren)", "Scenario7_AChildContextWithALargeResultIsCheckpointedWithReplayChildrenAndItsLinesAreNotWrittenAgain", "Scenario7 child context, large result"],
  ["3: two parallel branches, waits 1 s and 2 s", "Scenario3_TwoParallelBranchesWaitingDifferentLengthsWriteEachLineOnce", "Scenario3 two parallel branches"],
  ["4: map over five items (step, wait)", "Scenario4_AMapOverFiveItemsWritesEachItemsLinesOnceInItsOwnContext", "Scenario4 map over five items"],
  ["map with failing items", "AMapWithFailingItemsEndsWithTheirErrorsAndWritesEachLineOnce", "map with failing items"],
  ["parallel with a failing branch", "AParallelWithAFailingBranchEndsWithItsErrorAndWritesEachLineOnce", "parallel with a failing branch"],
  ["8b: callback answered with success", "Scenario8b_ACallbackAnsweredWithSuccessDuringTheFirstSuspensionWritesWaitingAndApprovedOnce", "Scenario8b callback answered with success"],
  ["callback answered with failure", "ACallbackAnsweredWithFailureReachesTheWorkflowAsCallbackFailedAndWritesEachLineOnce", "callback answered with failure"],
  ["callback without timeouts", "ACallbackWithoutTimeoutsIsSentWithoutTimeoutOptionsAndWaitsForItsAnswer", "callback without timeouts"],
  ["plain-text callback answer `result data`", "APlainTextCallbackAnswerReachesAStringAwaitAsTheTextItIs", "plain-text callback answer"],
  ["8: callback in a branch, sibling waits three times", "Scenario8_ACallbackAwaitedInOneBranchWhileItsSiblingWaitsThreeTimesWritesEveryLineOnce", "Scenario8 callback in a branch, sibling waits three times"],
  ["8c: callback never awaited", "Scenario8c_ACallbackNeverAwaitedDoesNotHoldBackTheLineAfterAWait", "Scenario8c callback never awaited"],
  ["16: line after a child context while a callback is held", "Scenario16_TheLineAfterAChildContextIsWrittenWhileACallbackIsHeld", "Scenario16 line after a child context while a callback is held"],
  ["wait-for-callback", "AWaitForCallbackAnsweredWritesItsSubmitterAndTheLinesAroundItOnce", "wait-for-callback"],
  ["9: wait-for-condition, four polls", "Scenario9_AWaitForConditionPollingFourTimesWritesEachPollOnceAndTheLinesAroundItOnce", "Scenario9 wait-for-condition, four polls"],
  ["13: invocation lost after step s1's SUCCEED", "Scenario13_AnInvocationLostAfterAStepsSucceedLosesNoLine", null],
  ["step found STARTED after a lost invocation", "AStepFoundStartedAfterALostInvocationRunsAgainWithoutANewStart", null],
  ["at-most-once step found STARTED after a lost invocation", "AnAtMostOnceStepFoundStartedAfterALostInvocationCountsAsAFailedAttemptAndIsRetried", null],
  ["wait-for-condition check found STARTED after a lost invocation", "AWaitForConditionCheckFoundStartedAfterALostInvocationRunsAgainWithoutANewStart", null],
  ["negative control: START of a STARTED step, WAIT with SUCCEED", "CheckpointsAwsMustRefuseAreSeenRefusedWithItsMessages", null],
  ["real time: 3, two parallel branches", "Scenario3_InRealTimeTwoParallelBranchesWaitingOneAndTwoSecondsWriteEachLineOnce", "Scenario3 two parallel branches (real time)"],
  ["real time: 4, map over three items, waits of 1, 2 and 3 s", "Scenario4_InRealTimeAMapOverThreeItemsWritesEachItemsLinesOnce", "Scenario4 map over three items, waits 1-3 s (real time)"],
  ["real time: 9, wait-for-condition, four polls", "Scenario9_InRealTimeAWaitForConditionPollingFourTimesWritesEachPollOnce", "Scenario9 wait-for-condition, four polls (real time)"],
];

function run(program, programArgs) {
  console.error(`> ${program} ${programArgs.join(" ")}`);
  const result = spawnSync(program, programArgs, { cwd: here, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    throw new Error(`${program} could not be run (${result.error.message}): install the .NET SDK and Node.js 20 or later.`);
  }
  return result;
}

function unescapeXml(text) {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#xD;/g, "").replace(/&amp;/g, "&");
}

// Ours: one `dotnet test` of the Workflows fixtures, figures read back from its trx file.
function measureOurs() {
  const results = mkdtempSync(join(tmpdir(), "conformance-figures-"));
  try {
    const testArgs = ["test", project, "-c", "Release", "--filter", "FullyQualifiedName~DurableLoggingProvider.Conformance.Tests.Workflows",
      "--logger", "trx;LogFileName=figures.trx", "--results-directory", results];
    if (!build) {
      testArgs.push("--no-build");
    }
    const test = run("dotnet", testArgs);
    process.stderr.write(test.stdout.split("\n").filter((line) => /Passed!|Failed!|Failed |error/.test(line)).join("\n") + "\n");
    if (test.status !== 0) {
      failed = true;
      console.error(`dotnet test ended with exit code ${test.status}: the figures below include failed workflows.`);
    }
    const trx = readdirSync(results, { recursive: true }).find((file) => String(file).endsWith(".trx"));
    if (!trx) {
      throw new Error(`dotnet test wrote no trx file in ${results}.`);
    }
    const figures = new Map(); // "<test>|<client>" -> figures
    const pattern = /^figures: (.+) client=(\w+) status=(\S+) refusals=(\d+) invocations=(\d+) checkpoints=(\d+) lines=(\d+) duplicates=(\d+) counts=(\{.*\})$/;
    for (const line of unescapeXml(readFileSync(join(results, String(trx)), "utf8")).split("\n")) {
      const match = pattern.exec(line.trim());
      if (match) {
        const [, test, client, status, refusals, invocations, checkpoints, lines] = match;
        figures.set(`${test}|${client}`, {
          status, refusals: Number(refusals), invocations: Number(invocations), checkpoints: Number(checkpoints), lines: Number(lines), counts: JSON.parse(match[9]),
        });
      }
    }
    return figures;
  } finally {
    rmSync(results, { recursive: true, force: true });
  }
}

// The JS SDK: js-sdk-workflows.mjs, `jsRuns` times in each time mode.
function measureJs() {
  const runs = new Map(); // workflow -> [figures of each run]
  for (let index = 0; index < jsRuns; index++) {
    for (const mode of ["--skip-time", "--real-time"]) {
      const result = run("node", ["js-sdk-workflows.mjs", mode]);
      if (result.status !== 0) {
        failed = true;
        console.error(`node js-sdk-workflows.mjs ${mode} ended with exit code ${result.status}.`);
      }
      for (const line of result.stdout.split("\n").filter((text) => text.startsWith("{"))) {
        const figures = JSON.parse(line);
        runs.set(figures.workflow, [...(runs.get(figures.workflow) ?? []), figures]);
      }
    }
  }
  return runs;
}

// How the lines were written against the lines the workflow's test expects (ours, Direct).
function linesNote(counts, expected) {
  const missing = Object.keys(expected).filter((line) => !(line in counts)).map((line) => `"${line}" missing`);
  const repeated = Object.entries(counts).filter(([, count]) => count > 1).map(([line, count]) => `"${line}" ×${count}`);
  const unexpected = Object.keys(counts).filter((line) => !(line in expected)).map((line) => `"${line}" written instead`);
  const notes = [...missing, ...unexpected, ...repeated];
  if (notes.length > 0) {
    return notes.join(", ");
  }
  return Object.keys(counts).length === 0 ? "none" : "each once";
}

function range(values) {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? `${low}` : `${low}–${high}`;
}

function cell(samples, expected) {
  if (!samples || samples.length === 0) {
    return "—";
  }
  const statuses = [...new Set(samples.map((sample) => sample.status))].join("/");
  const notes = [...new Set(samples.map((sample) => linesNote(sample.counts, expected)))];
  const note = notes.length === 1 ? notes[0] : `${notes.join("; or ")} (runs differ)`;
  return [statuses, range(samples.map((s) => s.refusals)), range(samples.map((s) => s.invocations)), range(samples.map((s) => s.checkpoints)),
    `${range(samples.map((s) => s.lines))}: ${note}`].join(" · ");
}

const ours = measureOurs();
const js = measureJs();
const jsVersion = JSON.parse(readFileSync(join(here, "node_modules", "@aws", "durable-execution-sdk-js", "package.json"), "utf8")).version;

const out = [];
out.push(`| workflow | ours, direct client | ours, LambdaDurableServiceClient | JS SDK ${jsVersion} (${jsRuns} runs) |`);
out.push("|---|---|---|---|");
const totals = { direct: 0, lambda: 0, jsLow: 0, jsHigh: 0, workflows: 0 };
const known = new Set();
for (const [label, test, jsName] of rows) {
  known.add(test);
  const direct = ours.get(`${test}|Direct`);
  const lambda = ours.get(`${test}|Lambda`);
  if (!direct || !lambda) {
    failed = true;
    console.error(`No figures for ${test} (${direct ? "" : "Direct "}${lambda ? "" : "Lambda"}).`);
  }
  const expected = direct?.counts ?? {};
  const jsSamples = jsName ? js.get(jsName) : undefined;
  if (jsName && !jsSamples) {
    failed = true;
    console.error(`No JS SDK figures for '${jsName}'.`);
  }
  out.push(`| ${label} | ${cell(direct && [direct], expected)} | ${cell(lambda && [lambda], expected)} | ${cell(jsSamples, expected)} |`);
  if (direct && lambda && jsSamples && !label.startsWith("real time")) {
    totals.workflows++;
    totals.direct += direct.checkpoints;
    totals.lambda += lambda.checkpoints;
    totals.jsLow += Math.min(...jsSamples.map((s) => s.checkpoints));
    totals.jsHigh += Math.max(...jsSamples.map((s) => s.checkpoints));
  }
}
for (const key of ours.keys()) {
  const [test] = key.split("|");
  if (!known.has(test)) {
    known.add(test);
    const expected = ours.get(`${test}|Direct`)?.counts ?? {};
    out.push(`| ${test} (not in figures.mjs's rows) | ${cell(ours.has(`${test}|Direct`) ? [ours.get(`${test}|Direct`)] : undefined, expected)} | ${cell(ours.has(`${test}|Lambda`) ? [ours.get(`${test}|Lambda`)] : undefined, expected)} | — |`);
  }
}
out.push("");
out.push(`Checkpoint calls on the ${totals.workflows} skipped-time workflows both ran: ours ${totals.direct} (direct client), ${totals.lambda} (LambdaDurableServiceClient); JS SDK ${range([totals.jsLow, totals.jsHigh])}.`);
process.stdout.write(`${out.join("\n")}\n`);
process.exit(failed ? 1 : 0);
