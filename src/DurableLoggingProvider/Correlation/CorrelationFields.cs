using System.Text.Json;

namespace DurableLoggingProvider;

/// <summary>
/// The correlation fields a line carries beside the durable ones, as the options choose them: the current
/// activity's W3C trace and span ids (<see cref="DurableLoggerOptions.IncludeActivityIds"/>) and the fields
/// Powertools for AWS Lambda writes (<see cref="DurableLoggerOptions.PowertoolsFields"/>), their names in the
/// configured <see cref="FieldNaming"/>, encoded once. Immutable: a reload makes a new one.
/// </summary>
internal sealed class CorrelationFields
{
    /// <summary>The service name Powertools writes when none is configured.</summary>
    public const string UndefinedService = "service_undefined";

    /// <summary>No correlation field beyond Lambda's own <c>traceId</c>.</summary>
    public static readonly CorrelationFields None = new(activityIds: false, powertools: false, UndefinedService, FieldNaming.CamelCase);

    public CorrelationFields(bool activityIds, bool powertools, string service, FieldNaming naming)
    {
        ActivityIds = activityIds;
        Powertools = powertools;
        Service = service;
        JsonEncodedText Name(string camel) => JsonEncodedText.Encode(FieldCasing.Apply(camel, naming));

        ActivityTraceId = Name("otelTraceId");
        ActivitySpanId = Name("otelSpanId");
        ServiceName = Name("service");
        ColdStart = Name("coldStart");
        FunctionName = Name("functionName");
        FunctionVersion = Name("functionVersion");
        FunctionMemorySize = Name("functionMemorySize");
        FunctionArn = Name("functionArn");
    }

    /// <summary>Whether lines carry the current activity's ids.</summary>
    public bool ActivityIds { get; }

    /// <summary>Whether lines carry the service, cold start and function fields.</summary>
    public bool Powertools { get; }

    /// <summary>The service's name: the option, else <c>POWERTOOLS_SERVICE_NAME</c>, else <see cref="UndefinedService"/>.</summary>
    public string Service { get; }

    public JsonEncodedText ActivityTraceId { get; }

    public JsonEncodedText ActivitySpanId { get; }

    public JsonEncodedText ServiceName { get; }

    public JsonEncodedText ColdStart { get; }

    public JsonEncodedText FunctionName { get; }

    public JsonEncodedText FunctionVersion { get; }

    public JsonEncodedText FunctionMemorySize { get; }

    public JsonEncodedText FunctionArn { get; }

    public static CorrelationFields From(DurableLoggerOptions options) => new(
        options.IncludeActivityIds,
        options.PowertoolsFields,
        options.Service?.Trim() ?? LambdaEnvironment.PowertoolsServiceName() ?? UndefinedService,
        options.FieldNaming);

    /// <summary>The function a line written in <paramref name="frame"/> belongs to: its invocation's, or outside one the process's.</summary>
    public static LambdaFunctionIdentity FunctionOf(AmbientFrame? frame) => frame?.Invocation?.Function ?? LambdaFunctionIdentity.FromEnvironment();
}
