using System;
using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>The engine's own SHA-256 of raw ids gives FIPS 180-4's digests, the platform's for every message length around the block boundaries.</summary>
[TestFixture]
public class OperationIdHashTests
{
    [Test]
    public void TheDigestOfAbcIsTheStandardsExample()
    {
        var digest = new byte[OperationIdHash.Length];

        OperationIdHash.Hash("abc"u8, digest);

        Assert.That(Convert.ToHexStringLower(digest), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    [Test]
    public void TheDigestOfTheEmptyMessageIsTheStandardOne()
    {
        var digest = new byte[OperationIdHash.Length];

        OperationIdHash.Hash([], digest);

        Assert.That(Convert.ToHexStringLower(digest), Is.EqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    [Test]
    public void EveryMessageLengthUpToThreeBlocksHashesAsThePlatformsSha256Does()
    {
        var random = new Random(14);
        for (var length = 0; length <= 200; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            var digest = new byte[OperationIdHash.Length];

            OperationIdHash.Hash(message, digest);

            Assert.That(digest, Is.EqualTo(SHA256.HashData(message)), $"a message of {length} bytes");
        }
    }

    [Test]
    public void AnIdUnderANestedContextHashesAsThePlatformsSha256Does()
    {
        var raw = $"{OperationIds.Create(OperationIdsTests.FirstRootOperation, 7)}-12345";

        var id = OperationIds.Create(OperationIds.Create(OperationIdsTests.FirstRootOperation, 7), 12345);

        Assert.That(id, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))));
    }
}
