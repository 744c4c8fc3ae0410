using System;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Sample.Hosting;
using Microsoft.Extensions.Options;

SampleOptions options;
try
{
    options = SampleOptions.Parse(args);
}
catch (ArgumentException problem)
{
    Console.Error.WriteLine(problem.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(SampleOptions.Help);
    return 0;
}

try
{
    var summary = await SampleApp.RunAsync(options, Console.Out);
    return summary.Status == InvocationStatus.Succeeded ? 0 : 1;
}
catch (OptionsValidationException problem)
{
    Console.Error.WriteLine($"The logging configuration is not valid: {problem.Message}");
    return 2;
}
