using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Lambda;

/// <summary>
/// Sends one API call, retrying what may be retried (throttling, 5xx other than KMS, network failures and
/// attempts that time out) with exponential backoff and full jitter, and never past the invocation's deadline
/// (less <see cref="LambdaDurableServiceOptions.DeadlineMargin"/>). Each attempt is a new request, so the signing
/// handler below signs it afresh; a 4xx other than throttling is not retried.
/// </summary>
internal sealed class DurableApiTransport
{
    private readonly HttpClient _http;
    private readonly LambdaDurableServiceOptions _options;
    private readonly RetryClock _clock;
    private readonly Uri _endpoint;

    public DurableApiTransport(HttpClient http, LambdaDurableServiceOptions options, RetryClock clock, Uri endpoint)
    {
        _http = http;
        _options = options;
        _clock = clock;
        _endpoint = endpoint;
    }

    /// <summary>Sends the call until it succeeds; returns the successful answer's body.</summary>
    /// <param name="operation">The API operation, for messages.</param>
    /// <param name="createRequest">Makes the request afresh for each attempt.</param>
    /// <param name="deadline">When the invocation ends, if known.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation is thrown as <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="DurableServiceException">The service refused the call, or it could not be completed in time.</exception>
    public async Task<string> SendAsync(string operation, Func<HttpRequestMessage> createRequest, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        AttemptFailure? last = null;
        for (var attempt = 1; ; attempt++)
        {
            var budget = _options.AttemptTimeout;
            if (deadline is { } end)
            {
                var left = end - _options.DeadlineMargin - _clock.Now;
                if (left <= TimeSpan.Zero)
                {
                    throw GaveUp(operation, last, attempt - 1, "the invocation's deadline leaves no time for another attempt");
                }

                budget = left < budget ? left : budget;
            }

            var (body, failure) = await AttemptAsync(operation, createRequest, budget, attempt, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                return body!;
            }

            last = failure;
            if (attempt >= _options.MaxAttempts)
            {
                throw GaveUp(operation, last, attempt, $"all {_options.MaxAttempts} attempts allowed (MaxAttempts) are spent");
            }

            var delay = Backoff(attempt, failure.RetryAfter);
            if (deadline is { } stop && _clock.Now + delay >= stop - _options.DeadlineMargin)
            {
                throw GaveUp(operation, last, attempt, $"waiting {delay.TotalMilliseconds:0} ms for another attempt would pass the invocation's deadline");
            }

            await _clock.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(string? Body, AttemptFailure? Failure)> AttemptAsync(
        string operation, Func<HttpRequestMessage> createRequest, TimeSpan budget, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(budget, _clock.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = createRequest();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return (body, null);
            }

            var error = DurableApiErrors.Read(response, body);
            if (!DurableApiErrors.IsTransient(error))
            {
                throw new DurableServiceException(
                    $"{operation} was refused: {Describe(error)}. {DurableApiErrors.Advice(operation, error)}", null, operation, error, isTransient: false, attempt);
            }

            var retryAfter = response.Headers.RetryAfter?.Delta;
            return (null, new AttemptFailure(error, null, retryAfter, Describe(error)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception)
        {
            return (null, new AttemptFailure(null, exception, null, $"no answer within {budget.TotalMilliseconds:0} ms"));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return (null, new AttemptFailure(null, exception, null, $"the request could not be sent or answered ({exception.Message})"));
        }
    }

    private TimeSpan Backoff(int failedAttempts, TimeSpan? retryAfter)
    {
        var ceilingTicks = Math.Min(_options.MaxRetryDelay.Ticks, _options.BaseRetryDelay.Ticks * Math.Pow(2, failedAttempts - 1));
        var delay = TimeSpan.FromTicks((long)(ceilingTicks * _clock.NextJitter()));
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }

    private DurableServiceException GaveUp(string operation, AttemptFailure? last, int attempts, string why)
    {
        if (last is null)
        {
            return new DurableServiceException(
                $"{operation} was not sent: {why}. Give the function a longer timeout, or end the handler's work sooner.",
                null, operation, null, isTransient: true, attempts);
        }

        var advice = last.Error is { } error ? DurableApiErrors.Advice(operation, error) : DurableApiErrors.NetworkAdvice(_endpoint);
        var tries = attempts.ToString(CultureInfo.InvariantCulture) + (attempts == 1 ? " attempt" : " attempts");
        return new DurableServiceException(
            $"{operation} failed after {tries}, the last with {last.Description}; stopped because {why}. {advice}",
            last.Exception, operation, last.Error, isTransient: true, attempts);
    }

    private static string Describe(ServiceError error) =>
        $"{error.Type ?? "an error"} (HTTP {(int)error.StatusCode})" + (string.IsNullOrEmpty(error.Message) ? string.Empty : ": " + error.Message);
}
