namespace DurableLoggingProvider;

/// <summary>How the provider names the fields it adds to each line. Names of template and scope values are kept as given.</summary>
public enum FieldNaming
{
    /// <summary>
    /// <c>requestId</c>, <c>executionArn</c>, <c>operationId</c>…: the names the Lambda console and the
    /// official .NET and JavaScript SDKs use.
    /// </summary>
    CamelCase,

    /// <summary><c>request_id</c>, <c>execution_arn</c>, <c>operation_id</c>…: the names in the Python SDK's documentation.</summary>
    SnakeCase,

    /// <summary>
    /// <c>Timestamp</c>, <c>Level</c>, <c>RequestId</c>, <c>ExecutionArn</c>…: every field the provider adds, one-word
    /// keys included, with a capital first letter, as Powertools for AWS Lambda (.NET) writes with its
    /// <c>PascalCase</c> output case.
    /// </summary>
    PascalCase,
}
