// Answers a callback through AWS's runner's own handle (runner.getOperation(name, index) with
// sendCallbackSuccess / sendCallbackFailure), as both proxy.mjs (our engine) and js-sdk-workflows.mjs (the
// official JS SDK) do: once the callback has started and has its id, at least `plan.afterInvocations`
// invocations have ended and none is running.
//
// plan: { name, kind: "success" | "failure", result?, error?, afterInvocations? }
// progress: { completed, active }, kept up to date by the caller's handler.

// Real timers, taken when this module is first imported: before setupTestEnvironment({ skipTime: true })
// installs fake ones.
const realSetTimeout = globalThis.setTimeout;

export const sleep = (ms) => new Promise((resolve) => realSetTimeout(resolve, ms));

export async function answerCallback(plan, operation, progress, WaitingOperationStatus) {
  await operation.waitForData(WaitingOperationStatus.STARTED);
  // A wait-for-callback's context starts before its CALLBACK child: wait for the callback's id.
  for (let tries = 0; ; tries++) {
    try {
      operation.getCallbackDetails();
      break;
    } catch (error) {
      if (tries > 3000) {
        throw error;
      }
      await sleep(10);
    }
  }
  while (progress.completed < (plan.afterInvocations ?? 0) || progress.active) {
    await sleep(10);
  }
  // Let the runner finish recording the invocation that just ended before it hears of the answer.
  await sleep(20);
  if (plan.kind === "success") {
    await operation.sendCallbackSuccess(plan.result);
  } else if (plan.kind === "failure") {
    await operation.sendCallbackFailure(plan.error);
  } else {
    throw new Error(`Unknown answer kind ${plan.kind}`);
  }
}
