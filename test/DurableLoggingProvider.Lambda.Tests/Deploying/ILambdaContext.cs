using System;

namespace DurableLoggingProvider.Lambda.Tests.Deploying;

/// <summary>
/// A stand-in for <c>Amazon.Lambda.Core.ILambdaContext</c> (not in this feed) with the members the guide's
/// mapping reads, named and typed as the real interface has them (aws/aws-lambda-dotnet,
/// <c>Libraries/src/Amazon.Lambda.Core/ILambdaContext.cs</c>), so that the mapping compiles here verbatim.
/// </summary>
public interface ILambdaContext
{
    string AwsRequestId { get; }

    TimeSpan RemainingTime { get; }

    string TenantId { get; }

    string TraceId { get; }
}
