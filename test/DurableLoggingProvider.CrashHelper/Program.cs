using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using DurableLoggingProvider;
using DurableLoggingProvider.CrashHelper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage:
//   flood <threads> <largest body>   say "flooding" on standard error, then log from several threads through the
//                                    real standard output sink until killed (or until a record is lost)
//   one <body length>                say "logging" on standard error, log one record, then wait to be killed
//   unread <records>                 wait for a line on standard input (the test closes its end of standard
//                                    output first), log to the unread standard output, then write
//                                    "lost=<LostRecords>" on standard error and exit
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
        Console.Error.WriteLine("usage: flood <threads> <largest body> | one <body length> | unread <records>");
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
