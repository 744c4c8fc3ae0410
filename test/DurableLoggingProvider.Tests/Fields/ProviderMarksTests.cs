using NUnit.Framework;

namespace DurableLoggingProvider.Tests.Fields;

/// <summary>
/// The names of the fields sampling and buffering add, in each naming (docs/buffering-and-sampling.md:
/// <c>bufferEvicted</c>, <c>buffer_evicted</c> under SnakeCase; PascalCase capitalises every field's first letter).
/// </summary>
[TestFixture]
public class ProviderMarksTests
{
    [TestCase(FieldNaming.CamelCase, "sampled")]
    [TestCase(FieldNaming.SnakeCase, "sampled")]
    [TestCase(FieldNaming.PascalCase, "Sampled")]
    public void TheSampledMarkIsNamedAsTheNamingSays(FieldNaming naming, string expected) =>
        Assert.That(ProviderMarks.Sampled(naming), Is.EqualTo(expected));

    [TestCase(FieldNaming.CamelCase, "bufferEvicted")]
    [TestCase(FieldNaming.SnakeCase, "buffer_evicted")]
    [TestCase(FieldNaming.PascalCase, "BufferEvicted")]
    public void TheEvictionCountIsNamedAsTheNamingSays(FieldNaming naming, string expected) =>
        Assert.That(ProviderMarks.BufferEvicted(naming), Is.EqualTo(expected));
}
