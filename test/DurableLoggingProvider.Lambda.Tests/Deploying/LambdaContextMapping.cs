using System;

namespace DurableLoggingProvider.Lambda.Tests.Deploying;

/// <summary>The <c>ILambdaContext</c> mapping of docs/deploying.md, verbatim.</summary>
internal static class LambdaContextMapping
{
    public static LambdaInvocation ToInvocation(this ILambdaContext context) => new(context.AwsRequestId)
    {
        TraceId = string.IsNullOrEmpty(context.TraceId) ? null : context.TraceId,
        TenantId = string.IsNullOrEmpty(context.TenantId) ? null : context.TenantId,
        Deadline = DateTimeOffset.UtcNow + context.RemainingTime,
    };
}
