using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace DurableLoggingProvider.Conformance.Tests.Refusals;

/// <summary>
/// The same checkpoint traffic (Refusals/refusal-corpus.json) goes to AWS's checkpoint server and to our
/// in-memory service, and each request is taken or refused alike: AWS's outcome is the one its validators
/// give, and ours is the same except where a request names its deviation (a bug of AWS's local server that
/// the real API does not have, or a range of the real API the local server does not check).
/// </summary>
[TestFixture]
public class RefusalCorpusTests
{
    private AwsCheckpointServerRun _aws = null!;

    public static IEnumerable<TestCaseData> Scripts() =>
        RefusalCorpus.Scripts.Select(script => new TestCaseData(script.Name).SetArgDisplayNames(script.Name));

    [OneTimeSetUp]
    public async Task SendTheCorpusToAwsCheckpointServer()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _aws = await AwsCheckpointServerRun.StartAsync(timeout.Token);
    }

    [TestCaseSource(nameof(Scripts))]
    [CancelAfter(30_000)]
    public async Task EachRequestIsTakenOrRefusedAsAwsCheckpointServerDoes(string name, CancellationToken cancellationToken)
    {
        var script = RefusalCorpus.Scripts.Single(candidate => candidate.Name == name);

        var aws = _aws.OutcomesOf(script);
        var ours = await InMemoryServiceReplay.RunAsync(script, cancellationToken);

        Assert.Multiple(() =>
        {
            for (var invocation = 0; invocation < script.Invocations.Count; invocation++)
            {
                for (var call = 0; call < script.Invocations[invocation].Count; call++)
                {
                    var request = script.Invocations[invocation][call];
                    var where = $"invocation {invocation + 1}, checkpoint call {call + 1}";
                    Assert.That(aws[invocation][call].Accepted, Is.EqualTo(request.AwsAccepts), $"{where}: AWS's server gave {aws[invocation][call]}");
                    Assert.That(
                        ours[invocation][call].Accepted,
                        Is.EqualTo(request.OursAccepts),
                        $"{where}: the in-memory service gave {ours[invocation][call]}, AWS's server {aws[invocation][call]}" +
                        (request.Deviation is null ? string.Empty : $"; deviation: {request.Deviation}"));
                }
            }
        });
    }

    [Test]
    public void AwsServerRefusesAStartOfAStartedStepSoTheCorpusCanSeeARefusal()
    {
        var script = RefusalCorpus.Scripts.Single(candidate => candidate.Name == "a STARTED STEP is started again, as after a lost invocation");

        var outcomes = _aws.OutcomesOf(script)[0];

        Assert.Multiple(() =>
        {
            Assert.That(outcomes[0].Accepted, Is.True, "the first START");
            Assert.That(outcomes[1].Accepted, Is.False, "the START of the STARTED step");
            Assert.That(outcomes[1].Message, Is.EqualTo("Invalid current STEP state to start."));
        });
    }

    [Test]
    public void TheCorpusHoldsRefusalsAndAcceptancesOfEveryOperationType()
    {
        var requests = RefusalCorpus.Scripts.SelectMany(script => script.Invocations.SelectMany(invocation => invocation)).ToList();
        var types = new[] { "STEP", "CONTEXT", "WAIT", "CALLBACK", "CHAINED_INVOKE", "EXECUTION" };

        Assert.Multiple(() =>
        {
            foreach (var type in types)
            {
                var ofType = requests.Where(request => request.Updates.Any(update => (string?)update?["Type"] == type)).ToList();
                Assert.That(ofType.Count(request => request.AwsAccepts), Is.Positive, $"{type} requests AWS takes");
                Assert.That(ofType.Count(request => !request.AwsAccepts), Is.Positive, $"{type} requests AWS refuses");
            }
        });
    }
}
