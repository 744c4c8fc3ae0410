using System.Text.Json.Nodes;

namespace DurableLoggingProvider.Conformance.Tests.Harness;

/// <summary>
/// How the proxy answers a callback, through the runner's own handle (<c>runner.getOperation(name, index)</c>
/// with <c>sendCallbackSuccess</c> or <c>sendCallbackFailure</c>): once the callback has started, at least
/// <see cref="AfterInvocations"/> invocations have ended and none is running.
/// </summary>
internal sealed record CallbackAnswer(string Name, string Kind, string? Result, string? Message, int AfterInvocations, int Index)
{
    /// <summary>Answers the callback <paramref name="name"/> with <paramref name="result"/> (the text sent as it is).</summary>
    public static CallbackAnswer Succeed(string name, string result, int afterInvocations = 1, int index = 0) =>
        new(name, "success", result, null, afterInvocations, index);

    /// <summary>Fails the callback <paramref name="name"/> with an error carrying <paramref name="message"/>.</summary>
    public static CallbackAnswer Fail(string name, string message, int afterInvocations = 1, int index = 0) =>
        new(name, "failure", null, message, afterInvocations, index);

    /// <summary>The plan as the proxy reads it.</summary>
    public JsonObject ToJson()
    {
        var plan = new JsonObject { ["name"] = Name, ["kind"] = Kind, ["afterInvocations"] = AfterInvocations, ["index"] = Index };
        if (Result is not null)
        {
            plan["result"] = Result;
        }

        if (Message is not null)
        {
            plan["error"] = new JsonObject { ["ErrorMessage"] = Message, ["ErrorType"] = "Rejected" };
        }

        return plan;
    }
}
