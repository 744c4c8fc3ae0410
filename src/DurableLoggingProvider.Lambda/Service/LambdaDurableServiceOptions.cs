using System;
using Amazon.Runtime;

namespace DurableLoggingProvider.Lambda;

/// <summary>
/// How <see cref="LambdaDurableServiceClient"/> reaches the Lambda durable execution API: where, as whom,
/// and how patiently. Every property has a default that fits a function running in Lambda.
/// </summary>
public sealed class LambdaDurableServiceOptions
{
    /// <summary>
    /// The API's endpoint, overriding <c>AWS_ENDPOINT_URL_LAMBDA</c>, <c>AWS_ENDPOINT_URL</c> and the
    /// region's own <c>https://lambda.&lt;region&gt;.amazonaws.com</c>, in that order.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The region to sign for (and whose endpoint to call); default <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// The credentials to sign with; default AWSSDK.Core's default chain (in Lambda, the execution role's
    /// <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>).
    /// </summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>How many times one call is sent at most, the first included. Default 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The ceiling of the first retry's delay; each retry doubles it, up to <see cref="MaxRetryDelay"/>. Default 100 ms.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay between two attempts (before jitter). Default 5 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt may wait for its answer before it counts as failed and is retried. Default 15 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The time kept free before the invocation's <see cref="LambdaInvocation.Deadline"/>: no attempt or retry
    /// delay reaches into it, so the handler can still end the invocation itself. Default 500 ms.
    /// </summary>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The clock behind retry delays, timeouts and the deadline. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>What is wrong with these options, or <see langword="null"/> when they can be used.</summary>
    internal string? FindProblem()
    {
        if (MaxAttempts < 1)
        {
            return $"MaxAttempts is {MaxAttempts}: it must be at least 1 (the first attempt).";
        }

        if (BaseRetryDelay < TimeSpan.Zero || MaxRetryDelay < BaseRetryDelay)
        {
            return $"The retry delays must satisfy 0 <= BaseRetryDelay ({BaseRetryDelay}) <= MaxRetryDelay ({MaxRetryDelay}).";
        }

        if (AttemptTimeout <= TimeSpan.Zero || DeadlineMargin < TimeSpan.Zero)
        {
            return $"AttemptTimeout ({AttemptTimeout}) must be positive and DeadlineMargin ({DeadlineMargin}) not negative.";
        }

        if (Endpoint is { } endpoint && !LambdaServiceEndpoint.IsHttpUrl(endpoint))
        {
            return $"Endpoint '{endpoint}' is not an absolute http(s) URL, such as https://lambda.us-east-1.amazonaws.com.";
        }

        return TimeProvider is null ? "TimeProvider is null; leave it at TimeProvider.System." : null;
    }
}
