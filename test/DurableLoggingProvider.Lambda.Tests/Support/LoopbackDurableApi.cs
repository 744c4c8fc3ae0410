using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DurableLoggingProvider.Lambda.Tests;

/// <summary>
/// The Lambda durable execution API on 127.0.0.1 and a random port: it checks every request's path, query and
/// body against the API's shapes and its SigV4 signature against the fixed test credentials (refusing a wrong one
/// with 403 <c>InvalidSignatureException</c>, as the service does), then answers from a script: throttling, 5xx,
/// 4xx, slow answers, pages. A request with no scripted answer gets 500 and fails the test that made it.
/// </summary>
internal sealed class LoopbackDurableApi : IAsyncDisposable
{
    public const string AccessKey = "AKIDLOOPBACKEXAMPLE";
    public const string SecretKey = "loopback/secret+key/EXAMPLE";
    public const string SessionToken = "loopback-session-token";
    public const string Region = "us-east-1";

    private readonly HttpListener _listener = new();
    private readonly SigV4Verifier _verifier = new(AccessKey, SecretKey, Region, "lambda");
    private readonly ConcurrentQueue<Func<RecordedRequest, ApiAnswer>> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<string> _problems = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public LoopbackDurableApi()
    {
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>Every request that arrived, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>What was wrong with the requests (shapes, signatures, unscripted calls); empty when all were right.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_requests)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Answers when the script is empty; <see langword="null"/> makes an unscripted request a problem.</summary>
    public Func<RecordedRequest, string, ApiAnswer>? Service { get; set; }

    public void Enqueue(params ApiAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(_ => answer);
        }
    }

    public void Enqueue(Func<RecordedRequest, ApiAnswer> answer) => _script.Enqueue(answer);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _listener.Close();
        _stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = await RecordAsync(context.Request);
        var answer = Decide(request);
        if (answer.Gate is { } gate)
        {
            try
            {
                await gate.WaitAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                context.Response.Abort();
                return;
            }
        }

        try
        {
            var response = context.Response;
            response.StatusCode = answer.Status;
            response.ContentType = "application/json";
            foreach (var (name, value) in answer.Headers)
            {
                response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up on this answer (a timeout the test caused).
        }
    }

    private ApiAnswer Decide(RecordedRequest request)
    {
        if (_verifier.FindProblem(request) is { } signature)
        {
            Problem($"{request.Method} {request.RawPath}: {signature}");
            return ApiAnswer.Error(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
        }

        if (request.Header("X-Amz-Security-Token") != SessionToken)
        {
            Problem("the session token is missing from X-Amz-Security-Token");
        }

        var (operation, _, problems) = DurableApiShapes.Check(request);
        foreach (var problem in problems)
        {
            Problem($"{request.Method} {request.RawPath}: {problem}");
        }

        if (problems.Count > 0)
        {
            return ApiAnswer.Error(400, "ValidationException", string.Join("; ", problems));
        }

        if (_script.TryDequeue(out var scripted))
        {
            return scripted(request);
        }

        if (Service is { } service)
        {
            return service(request, operation!);
        }

        Problem($"{request.Method} {request.RawPath}: no answer was scripted for this request");
        return ApiAnswer.Error(500, "ServiceException", "The loopback API had no answer scripted for this request.");
    }

    private async Task<RecordedRequest> RecordAsync(HttpListenerRequest incoming)
    {
        using var body = new MemoryStream();
        await incoming.InputStream.CopyToAsync(body);
        var headers = incoming.Headers.AllKeys.Where(key => key is not null).ToDictionary(key => key!, key => incoming.Headers[key]!, StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(incoming.HttpMethod, incoming.RawUrl ?? "/", headers, body.ToArray());
        lock (_requests)
        {
            _requests.Add(request);
        }

        return request;
    }

    private void Problem(string problem)
    {
        lock (_requests)
        {
            _problems.Add(problem);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
