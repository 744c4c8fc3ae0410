using System;
using DurableLoggingProvider;
using DurableLoggingProvider.Sample;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: false)
    .AddInMemoryCollection(options.ConfigurationOverrides)
    .Build();

var services = new ServiceCollection()
    .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")))
    .AddDurableLogging()
    .AddSingleton<PaymentService>()
    .AddSingleton<OrderWorkflow>();

ServiceProvider provider;
ILogger startup;
try
{
    provider = services.BuildServiceProvider();
    startup = provider.GetRequiredService<ILogger<Program>>();
}
catch (Microsoft.Extensions.Options.OptionsValidationException problem)
{
    Console.Error.WriteLine($"The logging configuration is not valid: {problem.Message}");
    return 2;
}

using (provider)
{
    startup.LogInformation("Start-up: this line is outside any invocation and is never gated");
    var workflow = provider.GetRequiredService<OrderWorkflow>();
    var execution = new HandDrivenExecution("arn:aws:lambda:us-east-1:123456789012:function:order-workflow:$LATEST/durable-execution/order-1001/4f6c2a1e");

    for (var invocation = 1; ; invocation++)
    {
        var requestId = $"5d8e0c2b-0000-4000-8000-00000000000{invocation}";
        Console.WriteLine($"--- invocation {invocation} (request {requestId}) ---");
        using (DurableLogContext.BeginInvocation(new LambdaInvocation(requestId)))
        using (execution.BeginInvocation())
        {
            if (workflow.Run(execution, "order-1001"))
            {
                break;
            }
        }
    }
}

Console.WriteLine("""
    ---
    The workflow ran from the top on both invocations; with the default replay mode each line above was
    written once. This demonstration drives the provider's context seam by hand: the durable engine that
    does so for real, and the full order-workflow sample, come with the next issues.
    """);
return 0;
