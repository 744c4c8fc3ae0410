using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution.Tests.Context;

/// <summary>The workflow the logger tests run, and the ids its operations get by position.</summary>
internal static class LoggingWorkflow
{
    public const string Arn = "arn:aws:lambda:eu-west-1:210987654321:function:shipping:7/durable-execution/shipment-9/0c4e8f1a-0000-4000-8000-000000000009";

    /// <summary>The step is the first root operation, the wait the second, the child context the third.</summary>
    public static readonly string StepId = OperationIdsTests.FirstRootOperation;
    public static readonly string ChildId = OperationIds.Create(null, 3);
    public static readonly string InnerStepId = OperationIds.Create(ChildId, 1);

    /// <summary>
    /// <c>log received; step charge (logs charging); wait 1 s; child (logs in child; step inner logs in inner step); warn shipped</c>:
    /// two invocations. Records whether the context's logger is enabled at the start and after the wait.
    /// </summary>
    public static Func<string?, IDurableContext, Task<string>> Create(ILogger? setLogger, List<(string Where, bool Enabled)>? enabled) => async (_, context) =>
    {
        if (setLogger is not null)
        {
            context.SetLogger(setLogger);
        }

        enabled?.Add(("start", context.Logger.IsEnabled(LogLevel.Information)));
        context.Logger.LogInformation("received");
        await context.StepAsync(
            step =>
            {
                step.Logger.LogInformation("charging");
                return Task.FromResult(1);
            },
            "charge");
        await context.WaitAsync(TimeSpan.FromSeconds(1), "pause");
        enabled?.Add(("after the wait", context.Logger.IsEnabled(LogLevel.Information)));
        await context.RunInChildContextAsync(
            async child =>
            {
                child.Logger.LogInformation("in child");
                await child.StepAsync(
                    step =>
                    {
                        step.Logger.LogInformation("in inner step");
                        return Task.FromResult(2);
                    },
                    "inner");
            },
            "child");
        context.Logger.LogWarning("shipped");
        return "done";
    };
}
