namespace DurableLoggingProvider;

/// <summary>The shape of the lines the provider writes.</summary>
public enum DurableLogFormat
{
    /// <summary>
    /// Follow the function's Lambda log format: <c>AWS_LAMBDA_HANDLER_LOG_FORMAT</c>, else
    /// <c>AWS_LAMBDA_LOG_FORMAT</c>; <see cref="Text"/> when neither is set.
    /// </summary>
    Auto,

    /// <summary>One JSON object per line, with Lambda's field names.</summary>
    Json,

    /// <summary>Lambda's tab-separated text lines, with the durable fields as <c>key=value</c>.</summary>
    Text,
}
