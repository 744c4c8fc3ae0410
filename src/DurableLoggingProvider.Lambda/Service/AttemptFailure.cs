using System;

namespace DurableLoggingProvider.Lambda;

/// <summary>Why one attempt of a call failed in a way that is retried.</summary>
/// <param name="Error">The service's error answer; <see langword="null"/> when no answer came.</param>
/// <param name="Exception">The transport's exception when no answer came.</param>
/// <param name="RetryAfter">The wait the service asked for (<c>Retry-After</c>), if it asked.</param>
/// <param name="Description">What happened, for the message.</param>
internal sealed record AttemptFailure(ServiceError? Error, Exception? Exception, TimeSpan? RetryAfter, string Description);
