using System.Net;

namespace DurableLoggingProvider.Lambda;

/// <summary>An error answer of the API: its HTTP status, the error's type and the service's message.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Type">The error type without its namespace, such as <c>TooManyRequestsException</c>; <see langword="null"/> when the answer names none.</param>
/// <param name="Message">The service's message; <see langword="null"/> when it sent none.</param>
internal sealed record ServiceError(HttpStatusCode StatusCode, string? Type, string? Message);
