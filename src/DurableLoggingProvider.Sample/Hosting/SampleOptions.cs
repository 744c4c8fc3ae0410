using System;
using System.Collections.Generic;

namespace DurableLoggingProvider.Sample.Hosting;

/// <summary>The sample's command line: each option overrides a key of <c>appsettings.json</c>.</summary>
internal sealed class SampleOptions
{
    public const string Help = """
        Runs an order workflow on the durable engine and the local runner, as Lambda would run it over several
        invocations, and prints its log stream as CloudWatch would store it, then a summary.

        Usage: dotnet run --project src/DurableLoggingProvider.Sample [options]

          --format auto|json|text              Line format (Logging:Durable:Format). Default: auto, which follows
                                               AWS_LAMBDA_LOG_FORMAT and is Text when it is not set.
          --replay-mode suppress|emit|mark     What happens to lines of replayed work (Logging:Durable:ReplayMode).
                                               suppress: written once; emit: written again on every replay;
                                               mark: written again with "replay": true. Default: suppress.
          --help                               Shows this text.
        """;

    public Dictionary<string, string?> ConfigurationOverrides { get; } = [];

    public bool ShowHelp { get; private set; }

    public static SampleOptions Parse(string[] args)
    {
        var options = new SampleOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    options.ShowHelp = true;
                    break;
                case "--format":
                    options.ConfigurationOverrides["Logging:Durable:Format"] = Value(args, ++i, "--format");
                    break;
                case "--replay-mode":
                    options.ConfigurationOverrides["Logging:Durable:ReplayMode"] = Value(args, ++i, "--replay-mode");
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. Run with --help to see the options.");
            }
        }

        return options;
    }

    private static string Value(string[] args, int index, string option) =>
        index < args.Length ? args[index] : throw new ArgumentException($"{option} needs a value. Run with --help to see the values.");
}
