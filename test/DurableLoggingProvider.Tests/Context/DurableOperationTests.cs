using System;
using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Context;

/// <summary>The operation whose body is running: its id, name and 1-based attempt.</summary>
[TestFixture]
public class DurableOperationTests
{
    [Test]
    public void AnOperationKeepsItsIdNameAndAttempt()
    {
        var operation = new DurableOperation("op-1", "charge", attempt: 2);

        Assert.Multiple(() =>
        {
            Assert.That(operation.Id, Is.EqualTo("op-1"));
            Assert.That(operation.Name, Is.EqualTo("charge"));
            Assert.That(operation.Attempt, Is.EqualTo(2));
        });
    }

    [Test]
    public void NameAndAttemptAreOptional()
    {
        var operation = new DurableOperation("op-1");

        Assert.Multiple(() =>
        {
            Assert.That(operation.Name, Is.Null);
            Assert.That(operation.Attempt, Is.Null);
        });
    }

    [Test]
    public void AMissingIdIsRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                () => new DurableOperation(null!),
                Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("id"));
            Assert.That(
                () => new DurableOperation(string.Empty),
                Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("id"));
        });
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void AttemptsAreNumberedFromOne(int attempt)
    {
        Assert.That(
            () => new DurableOperation("op-1", attempt: attempt),
            Throws.TypeOf<ArgumentOutOfRangeException>()
                .With.Property(nameof(ArgumentException.ParamName)).EqualTo("attempt")
                .And.Message.Contains("numbered from 1"));
    }
}
