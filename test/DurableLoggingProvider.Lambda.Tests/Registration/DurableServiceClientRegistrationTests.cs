using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace DurableLoggingProvider.Lambda.Tests;

[TestFixture]
[CancelAfter(20_000)]
public sealed class DurableServiceClientRegistrationTests
{
    [Test]
    public async Task The_registered_client_comes_from_the_http_client_factory_and_signs_its_requests(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        api.Enqueue(ApiAnswer.Ok("""{"Operations":[]}"""));
        var services = new ServiceCollection();
        services.AddDurableServiceClient(options =>
        {
            options.Endpoint = api.Endpoint;
            options.Region = LoopbackDurableApi.Region;
            options.Credentials = new SessionAWSCredentials(LoopbackDurableApi.AccessKey, LoopbackDurableApi.SecretKey, LoopbackDurableApi.SessionToken);
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IDurableServiceClient>();
        await client.GetExecutionStateAsync(
            new ExecutionStateRequest { DurableExecutionArn = LoopbackClients.ExecutionArn, CheckpointToken = "token-1" }, cancellationToken);

        Assert.That(client, Is.InstanceOf<LambdaDurableServiceClient>());
        Assert.That(provider.GetRequiredService<IDurableServiceClient>(), Is.SameAs(client));
        Assert.That(api.Requests.Single().Method, Is.EqualTo("GET"));
        Assert.That(api.Problems, Is.Empty);
    }
}
