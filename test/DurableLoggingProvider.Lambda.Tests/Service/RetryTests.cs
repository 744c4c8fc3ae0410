using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using NUnit.Framework;

namespace DurableLoggingProvider.Lambda.Tests;

[TestFixture]
[CancelAfter(20_000)]
public sealed class RetryTests
{
    private static CheckpointRequest Checkpoint()
    {
        var request = new CheckpointRequest { DurableExecutionArn = LoopbackClients.ExecutionArn, CheckpointToken = "token-1" };
        request.Updates.Add(new OperationUpdate { Id = "op-1", Type = OperationType.Step, Action = OperationAction.Start, SubType = "Step" });
        return request;
    }

    private static ExecutionStateRequest State() => new() { DurableExecutionArn = LoopbackClients.ExecutionArn, CheckpointToken = "token-1" };

    private static ApiAnswer Accepted() => ApiAnswer.Ok("""{"CheckpointToken":"token-2","NewExecutionState":{"Operations":[]}}""");

    [Test]
    public async Task A_throttled_checkpoint_is_retried_with_backoff_and_the_same_client_token(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var clock = new RecordingRetryClock { Jitter = 0.5 };
        api.Enqueue(ApiAnswer.Throttled(), ApiAnswer.Throttled(), Accepted());
        var client = LoopbackClients.Create(api, clock, options => options.BaseRetryDelay = TimeSpan.FromMilliseconds(100));

        using (DurableLogContext.BeginInvocation(LoopbackClients.InvocationEndingIn(clock, TimeSpan.FromSeconds(30))))
        {
            var response = await client.CheckpointAsync(Checkpoint(), cancellationToken);
            Assert.That(response.CheckpointToken, Is.EqualTo("token-2"));
        }

        Assert.That(api.Problems, Is.Empty);
        var tokens = api.Requests.Select(request => request.BodyJson["ClientToken"]!.GetValue<string>()).ToList();
        Assert.That(tokens, Has.Count.EqualTo(3));
        Assert.That(tokens.Distinct().Count(), Is.EqualTo(1));
        // Full jitter at 0.5 of a ceiling that starts at 100 ms and doubles.
        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100) }));
    }

    [Test]
    public async Task A_service_failure_is_retried_until_an_answer_comes(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        api.Enqueue(ApiAnswer.ServiceFailure(), ApiAnswer.Error(503, "ServiceUnavailable", "try later"), ApiAnswer.Ok("""{"Operations":[]}"""));
        var client = LoopbackClients.Create(api, new RecordingRetryClock());

        var page = await client.GetExecutionStateAsync(State(), cancellationToken);

        Assert.That(page.Operations, Is.Empty);
        Assert.That(api.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_retry_waits_at_least_as_long_as_the_service_asks(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var clock = new RecordingRetryClock();
        api.Enqueue(ApiAnswer.Throttled(retryAfterSeconds: 2), Accepted());
        var client = LoopbackClients.Create(api, clock);

        await client.CheckpointAsync(Checkpoint(), cancellationToken);

        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(2) }));
    }

    [TestCase(400, "InvalidParameterValueException", "Invalid Checkpoint Token: the token was already used", "stale")]
    [TestCase(400, "InvalidParameterValueException", "Update for STEP op-1 is not valid in state SUCCEEDED", "refused a parameter")]
    [TestCase(502, "KMSDisabledException", "Lambda couldn't decrypt the environment variables because the KMS key used is disabled.", "KMS key is disabled")]
    [TestCase(502, "KMSAccessDeniedException", "KMS access was denied.", "kms:Decrypt")]
    [TestCase(404, "ResourceNotFoundException", "Durable execution not found", "durable function")]
    public async Task A_refusal_is_not_retried_and_carries_the_services_error_and_what_to_do(int status, string type, string message, string advice)
    {
        await using var api = new LoopbackDurableApi();
        api.Enqueue(ApiAnswer.Error(status, type, message), Accepted());
        var client = LoopbackClients.Create(api, new RecordingRetryClock());

        var failure = Assert.ThrowsAsync<DurableServiceException>(() => client.CheckpointAsync(Checkpoint(), CancellationToken.None));

        Assert.That(api.Requests, Has.Count.EqualTo(1));
        Assert.That(failure!.ErrorType, Is.EqualTo(type));
        Assert.That(failure.ServiceMessage, Is.EqualTo(message));
        Assert.That((int?)failure.StatusCode, Is.EqualTo(status));
        Assert.That(failure.IsTransient, Is.False);
        Assert.That(failure.Operation, Is.EqualTo("CheckpointDurableExecution"));
        Assert.That(failure.Message, Does.Contain(message).And.Contain(advice));
    }

    [Test]
    public async Task Access_denied_names_the_iam_action_of_the_call_that_was_denied(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        const string Denied = "User: arn:aws:sts::123456789012:assumed-role/orders-role/orders is not authorized to perform: lambda:GetDurableExecutionState";
        api.Enqueue(ApiAnswer.Error(403, "AccessDeniedException", Denied, "Message"));
        var client = LoopbackClients.Create(api, new RecordingRetryClock());

        var failure = Assert.ThrowsAsync<DurableServiceException>(() => client.GetExecutionStateAsync(State(), cancellationToken));

        Assert.That(failure!.ErrorType, Is.EqualTo("AccessDeniedException"));
        Assert.That(failure.Message, Does.Contain("allow the IAM action lambda:GetDurableExecutionState"));
    }

    [Test]
    public async Task Retries_stop_when_the_attempts_allowed_are_spent(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        api.Enqueue(ApiAnswer.ServiceFailure(), ApiAnswer.ServiceFailure(), ApiAnswer.ServiceFailure(), Accepted());
        var client = LoopbackClients.Create(api, new RecordingRetryClock(), options => options.MaxAttempts = 3);

        var failure = Assert.ThrowsAsync<DurableServiceException>(() => client.CheckpointAsync(Checkpoint(), cancellationToken));

        Assert.That(api.Requests, Has.Count.EqualTo(3));
        Assert.That(failure!.Attempts, Is.EqualTo(3));
        Assert.That(failure.IsTransient, Is.True);
        Assert.That(failure.ErrorType, Is.EqualTo("ServiceException"));
        Assert.That(failure.Message, Does.Contain("failed after 3 attempts").And.Contain("MaxAttempts"));
    }

    [Test]
    public async Task Retries_stop_before_a_wait_would_pass_the_invocations_deadline(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var clock = new RecordingRetryClock { Jitter = 0.999 };
        api.Enqueue(ApiAnswer.Throttled(), ApiAnswer.Throttled(), ApiAnswer.Throttled(), Accepted());
        var client = LoopbackClients.Create(api, clock, options =>
        {
            options.BaseRetryDelay = TimeSpan.FromMilliseconds(400);
            options.DeadlineMargin = TimeSpan.FromMilliseconds(500);
        });

        DurableServiceException? failure;
        using (DurableLogContext.BeginInvocation(LoopbackClients.InvocationEndingIn(clock, TimeSpan.FromSeconds(1))))
        {
            // 1 s left, 0.5 s kept free: a wait of ~0.4 s fits after the first throttle, one of ~0.8 s not after the second.
            failure = Assert.ThrowsAsync<DurableServiceException>(() => client.CheckpointAsync(Checkpoint(), cancellationToken));
        }

        Assert.That(api.Requests, Has.Count.EqualTo(2));
        Assert.That(clock.Delays, Has.Count.EqualTo(1));
        Assert.That(failure!.ErrorType, Is.EqualTo("TooManyRequestsException"));
        Assert.That(failure.Message, Does.Contain("would pass the invocation's deadline"));
    }

    [Test]
    public async Task A_slow_answer_counts_as_a_failed_attempt_and_is_retried(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var clock = new RecordingRetryClock();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        api.Enqueue(_ =>
        {
            arrived.TrySetResult();
            return Accepted().HeldUntil(never.Task);
        });
        api.Enqueue(Accepted());
        var client = LoopbackClients.Create(api, clock, options => options.AttemptTimeout = TimeSpan.FromSeconds(2));

        Task<CheckpointResponse> call;
        using (DurableLogContext.BeginInvocation(LoopbackClients.InvocationEndingIn(clock, TimeSpan.FromSeconds(60))))
        {
            call = client.CheckpointAsync(Checkpoint(), cancellationToken);
        }

        await arrived.Task.WaitAsync(cancellationToken);
        clock.Time.Advance(TimeSpan.FromSeconds(2));
        var response = await call.WaitAsync(cancellationToken);

        Assert.That(response.CheckpointToken, Is.EqualTo("token-2"));
        var requests = api.Requests;
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[1].BodyJson["ClientToken"]!.GetValue<string>(), Is.EqualTo(requests[0].BodyJson["ClientToken"]!.GetValue<string>()));
    }

    [Test]
    public async Task A_slow_answer_that_reaches_the_deadline_ends_the_call_with_no_further_attempt(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var clock = new RecordingRetryClock();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        api.Enqueue(_ =>
        {
            arrived.TrySetResult();
            return Accepted().HeldUntil(never.Task);
        });
        var client = LoopbackClients.Create(api, clock, options => options.DeadlineMargin = TimeSpan.FromMilliseconds(500));

        Task<CheckpointResponse> call;
        using (DurableLogContext.BeginInvocation(LoopbackClients.InvocationEndingIn(clock, TimeSpan.FromSeconds(5))))
        {
            call = client.CheckpointAsync(Checkpoint(), cancellationToken);
        }

        await arrived.Task.WaitAsync(cancellationToken);
        clock.Time.Advance(TimeSpan.FromMilliseconds(4500));
        var failure = Assert.ThrowsAsync<DurableServiceException>(() => call.WaitAsync(cancellationToken));

        Assert.That(api.Requests, Has.Count.EqualTo(1));
        Assert.That(failure!.StatusCode, Is.Null);
        Assert.That(failure.Message, Does.Contain("no answer within 4500 ms").And.Contain("would pass the invocation's deadline"));
    }

    [Test]
    public async Task The_callers_cancellation_reaches_a_call_in_flight(CancellationToken cancellationToken)
    {
        await using var api = new LoopbackDurableApi();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        api.Enqueue(_ =>
        {
            arrived.TrySetResult();
            return ApiAnswer.Ok("""{"Operations":[]}""").HeldUntil(never.Task);
        });
        var client = LoopbackClients.Create(api, new RecordingRetryClock());
        using var cancel = new CancellationTokenSource();

        var call = client.GetExecutionStateAsync(State(), cancel.Token);
        await arrived.Task.WaitAsync(cancellationToken);
        await cancel.CancelAsync();

        Assert.That(async () => await call.WaitAsync(cancellationToken), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(api.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_service_that_cannot_be_reached_is_retried_then_reported_with_what_to_check(CancellationToken cancellationToken)
    {
        Uri unreachable;
        await using (var closed = new LoopbackDurableApi())
        {
            unreachable = closed.Endpoint;
        }

        await using var api = new LoopbackDurableApi();
        var client = LoopbackClients.Create(api, new RecordingRetryClock(), options =>
        {
            options.Endpoint = unreachable;
            options.MaxAttempts = 2;
        });

        var failure = Assert.ThrowsAsync<DurableServiceException>(() => client.GetExecutionStateAsync(State(), cancellationToken));

        Assert.That(failure!.Attempts, Is.EqualTo(2));
        Assert.That(failure.IsTransient, Is.True);
        Assert.That(failure.InnerException, Is.InstanceOf<System.Net.Http.HttpRequestException>());
        Assert.That(failure.Message, Does.Contain($"No answer came from {unreachable.GetLeftPart(UriPartial.Authority)}"));
    }
}
