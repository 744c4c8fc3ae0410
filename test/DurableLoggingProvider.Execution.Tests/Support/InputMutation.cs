namespace DurableLoggingProvider.Execution.Tests.Support;

/// <summary>One generated variant of a valid input: what was done to it, and the bytes that result.</summary>
internal sealed record InputMutation(string Description, byte[] Utf8Json);
