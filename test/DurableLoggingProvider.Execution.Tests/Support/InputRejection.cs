using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Support;

/// <summary>Parses an input that must be rejected and checks the rejection names the field and the problem.</summary>
internal static class InputRejection
{
    /// <summary>The exception <see cref="DurableWireFormat.ParseInvocationInput(string)"/> throws for <paramref name="json"/>.</summary>
    public static DurableExecutionInputException Of(string json) =>
        Assert.Throws<DurableExecutionInputException>(() => DurableWireFormat.ParseInvocationInput(json))!;

    /// <summary>The exception for UTF-8 bytes.</summary>
    public static DurableExecutionInputException Of(byte[] utf8Json) =>
        Assert.Throws<DurableExecutionInputException>(() => DurableWireFormat.ParseInvocationInput(utf8Json))!;

    /// <summary>Asserts that <paramref name="json"/> is rejected at <paramref name="fieldPath"/> for <paramref name="problem"/>.</summary>
    public static void AssertRejected(string json, string fieldPath, string problem) => AssertNames(Of(json), fieldPath, problem);

    /// <summary>Asserts that the rejection names <paramref name="fieldPath"/> and <paramref name="problem"/>.</summary>
    public static void AssertNames(DurableExecutionInputException exception, string fieldPath, string problem)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.FieldPath, Is.EqualTo(fieldPath));
            Assert.That(exception.Message, Does.StartWith($"Invalid durable execution input at {fieldPath}: "));
            Assert.That(exception.Message, Does.Contain(problem));
        }

        TestContext.Out.WriteLine(exception.Message);
    }
}
