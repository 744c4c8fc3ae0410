using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Conformance.Tests.Proxy;

/// <summary>
/// One node process running <c>node/proxy.mjs</c>: AWS's <c>LocalDurableTestRunner</c> with one time mode,
/// shared by every workflow of the suite. Runs are started and invocations answered over its stdin and
/// stdout (one JSON object a line); the engine's checkpoint and state calls go to its loopback HTTP server.
/// </summary>
internal sealed class NodeProxy : IAsyncDisposable
{
    private static readonly SemaphoreSlim s_starting = new(1, 1);
    private static readonly Dictionary<TimeMode, NodeProxy> s_proxies = [];
    private static int s_runs;

    private readonly Process _process;
    private readonly object _writeLock = new();
    private readonly ConcurrentDictionary<string, ProxyRun> _runs = new();
    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly Task _reading;

    private NodeProxy(TimeMode mode)
    {
        var start = new ProcessStartInfo("node", $"proxy.mjs {(mode == TimeMode.Skipped ? "--skip-time" : "--real-time")}")
        {
            WorkingDirectory = NodeTooling.NodeDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        _process.StandardInput.AutoFlush = true;
        _process.ErrorDataReceived += (_, line) => KeepStderr(line.Data);
        _process.BeginErrorReadLine();
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>The base address of the proxy's Lambda API paths (127.0.0.1 only).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The shared proxy for <paramref name="mode"/>, started on first use.</summary>
    public static async Task<NodeProxy> ForAsync(TimeMode mode, CancellationToken cancellationToken)
    {
        await s_starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (s_proxies.TryGetValue(mode, out var running) && !running._process.HasExited)
            {
                return running;
            }

            var proxy = new NodeProxy(mode);
            var port = await proxy._ready.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            proxy.BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            s_proxies[mode] = proxy;
            return proxy;
        }
        finally
        {
            s_starting.Release();
        }
    }

    /// <summary>Stops every proxy started.</summary>
    public static async Task StopAllAsync()
    {
        foreach (var proxy in s_proxies.Values)
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
        }

        s_proxies.Clear();
    }

    /// <summary>
    /// Runs one execution under AWS's runner until it ends. <paramref name="invoke"/> is called for each
    /// invocation with its number, request id and event (JSON text) and returns the output (JSON text); an
    /// exception from it is reported to the runner as a failed invocation.
    /// </summary>
    /// <returns>The proxy's <c>runEnded</c> message: the status, result or error, and the operations.</returns>
    public async Task<JsonObject> RunAsync(JsonObject run, Func<int, string, string, Task<string>> invoke, CancellationToken cancellationToken)
    {
        var id = $"run-{Interlocked.Increment(ref s_runs).ToString(CultureInfo.InvariantCulture)}";
        var channel = new ProxyRun(invoke);
        _runs[id] = channel;
        try
        {
            run["type"] = "run";
            run["run"] = id;
            Send(run);
            return await channel.Ended.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _runs.TryRemove(id, out _);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                Send(new JsonObject { ["type"] = "shutdown" });
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is TimeoutException or IOException or InvalidOperationException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        await _reading.ConfigureAwait(false);
        _process.Dispose();
    }

    private void Send(JsonObject message)
    {
        var line = message.ToJsonString();
        lock (_writeLock)
        {
            _process.StandardInput.WriteLine(line);
        }
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var message = JsonNode.Parse(line)!.AsObject();
            var type = (string?)message["type"];
            if (type == "ready")
            {
                _ready.TrySetResult((int)message["port"]!);
            }
            else if (type == "invoke" && _runs.TryGetValue((string)message["run"]!, out var run))
            {
                _ = AnswerAsync(run, message);
            }
            else if (type == "runEnded" && _runs.TryGetValue((string)message["run"]!, out var ended))
            {
                ended.Ended.TrySetResult(message);
            }
        }

        // node has gone: nothing pending can finish.
        var reason = new InvalidOperationException($"The conformance proxy (node proxy.mjs) exited. Its last error output: {string.Join(Environment.NewLine, _stderr)}");
        _ready.TrySetException(reason);
        foreach (var run in _runs.Values)
        {
            run.Ended.TrySetException(reason);
        }
    }

    private async Task AnswerAsync(ProxyRun run, JsonObject message)
    {
        var call = (int)message["call"]!;
        JsonObject reply;
        try
        {
            var output = await run.Invoke(call, (string)message["requestId"]!, (string)message["event"]!).ConfigureAwait(false);
            reply = new JsonObject { ["type"] = "output", ["output"] = JsonNode.Parse(output) };
        }
        catch (Exception exception)
        {
            reply = new JsonObject { ["type"] = "invocationFailed", ["message"] = $"{exception.GetType().Name}: {exception.Message}" };
        }

        reply["run"] = (string)message["run"]!;
        reply["call"] = call;
        Send(reply);
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        _stderr.Enqueue(line);
        while (_stderr.Count > 40)
        {
            _stderr.TryDequeue(out _);
        }
    }

    private sealed class ProxyRun(Func<int, string, string, Task<string>> invoke)
    {
        public Func<int, string, string, Task<string>> Invoke { get; } = invoke;

        public TaskCompletionSource<JsonObject> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
