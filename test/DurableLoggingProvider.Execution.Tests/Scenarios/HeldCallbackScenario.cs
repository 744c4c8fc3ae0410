using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Execution.Tests.Scenarios;

/// <summary>
/// Scenario 16 of replay-gate.md: <c>create callback (not awaited); nested context { wait 5s }; log "after";
/// await callback; log "got"</c>. The previous invocation stopped inside the nested context while the
/// context held the callback: "after" must be written once, where the nested context ends.
/// </summary>
internal static class HeldCallbackScenario
{
    /// <summary>The name of the callback the root holds.</summary>
    public const string HeldName = "held";

    public static Func<string?, IDurableContext, Task<string>> Workflow(ILogger logger, NestedContext nested) => async (_, context) =>
    {
        var held = await context.CreateCallbackAsync<string>(HeldName);
        await RunNestedAsync(context, nested);
        logger.LogInformation("after");
        var answer = await held.GetResultAsync();
        logger.LogInformation("got");
        return answer;
    };

    private static Task RunNestedAsync(IDurableContext context, NestedContext nested) => nested switch
    {
        NestedContext.ChildContext => context.RunInChildContextAsync(child => child.WaitAsync(TimeSpan.FromSeconds(5)), "nested"),
        NestedContext.Map => context.MapAsync(new[] { 1, 2 }, async (item, value, _) =>
        {
            await item.WaitAsync(TimeSpan.FromSeconds(5));
            return value;
        }, "nested"),
        NestedContext.Parallel => context.ParallelAsync(new Func<IDurableContext, Task<int>>[]
        {
            async branch =>
            {
                await branch.WaitAsync(TimeSpan.FromSeconds(5));
                return 1;
            },
            async branch =>
            {
                await branch.WaitAsync(TimeSpan.FromSeconds(5));
                return 2;
            },
        }, "nested"),
        NestedContext.WaitForCallback => context.WaitForCallbackAsync<string>((_, _) => Task.CompletedTask, "nested"),
        _ => throw new ArgumentOutOfRangeException(nameof(nested), nested, null),
    };
}
