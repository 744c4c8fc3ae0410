using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;

namespace DurableLoggingProvider.Lambda;

/// <summary>
/// A durable function's handler in one call: from the invocation's payload, as Lambda delivers it, to the output
/// Lambda expects (<c>{"Status": "SUCCEEDED" | "FAILED" | "PENDING", …}</c>). An
/// <c>Amazon.Lambda.RuntimeSupport</c> bootstrap passes its <see cref="Stream"/> straight through; a class-library
/// handler passes the deserialized <see cref="DurableExecutionInvocationInput"/>.
/// </summary>
public static class DurableFunction
{
    private static readonly Lazy<LambdaDurableServiceClient> s_environmentClient =
        new(() => LambdaDurableServiceClient.FromEnvironment(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Runs one invocation from its raw payload and returns the output as UTF-8 JSON.</summary>
    /// <typeparam name="TInput">The execution's input type.</typeparam>
    /// <typeparam name="TOutput">The execution's result type.</typeparam>
    /// <param name="payload">The invocation's payload: the durable execution's invocation input, as JSON.</param>
    /// <param name="invocation">The Lambda invocation: request id, trace, tenant and <see cref="LambdaInvocation.Deadline"/>.</param>
    /// <param name="handler">
    /// The workflow: given the execution's input and the root context, returns its result. An execution started
    /// without input (or with JSON <c>null</c>) passes <see langword="null"/>, as Lambda's .NET runtime does: declare
    /// <typeparamref name="TInput"/> nullable (<c>Order?</c>) if an execution may start without one.
    /// </param>
    /// <param name="options">The serializer, and optionally the service client and loggers.</param>
    /// <param name="cancellationToken">Cancels the service calls.</param>
    /// <returns>The invocation output as a readable stream of UTF-8 JSON, positioned at its start.</returns>
    /// <exception cref="DurableExecutionInputException">The payload is not a durable execution's invocation input; the message names the field.</exception>
    /// <exception cref="CheckpointException">The service could not be reached or refused a checkpoint: let it end the invocation, and Lambda retries it.</exception>
    public static async Task<Stream> RunAsync<TInput, TOutput>(
        Stream payload,
        LambdaInvocation invocation,
        Func<TInput, IDurableContext, Task<TOutput>> handler,
        DurableFunctionOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var input = DurableWireFormat.ParseInvocationInput(await ReadAllAsync(payload, cancellationToken).ConfigureAwait(false));
        var output = await RunAsync(input, invocation, handler, options, cancellationToken).ConfigureAwait(false);
        return new MemoryStream(Encoding.UTF8.GetBytes(DurableWireFormat.SerializeInvocationOutput(output)), writable: false);
    }

    /// <summary>Runs one invocation from its deserialized input.</summary>
    /// <typeparam name="TInput">The execution's input type.</typeparam>
    /// <typeparam name="TOutput">The execution's result type.</typeparam>
    /// <param name="input">The invocation input (<see cref="DurableWireFormat.ParseInvocationInput(string)"/> reads and validates it).</param>
    /// <param name="invocation">The Lambda invocation: request id, trace, tenant and <see cref="LambdaInvocation.Deadline"/>.</param>
    /// <param name="handler">
    /// The workflow: given the execution's input and the root context, returns its result. An execution started
    /// without input (or with JSON <c>null</c>) passes <see langword="null"/>, as Lambda's .NET runtime does: declare
    /// <typeparamref name="TInput"/> nullable (<c>Order?</c>) if an execution may start without one.
    /// </param>
    /// <param name="options">The serializer, and optionally the service client and loggers.</param>
    /// <param name="cancellationToken">Cancels the service calls.</param>
    /// <returns>The invocation output to return to Lambda.</returns>
    /// <exception cref="DurableExecutionInputException">The input is malformed.</exception>
    /// <exception cref="CheckpointException">The service could not be reached or refused a checkpoint: let it end the invocation, and Lambda retries it.</exception>
    public static Task<DurableExecutionInvocationOutput> RunAsync<TInput, TOutput>(
        DurableExecutionInvocationInput input,
        LambdaInvocation invocation,
        Func<TInput, IDurableContext, Task<TOutput>> handler,
        DurableFunctionOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        var client = options.ServiceClient ?? s_environmentClient.Value;
        var engine = new DurableExecutionOptions(client, options.Serializer)
        {
            LoggerFactory = options.LoggerFactory,
            ReplayMode = options.ReplayMode,

            // The engine cancels the calls still under way at the deadline, on the clock the client bounds its retries by.
            TimeProvider = (client as LambdaDurableServiceClient)?.TimeProvider ?? TimeProvider.System,
        };
        return DurableExecution.RunAsync(input, invocation, handler, engine, cancellationToken);
    }

    private static async Task<byte[]> ReadAllAsync(Stream payload, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await payload.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return copy.ToArray();
    }
}
