using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Lambda;

/// <summary>
/// The engine's <see cref="IDurableServiceClient"/> for the real Lambda durable execution API:
/// <c>CheckpointDurableExecution</c> and <c>GetDurableExecutionState</c> over HTTPS, signed with SigV4 for the
/// service <c>lambda</c> by AWSSDK.Core's <see cref="SigV4SigningHandler"/>. Throttling, 5xx answers (other than
/// KMS errors), network failures and attempts that time out are retried with exponential backoff and jitter, never
/// past the current invocation's <see cref="LambdaInvocation.Deadline"/>; a retried checkpoint carries the same
/// <c>ClientToken</c>, so the service applies it once. Other errors end the call at once with a
/// <see cref="DurableServiceException"/> that says what to do. Thread-safe; one instance serves every invocation.
/// </summary>
public sealed class LambdaDurableServiceClient : IDurableServiceClient
{
    /// <summary>The name of the <c>IHttpClientFactory</c> client that <c>AddDurableServiceClient</c> registers.</summary>
    public const string HttpClientName = "DurableLoggingProvider.Lambda";

    private const string CheckpointOperation = "CheckpointDurableExecution";
    private const string StateOperation = "GetDurableExecutionState";

    private readonly LambdaServiceEndpoint _endpoint;
    private readonly DurableApiTransport _transport;

    /// <summary>Creates the client over an <see cref="HttpClient"/> that signs its requests.</summary>
    /// <param name="httpClient">
    /// A client whose handlers include a <see cref="SigV4SigningHandler"/> for the service <c>lambda</c>, as
    /// <see cref="CreateSigningHandler"/> makes (or <c>AddDurableServiceClient</c> registers); requests are sent unsigned otherwise.
    /// </param>
    /// <param name="options">Endpoint, region and retry settings; default from the environment.</param>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    /// <exception cref="InvalidOperationException">No region is configured, or an endpoint variable is not a URL.</exception>
    public LambdaDurableServiceClient(HttpClient httpClient, LambdaDurableServiceOptions? options = null)
        : this(httpClient, options ?? new LambdaDurableServiceOptions(), Environment.GetEnvironmentVariable, clock: null)
    {
    }

    internal LambdaDurableServiceClient(HttpClient httpClient, LambdaDurableServiceOptions options, Func<string, string?> environment, RetryClock? clock)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        if (options.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _endpoint = LambdaServiceEndpoint.Resolve(options, environment);
        TimeProvider = options.TimeProvider;
        _transport = new DurableApiTransport(httpClient, options, clock ?? new RetryClock(options.TimeProvider), _endpoint.BaseUri);
    }

    /// <summary>The clock the client bounds its retries by the invocation's deadline on.</summary>
    internal TimeProvider TimeProvider { get; }

    /// <summary>The endpoint the client calls.</summary>
    public Uri Endpoint => _endpoint.BaseUri;

    /// <summary>
    /// Creates a client from the function's environment: the region from <c>AWS_REGION</c>, credentials from
    /// AWSSDK.Core's default chain, the endpoint from <see cref="LambdaDurableServiceOptions.Endpoint"/>,
    /// <c>AWS_ENDPOINT_URL_LAMBDA</c> or <c>AWS_ENDPOINT_URL</c>, else the region's.
    /// </summary>
    /// <param name="options">Overrides of the environment; <see langword="null"/> for none.</param>
    /// <exception cref="InvalidOperationException">No region or no credentials could be found.</exception>
    public static LambdaDurableServiceClient FromEnvironment(LambdaDurableServiceOptions? options = null)
    {
        options ??= new LambdaDurableServiceOptions();
        var http = new HttpClient(CreateSigningHandler(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new LambdaDurableServiceClient(http, options);
    }

    /// <summary>
    /// The handler that signs requests for the durable execution API: AWSSDK.Core's <see cref="SigV4SigningHandler"/>
    /// for the service <c>lambda</c> and the options' (or <c>AWS_REGION</c>'s) region, over a
    /// <see cref="SocketsHttpHandler"/> that follows no redirects (a redirected request would not be signed again)
    /// and renews its connections every two minutes (DNS changes). Use it as an <c>IHttpClientFactory</c> client's
    /// primary handler, or with <c>new HttpClient(handler)</c>.
    /// </summary>
    /// <param name="options">The region and credentials; default from the environment.</param>
    /// <exception cref="InvalidOperationException">No region or no credentials could be found.</exception>
    public static HttpMessageHandler CreateSigningHandler(LambdaDurableServiceOptions? options = null)
    {
        options ??= new LambdaDurableServiceOptions();
        var endpoint = LambdaServiceEndpoint.Resolve(options, Environment.GetEnvironmentVariable);
        var transport = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        return new SigV4SigningHandler(options.Credentials ?? DefaultCredentials(), endpoint.Region, LambdaServiceEndpoint.SigningService, transport);
    }

    /// <inheritdoc />
    /// <exception cref="DurableServiceException">The service refused the checkpoint, or it could not be completed in the invocation's time.</exception>
    public async Task<CheckpointResponse> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireExecution(request.DurableExecutionArn, request.CheckpointToken, CheckpointOperation);

        // One token for every attempt of this call: the service applies a retried checkpoint once.
        var clientToken = Guid.NewGuid().ToString("D");
        var body = DurableApiMessages.CheckpointBody(request, clientToken);
        var url = _endpoint.UrlOf(DurableApiMessages.CheckpointPath(request.DurableExecutionArn));
        var answer = await _transport.SendAsync(
            CheckpointOperation,
            () => new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") },
            DurableLogContext.Invocation?.Deadline,
            cancellationToken).ConfigureAwait(false);
        return Read(CheckpointOperation, answer, DurableApiMessages.ReadCheckpointResponse);
    }

    /// <inheritdoc />
    /// <exception cref="DurableServiceException">The service refused the call, or it could not be completed in the invocation's time.</exception>
    public async Task<ExecutionStatePage> GetExecutionStateAsync(ExecutionStateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireExecution(request.DurableExecutionArn, request.CheckpointToken, StateOperation);

        var url = _endpoint.UrlOf(DurableApiMessages.StatePathAndQuery(request));
        var answer = await _transport.SendAsync(
            StateOperation,
            () => new HttpRequestMessage(HttpMethod.Get, url),
            DurableLogContext.Invocation?.Deadline,
            cancellationToken).ConfigureAwait(false);
        return Read(StateOperation, answer, DurableApiMessages.ReadStatePage);
    }

    private static void RequireExecution(string arn, string? checkpointToken, string operation)
    {
        if (string.IsNullOrEmpty(arn))
        {
            throw new ArgumentException($"{operation} needs the execution's DurableExecutionArn; the request has none.", nameof(arn));
        }

        if (string.IsNullOrEmpty(checkpointToken))
        {
            throw new ArgumentException(
                $"{operation} needs a CheckpointToken, and the request has none: the invocation input's CheckpointToken was missing. " +
                "Pass the event exactly as Lambda delivered it.", nameof(checkpointToken));
        }
    }

    private static T Read<T>(string operation, string answer, Func<string, T> read)
    {
        try
        {
            return read(answer);
        }
        catch (FormatException exception)
        {
            throw new DurableServiceException(
                $"{operation} answered, but {exception.Message} Check that the endpoint is the Lambda API's (AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL).",
                exception, operation, null, isTransient: false, attempts: 1);
        }
    }

    private static AWSCredentials DefaultCredentials()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException exception)
        {
            throw new InvalidOperationException(
                "No AWS credentials were found for the durable execution API. In Lambda the execution role provides them " +
                "(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN); elsewhere configure a profile or those variables, " +
                $"or set LambdaDurableServiceOptions.Credentials. ({exception.Message})", exception);
        }
    }
}
