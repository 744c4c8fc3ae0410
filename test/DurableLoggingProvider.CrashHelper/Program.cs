using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using DurableLoggingProvider;
using DurableLoggingProvider.CrashHelper;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage:
//   flood <threads> <largest body>   say "flooding" on standard error, then log from several threads through the
//                                    real standard output sink until killed (or until a record is lost)
//   one <body length>                say "logging" on standard error, log one record, then wait to be killed
//   unread <records>                 wait for a line on standard input (the test closes its end of standard
//                                    output first), log to the unread standard output, then write
//                                    "lost=<LostRecords>" on standard error and exit
//   factories <factories> <records> <body>  log <records> records of <body> characters from each of <factories>
//                                    logger factories at once (one thread each, each factory its own provider
//                                    and standard output sink) and, at the same time, from a durable execution
//                                    run with no logger factory (writer number <factories>, through the
//                                    engine's own provider, in the format AWS_LAMBDA_LOG_FORMAT names), then
//                                    write "engine=<status> lost=<sum of the factories'>" on standard error and exit
//   nonblocking <threads> <records> <body>  set O_NONBLOCK on standard output, say "logging", log <records>
//                                    records of <body> characters from each thread, write "lost=<LostRecords>"
//                                    on standard error and exit
//   stall <body>                     set O_NONBLOCK, log one record of <body> characters to a standard output
//                                    given up after 200 ms without progress, write "lost=<LostRecords>", wait
//                                    for a line on standard input, log the record "t1 n0 b", write "lost=..." again
var services = new ServiceCollection()
    .AddSingleton<TimeProvider>(new FixedClock(FloodRecords.Timestamp))
    .AddLogging(builder => builder.AddDurableLogging(options =>
    {
        options.Format = DurableLogFormat.Json;

        // Room for a record larger than any pipe's buffer, for the "one" mode.
        options.MaxRecordBytes = DurableLoggerOptions.MaxMaxRecordBytes;
    }))
    .BuildServiceProvider();
var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(FloodRecords.Category);
var provider = services.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Single();

switch (args)
{
    case ["factories", var factoryCount, var recordCount, var bodyLength]:
        return Factories(int.Parse(factoryCount, CultureInfo.InvariantCulture), int.Parse(recordCount, CultureInfo.InvariantCulture), int.Parse(bodyLength, CultureInfo.InvariantCulture));

    case ["nonblocking", var threadCount, var recordCount, var bodyLength]:
        NonBlockingOutput.Set();
        Console.Error.WriteLine(NonBlockingOutput.IsSet() ? "logging" : "O_NONBLOCK did not stay set");
        var writers = Enumerable.Range(0, int.Parse(threadCount, CultureInfo.InvariantCulture))
            .Select(thread => new Thread(() =>
            {
                for (var number = 0; number < int.Parse(recordCount, CultureInfo.InvariantCulture); number++)
                {
                    LogSized(logger, thread, number, int.Parse(bodyLength, CultureInfo.InvariantCulture));
                }
            }))
            .ToList();
        writers.ForEach(thread => thread.Start());
        writers.ForEach(thread => thread.Join());
        Console.Error.WriteLine($"lost={provider.LostRecords}");
        return 0;

    case ["stall", var bodyLength]:
        return Stall(int.Parse(bodyLength, CultureInfo.InvariantCulture));

    case ["flood", var threadCount, var largestBody]:
        var threads = Enumerable.Range(0, int.Parse(threadCount, CultureInfo.InvariantCulture))
            .Select(thread => new Thread(() => Flood(logger, provider, thread, int.Parse(largestBody, CultureInfo.InvariantCulture))) { IsBackground = true })
            .ToList();
        Console.Error.WriteLine("flooding");
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        return 0;

    case ["one", var bodyLength]:
        Console.Error.WriteLine("logging");
        logger.Log(LogLevel.Information, default, FloodRecords.OnlyRecord(int.Parse(bodyLength, CultureInfo.InvariantCulture)), null, static (message, _) => message);
        Thread.Sleep(Timeout.Infinite);
        return 0;

    case ["unread", var recordCount]:
        Console.In.ReadLine();
        var records = int.Parse(recordCount, CultureInfo.InvariantCulture);
        for (var number = 0; number < records; number++)
        {
            FloodRecords.Log(logger, 0, number, 100);
        }

        Console.Error.WriteLine($"lost={provider.LostRecords}");
        return 0;

    default:
        Console.Error.WriteLine("usage: flood <threads> <largest body> | one <body length> | unread <records> | factories <factories> <records> <body> | nonblocking <threads> <records> <body> | stall <body>");
        return 2;
}

static void Flood(ILogger logger, DurableLoggerProvider provider, int thread, int largestBody)
{
    // Until the test kills the process, or stops reading for good (a test that failed half-way).
    for (var number = 0; provider.LostRecords == 0; number++)
    {
        FloodRecords.Log(logger, thread, number, largestBody);
    }
}

static void LogSized(ILogger logger, int thread, int number, int bodyLength) =>
    logger.Log(LogLevel.Information, default, FloodRecords.Sized(thread, number, bodyLength), null, static (message, _) => message);

static ServiceProvider Logging(ILogSink? sink)
{
    var services = new ServiceCollection().AddSingleton<TimeProvider>(new FixedClock(FloodRecords.Timestamp));
    if (sink is not null)
    {
        services.AddSingleton(sink);
    }

    return services
        .AddLogging(builder => builder.AddDurableLogging(options =>
        {
            options.Format = DurableLogFormat.Json;
            options.MaxRecordBytes = DurableLoggerOptions.MaxMaxRecordBytes;
        }))
        .BuildServiceProvider();
}

static int Factories(int factoryCount, int records, int bodyLength)
{
    // Each factory is an application of its own in the same process, as an app's provider is beside the one
    // the engine makes when it gets no logger factory: its own provider and its own standard output sink.
    var factories = Enumerable.Range(0, factoryCount).Select(_ => Logging(sink: null)).ToList();
    using var start = new Barrier(factoryCount + 1);
    var threads = factories.Select((services, factory) => new Thread(() =>
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(FloodRecords.Category);
        start.SignalAndWait();
        for (var number = 0; number < records; number++)
        {
            LogSized(logger, factory, number, bodyLength);
        }
    })).ToList();

    // Beside them, the engine's own writing: an execution given no logger factory, whose provider is the engine's.
    var engineStatus = default(InvocationStatus);
    threads.Add(new Thread(() =>
    {
        start.SignalAndWait();
        engineStatus = EngineWriter.RunAsync(factoryCount, records, bodyLength).GetAwaiter().GetResult();
    }));
    threads.ForEach(thread => thread.Start());
    threads.ForEach(thread => thread.Join());
    var lost = factories.Sum(services => services.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Single().LostRecords);
    Console.Error.WriteLine($"engine={engineStatus} lost={lost}");
    factories.ForEach(services => services.Dispose());
    return 0;
}

static int Stall(int bodyLength)
{
    NonBlockingOutput.Set();
    using var services = Logging(new StandardOutputSink(new StandardOutputGate(new UnixStandardOutput(), TimeSpan.FromMilliseconds(200))));
    var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(FloodRecords.Category);
    var provider = services.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Single();
    LogSized(logger, 0, 0, bodyLength);
    Console.Error.WriteLine($"lost={provider.LostRecords}");
    Console.In.ReadLine();
    LogSized(logger, 1, 0, 1);
    Console.Error.WriteLine($"lost={provider.LostRecords}");
    return 0;
}
