using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using NUnit.Framework;

namespace DurableLoggingProvider.Lambda.Tests;

[TestFixture]
[CancelAfter(20_000)]
public sealed class SigningTests
{
    [Test]
    public async Task The_signature_covers_the_path_encoded_twice_as_services_other_than_s3_require(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        api.Enqueue(ApiAnswer.Ok("""{"Operations":[]}"""));
        var client = LoopbackClients.Create(api, new RecordingRetryClock());

        await client.GetExecutionStateAsync(new ExecutionStateRequest { DurableExecutionArn = LoopbackClients.ExecutionArn, CheckpointToken = "token-1" }, cancellationToken);

        var sent = api.Requests.Single();
        var twice = new SigV4Verifier(LoopbackDurableApi.AccessKey, LoopbackDurableApi.SecretKey, LoopbackDurableApi.Region, "lambda");
        var once = new SigV4Verifier(LoopbackDurableApi.AccessKey, LoopbackDurableApi.SecretKey, LoopbackDurableApi.Region, "lambda", encodePathTwice: false);
        Assert.That(twice.FindProblem(sent), Is.Null);
        Assert.That(once.FindProblem(sent), Is.Not.Null);
        Assert.That(sent.Header("Authorization"), Does.Contain("x-amz-security-token"));
    }
}
