// The conformance workflows (test/…/Workflows) written with the official JS SDK 2.4.0 and its
// context.logger, for js-sdk-workflows.mjs. Each is a handler, or { answers, handler } when callbacks are
// answered (the same plans as the .NET tests').
const timeouts = { timeout: { minutes: 10 }, heartbeatTimeout: { minutes: 10 } };
const retryOnce = (error, attempt) => (attempt < 2 ? { shouldRetry: true, delay: { seconds: 1 } } : { shouldRetry: false });
const noRetry = () => ({ shouldRetry: false });

export const workflows = {
  "Scenario1 steps around a wait": async (input, context) => {
    const log = context.logger;
    log.info("A");
    await context.step("s1", async () => 1);
    log.info("B");
    await context.wait("pause", { seconds: 5 });
    log.info("C");
    await context.step("s2", async () => 2);
    log.info("D");
    return "done";
  },
  "Scenario10 200 steps, a wait every 20": async (input, context) => {
    for (let number = 1; number <= 200; number++) {
      await context.step(`s${number}`, async () => number);
      context.logger.info(`step ${number}`);
      if (number % 20 === 0) {
        await context.wait(`pause ${number}`, { seconds: 1 });
      }
    }
    return 200;
  },
  "Scenario2 step retried once": async (input, context) => {
    context.logger.info("before");
    const value = await context.step("flaky", async (step) => {
      step.logger.info("inside");
      if (step.attempt === 1) {
        throw new Error("first attempt fails");
      }
      return "ok";
    }, { retryStrategy: retryOnce });
    context.logger.info("after");
    return value;
  },
  "step failing for good, caught": async (input, context) => {
    context.logger.info("before");
    try {
      await context.step("doomed", async (step) => {
        step.logger.info(`attempt ${step.attempt}`);
        throw new Error("always fails");
      }, { retryStrategy: retryOnce });
    } catch {
      context.logger.info("caught always fails");
    }
    await context.step("next", async () => 1);
    context.logger.info("after");
    return "recovered";
  },
  "Scenario5 child context around a wait": async (input, context) => {
    const value = await context.runInChildContext("child", async (child) => {
      child.logger.info("child before");
      await child.wait("pause", { seconds: 5 });
      child.logger.info("child after");
      return "child done";
    });
    await context.step("s1", async () => 1);
    await context.wait("second pause", { seconds: 5 });
    context.logger.info("parent after");
    return value;
  },
  "Scenario6 child context succeeded": async (input, context) => {
    const value = await context.runInChildContext("child", async (child) => {
      child.logger.info("in child");
      return child.step("inner", async () => "small");
    });
    await context.wait("pause", { seconds: 5 });
    context.logger.info("after");
    return value;
  },
  "Scenario7 child context, large result": async (input, context) => {
    const large = "x".repeat(300 * 1024);
    const value = await context.runInChildContext("large", async (child) => {
      child.logger.info("in child");
      const first = await child.step("first half", async () => large.slice(0, 150 * 1024));
      child.logger.info("between halves");
      const second = await child.step("second half", async () => large.slice(150 * 1024));
      return first + second;
    });
    await context.wait("pause", { seconds: 5 });
    context.logger.info("after");
    return value.length;
  },
  "Scenario3 two parallel branches": async (input, context) => {
    const branches = [1, 2].map((seconds, index) => async (branch) => {
      branch.logger.info(`branch ${index} before`);
      await branch.wait("pause", { seconds });
      branch.logger.info(`branch ${index} after`);
      return `branch ${index}`;
    });
    const results = await context.parallel("branches", branches);
    context.logger.info("after parallel");
    return results.getResults().join(",");
  },
  "Scenario4 map over five items": async (input, context) => mapOfItems(context, 5),
  "map with failing items": async (input, context) => {
    const results = await context.map("items", [0, 1, 2, 3], async (item, value) => {
      item.logger.info(`item ${value}`);
      await item.wait("pause", { seconds: 1 });
      return item.step("work", async () => {
        if (value % 2 === 1) {
          throw new Error(`item ${value} fails`);
        }
        return value;
      }, { retryStrategy: noRetry });
    });
    const outcome = results.all.map((item) => item.status).join(",");
    context.logger.info(`outcome ${outcome}`);
    return outcome;
  },
  "parallel with a failing branch": async (input, context) => {
    const results = await context.parallel("both", [
      async (branch) => {
        branch.logger.info("good branch");
        await branch.wait("pause", { seconds: 1 });
        return branch.step("work", async () => "fine");
      },
      async (branch) => {
        branch.logger.info("bad branch");
        await branch.wait("pause", { seconds: 2 });
        return branch.step("work", async () => {
          throw new Error("bad branch fails");
        }, { retryStrategy: noRetry });
      },
    ]);
    const outcome = results.all.map((item) => item.status).join(",");
    context.logger.info(`outcome ${outcome}`);
    return outcome;
  },
  "Scenario8b callback answered with success": {
    answers: [{ name: "approval", kind: "success", result: '"yes"', afterInvocations: 1 }],
    handler: async (input, context) => approval(context, timeouts),
  },
  "callback answered with failure": {
    answers: [{ name: "approval", kind: "failure", error: { ErrorMessage: "no", ErrorType: "Rejected" }, afterInvocations: 1 }],
    handler: async (input, context) => approval(context, timeouts),
  },
  "callback without timeouts": {
    answers: [{ name: "approval", kind: "success", result: '"yes"', afterInvocations: 1 }],
    handler: async (input, context) => approval(context, {}),
  },
  "plain-text callback answer": {
    answers: [{ name: "approval", kind: "success", result: "result data", afterInvocations: 1 }],
    handler: async (input, context) => approval(context, timeouts),
  },
  "Scenario8 callback in a branch, sibling waits three times": {
    answers: [{ name: "approval", kind: "success", result: '"yes"', afterInvocations: 4 }],
    handler: async (input, context) => {
      const results = await context.parallel("approval and sibling", [
        async (branch) => {
          const [promise, callbackId] = await branch.createCallback("approval", timeouts);
          await branch.step("notify", async () => callbackId);
          branch.logger.info("waiting");
          const answer = await promise;
          branch.logger.info("approved");
          return answer;
        },
        async (branch) => {
          for (let number = 1; number <= 3; number++) {
            branch.logger.info(`sibling before wait ${number}`);
            await branch.wait(`wait ${number}`, { seconds: 1 });
          }
          branch.logger.info("sibling done");
          return "sibling";
        },
      ]);
      context.logger.info("after parallel");
      return results.getResults().join(",");
    },
  },
  "Scenario8c callback never awaited": async (input, context) => {
    await context.createCallback("ignored", timeouts);
    await context.wait("pause", { seconds: 5 });
    context.logger.info("after");
    return "done";
  },
  "wait-for-callback": {
    answers: [{ name: "approval", kind: "success", result: '"yes"', afterInvocations: 1 }],
    handler: async (input, context) => {
      context.logger.info("before");
      const answer = await context.waitForCallback("approval", async (callbackId, submitter) => {
        submitter.logger.info("submitted");
      }, timeouts);
      context.logger.info("after");
      return answer;
    },
  },
  "Scenario16 line after a child context while a callback is held": {
    answers: [{ name: "held", kind: "success", result: '"yes"', afterInvocations: 2 }],
    handler: async (input, context) => {
      const [promise] = await context.createCallback("held", timeouts);
      await context.runInChildContext("child", async (child) => child.wait("pause", { seconds: 5 }));
      context.logger.info("after");
      const answer = await promise;
      context.logger.info("got");
      return answer;
    },
  },
  "Scenario9 wait-for-condition, four polls": async (input, context) => pollUntilReady(context, 2),
};

export const realTimeWorkflows = {
  "Scenario3 two parallel branches (real time)": workflows["Scenario3 two parallel branches"],
  "Scenario4 map over three items, waits 1-3 s (real time)": async (input, context) => mapOfItems(context, 3, (item) => item + 1),
  "Scenario9 wait-for-condition, four polls (real time)": async (input, context) => pollUntilReady(context, 1),
};

async function mapOfItems(context, count, waitSeconds = () => 1) {
  const items = Array.from({ length: count }, (_, index) => index);
  const results = await context.map("items", items, async (item, value) => {
    item.logger.info(`item ${value} before`);
    const doubled = await item.step("double", async () => value * 2);
    await item.wait("pause", { seconds: waitSeconds(value) });
    item.logger.info(`item ${value} after`);
    return doubled;
  });
  context.logger.info("after map");
  return results.getResults().reduce((sum, value) => sum + value, 0);
}

async function pollUntilReady(context, delaySeconds) {
  context.logger.info("before");
  const polls = await context.waitForCondition("until-ready", async (previous, check) => {
    check.logger.info(`poll ${previous + 1}`);
    return previous + 1;
  }, {
    initialState: 0,
    waitStrategy: (state) => (state >= 4 ? { shouldContinue: false } : { shouldContinue: true, delay: { seconds: delaySeconds } }),
  });
  context.logger.info("after");
  return polls;
}

async function approval(context, config) {
  const [promise, callbackId] = await context.createCallback("approval", config);
  await context.step("notify", async () => callbackId);
  context.logger.info("waiting");
  let answer;
  try {
    answer = await promise;
  } catch {
    context.logger.info("rejected");
    return "rejected";
  }
  context.logger.info("approved");
  return answer;
}
