// The conformance suite's node side: AWS's LocalDurableTestRunner (@aws/durable-execution-sdk-js-testing)
// drives each execution, and its handler hands every invocation to the .NET engine. Nothing here stands in
// for the durable service: checkpoints and state reads are forwarded to the event's own client, so AWS's
// checkpoint server (its validators, status transitions, callbacks and timers) answers them.
//
// Channels, both started by the .NET side (test/…/Proxy/NodeProxy.cs):
// - stdin/stdout, one JSON object a line: runs to start, invocations to run and their outputs;
// - a loopback HTTP server (127.0.0.1 only) serving the Lambda API's own REST paths for the two calls
//   the engine makes (durable-wire-format.md section 7), so any IDurableServiceClient that speaks that
//   API (the test project's, or the real HTTP client pointed at this endpoint) runs through the suite.
//
// Usage: node proxy.mjs --skip-time | --real-time
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { answerCallback } from "./callback-answers.mjs";

// Protocol lines own stdout: anything the libraries print goes to stderr.
for (const name of ["log", "info", "debug", "warn", "trace"]) {
  console[name] = (...args) => console.error(...args);
}

const require = createRequire(import.meta.url);
const sdk = require("@aws/durable-execution-sdk-js");
const { LocalDurableTestRunner, WaitingOperationStatus } = require("@aws/durable-execution-sdk-js-testing");

const mode = process.argv[2];
if (mode !== "--skip-time" && mode !== "--real-time") {
  console.error("usage: node proxy.mjs --skip-time | --real-time");
  process.exit(2);
}

// Mapping 3 (docs/conformance.md): the runner computes UpdatedOperationIds for every invocation and puts
// them in its event, but the SDK's wrapper class keeps only three of the four keys. The wrapper is looked
// up on the SDK's exports at each invocation, so a subclass that also keeps the fourth passes the
// runner's own list on, unchanged.
const Wrapper = sdk.DurableExecutionInvocationInputWithClient;
sdk.DurableExecutionInvocationInputWithClient = class DurableExecutionInvocationInputWithClient extends Wrapper {
  constructor(params, client) {
    super(params, client);
    this.UpdatedOperationIds = params.UpdatedOperationIds;
  }
};

const isDate = (value) => Object.prototype.toString.call(value) === "[object Date]";
// Mapping 2: the runner holds timestamps as JS Dates, which JSON.stringify writes as ISO 8601. The REST
// answers carry them as epoch seconds (the API's restJson1 default). The event keeps the runner's ISO
// strings, which the engine reads as it reads the real service's epoch milliseconds
// (durable-wire-format.md section 1); a run can ask for the epoch-millisecond form ("timestamps":
// "epoch-ms") to keep that form tested too.
function withTimestamps(unit) {
  return function replace(key, value) {
    const raw = this[key];
    if (!isDate(raw)) {
      return value;
    }
    return unit === "seconds" ? raw.getTime() / 1000 : raw.getTime();
  };
}

const runs = new Map(); // run id -> run state
const executions = new Map(); // mapped ARN -> run state
const pendingCalls = new Map(); // "<run>/<call>" -> resolve

function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function describe(error) {
  if (error instanceof Error) {
    return error.message;
  }
  // The runner also rejects with plain objects ({ error: { ErrorType, ErrorMessage }, status }).
  return typeof error === "object" ? JSON.stringify(error) : String(error);
}

// Mapping 1: the runner names the execution with a bare UUID; the real service's ARN is
// arn:…:function:<name>:<version>/durable-execution/<executionName>/<invocationId>. The function part is
// the runner's own context (invokedFunctionArn, functionVersion).
function mappedArn(run, uuid) {
  return `arn:aws:lambda:us-east-2:123456789012:function:my-function-name:1/durable-execution/${run.id}/${uuid}`;
}

async function allOperations(run, checkpointToken) {
  const state = await run.client.getExecutionState({ DurableExecutionArn: run.uuid, CheckpointToken: checkpointToken });
  return state.Operations ?? [];
}

async function handle(run, event) {
  const call = ++run.calls;
  run.client ??= event.durableExecutionClient;
  run.uuid ??= event.DurableExecutionArn;
  if (!run.arn) {
    run.arn = mappedArn(run, run.uuid);
    executions.set(run.arn, run);
  }

  let operations = event.InitialExecutionState.Operations;
  let nextMarker = event.InitialExecutionState.NextMarker;
  if (run.pageSize) {
    // Mapping 5: the runner never pages its event. Asked to, the first page is the first operations of
    // AWS's own state answer (which, as the real service's, leaves out finished contexts' children); the
    // rest come from the state path below.
    const all = await allOperations(run, event.CheckpointToken);
    operations = all.slice(0, run.pageSize);
    nextMarker = all.length > run.pageSize ? String(run.pageSize) : "";
  }

  const mapped = {
    DurableExecutionArn: run.arn,
    CheckpointToken: event.CheckpointToken,
    InitialExecutionState: { Operations: operations, NextMarker: nextMarker },
    UpdatedOperationIds: event.UpdatedOperationIds ?? [],
  };
  const eventText = JSON.stringify(mapped, run.timestamps === "epoch-ms" ? withTimestamps("milliseconds") : undefined);
  // Mapping 4: every invocation of the runner gets the same awsRequestId; Lambda gives each its own.
  const requestId = randomUUID();
  run.active = true;
  try {
    const reply = await new Promise((resolve) => {
      pendingCalls.set(`${run.id}/${call}`, resolve);
      send({ type: "invoke", run: run.id, call, requestId, event: eventText });
    });
    if (reply.type === "invocationFailed") {
      throw new Error(reply.message);
    }
    return reply.output;
  } finally {
    run.active = false;
    run.completed++;
  }
}

async function answer(run, plan, operation) {
  await answerCallback(plan, operation, run, WaitingOperationStatus);
  run.answered.push(plan.name);
}

async function startRun(message) {
  const run = {
    id: message.run,
    pageSize: message.pageSize ?? null,
    timestamps: message.timestamps ?? "as-given",
    requireSignature: message.requireSignature === true,
    requests: 0,
    signedRequests: 0,
    checkpointsWithClientToken: 0,
    calls: 0,
    completed: 0,
    active: false,
    answered: [],
    answerProblems: [],
    client: null,
    uuid: null,
    arn: null,
  };
  runs.set(run.id, run);
  const runner = new LocalDurableTestRunner({ handlerFunction: (event) => handle(run, event) });
  const answers = (message.answers ?? []).map((plan) => ({ plan, operation: runner.getOperation(plan.name, plan.index) }));
  const execution = runner.run({ payload: JSON.parse(message.input) });
  for (const { plan, operation } of answers) {
    answer(run, plan, operation).catch((error) => run.answerProblems.push(`${plan.name}: ${describe(error)}`));
  }

  const ended = { type: "runEnded", run: run.id, runnerCalls: run.calls, answered: run.answered, answerProblems: run.answerProblems };
  try {
    const result = await execution;
    ended.status = result.getStatus();
    if (ended.status === "SUCCEEDED") {
      const value = result.getResult();
      ended.result = value === undefined ? null : JSON.stringify(value);
    } else {
      ended.error = result.getError();
    }
    ended.operations = JSON.parse(JSON.stringify(result.getOperations().map((op) => op.getOperationData()), withTimestamps("milliseconds")));
  } catch (error) {
    ended.status = "RUNNER_ERROR";
    ended.runnerError = describe(error);
  }
  ended.runnerCalls = run.calls;
  ended.requests = run.requests;
  ended.signedRequests = run.signedRequests;
  ended.checkpointsWithClientToken = run.checkpointsWithClientToken;
  runs.delete(run.id);
  if (run.arn) {
    executions.delete(run.arn);
  }
  send(ended);
}

function reply(response, status, body, errorType) {
  const headers = { "content-type": "application/json" };
  if (errorType) {
    headers["x-amzn-errortype"] = errorType;
  }
  response.writeHead(status, headers);
  response.end(body);
}

function refuse(response, status, errorType, message) {
  reply(response, status, JSON.stringify({ __type: errorType, message }), errorType);
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// A SigV4 Authorization header for the service lambda. Its signature is not recomputed here (the Lambda
// client's own tests do that, test/DurableLoggingProvider.Lambda.Tests); that requests are signed at all, for
// the right service, is what a run of the real HTTP client asks the proxy to check.
const sigV4ForLambda =
  /^AWS4-HMAC-SHA256 Credential=[^/,\s]+\/\d{8}\/[a-z0-9-]+\/lambda\/aws4_request, ?SignedHeaders=[a-z0-9;-]+, ?Signature=[0-9a-f]{64}$/;

const apiPath = /^\/2025-12-01\/durable-executions\/([^/]+)\/(checkpoint|state)$/;

async function serve(request, response) {
  const url = new URL(request.url, "http://127.0.0.1");
  const match = apiPath.exec(url.pathname);
  if (!match) {
    refuse(response, 404, "UnknownOperationException", `No API at ${request.method} ${url.pathname}.`);
    return;
  }
  const run = executions.get(decodeURIComponent(match[1]));
  if (!run) {
    refuse(response, 404, "ResourceNotFoundException", `No execution ${decodeURIComponent(match[1])} is running.`);
    return;
  }
  run.requests++;
  if (sigV4ForLambda.test(request.headers.authorization ?? "")) {
    run.signedRequests++;
  } else if (run.requireSignature) {
    refuse(response, 403, "IncompleteSignatureException",
      `${request.method} ${url.pathname} is not signed with SigV4 for the service lambda (Authorization: ${request.headers.authorization ?? "none"}).`);
    return;
  }

  if (match[2] === "checkpoint" && request.method === "POST") {
    const body = JSON.parse(await readBody(request));
    if (typeof body.ClientToken === "string" && body.ClientToken.length > 0) {
      run.checkpointsWithClientToken++;
    }
    let answer;
    try {
      answer = await run.client.checkpoint({
        DurableExecutionArn: run.uuid,
        CheckpointToken: body.CheckpointToken,
        Updates: body.Updates,
        ClientToken: body.ClientToken,
      });
    } catch (error) {
      // The worker thread hands rejections over as plain Errors: the exception's name is lost. Every
      // refusal of its validators is an InvalidParameterValueException, as the real service's is.
      const type = error?.name && error.name !== "Error" ? error.name : "InvalidParameterValueException";
      refuse(response, 400, type, describe(error));
      return;
    }
    reply(response, 200, JSON.stringify(answer, withTimestamps("seconds")));
    return;
  }

  if (match[2] === "state" && request.method === "GET") {
    const token = url.searchParams.get("CheckpointToken");
    if (!token) {
      refuse(response, 400, "InvalidParameterValueException", "CheckpointToken is required.");
      return;
    }
    // The runner ignores Marker and MaxItems; pages are cut here from AWS's own answer, in its order.
    const maxItems = Math.min(Number(url.searchParams.get("MaxItems") ?? 100) || 100, 1000);
    const offset = Number(url.searchParams.get("Marker") || 0);
    const all = await allOperations(run, token);
    const page = { Operations: all.slice(offset, offset + maxItems) };
    if (offset + maxItems < all.length) {
      page.NextMarker = String(offset + maxItems);
    }
    reply(response, 200, JSON.stringify(page, withTimestamps("seconds")));
    return;
  }

  refuse(response, 405, "UnknownOperationException", `${request.method} is not allowed on ${url.pathname}.`);
}

const server = createServer((request, response) => {
  serve(request, response).catch((error) => refuse(response, 500, "ServiceException", describe(error)));
});

async function shutdown() {
  server.close();
  await LocalDurableTestRunner.teardownTestEnvironment();
  process.exit(0);
}

await LocalDurableTestRunner.setupTestEnvironment({ skipTime: mode === "--skip-time" });
server.listen(0, "127.0.0.1", () => send({ type: "ready", port: server.address().port }));

createInterface({ input: process.stdin }).on("line", (line) => {
  const message = JSON.parse(line);
  if (message.type === "run") {
    startRun(message).catch((error) => send({ type: "runEnded", run: message.run, status: "RUNNER_ERROR", runnerError: describe(error) }));
  } else if (message.type === "output" || message.type === "invocationFailed") {
    const key = `${message.run}/${message.call}`;
    const resolve = pendingCalls.get(key);
    pendingCalls.delete(key);
    resolve?.(message);
  } else if (message.type === "shutdown") {
    shutdown();
  }
}).on("close", () => shutdown());
