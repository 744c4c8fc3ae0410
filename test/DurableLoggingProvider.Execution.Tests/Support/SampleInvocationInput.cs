namespace DurableLoggingProvider.Execution.Tests.Support;

/// <summary>
/// Invocation inputs written by hand from the spec (sections 1 and 2): the service's field names and
/// enum strings, operation ids as the SHA-256 of their raw ids.
/// </summary>
internal static class SampleInvocationInput
{
    public const string Arn =
        "arn:aws:lambda:us-east-1:123456789012:function:order-workflow:$LATEST/durable-execution/order-42/7f3c9a1e-0d1b-4c55-9a6e-2b8e4f1c0a77";

    /// <summary>Raw id "1", the first root operation.</summary>
    public const string FirstId = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";

    /// <summary>Raw id "2".</summary>
    public const string SecondId = "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35";

    /// <summary>Raw id "3", a child context.</summary>
    public const string ThirdId = "4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce";

    /// <summary>Raw id "&lt;ThirdId&gt;-1", the first operation inside the child context.</summary>
    public const string ChildId = "216922f7fb504d2177c32e4f234f8ee8a17acce62cbf43e8db61d4a04b2b9ac2";

    /// <summary>Raw id "4".</summary>
    public const string FourthId = "4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a";

    /// <summary>Raw id "5".</summary>
    public const string FifthId = "ef2d127de37b942baad06145e54b0c619a1f22327b2ebbcfbec78f5564afe39d";

    /// <summary>The execution's own operation; its id is the service's to choose.</summary>
    public const string ExecutionId = "execution-order-42";

    /// <summary>The EXECUTION operation carrying the user's input as a JSON string.</summary>
    public const string ExecutionOperation =
        """{"Id":"execution-order-42","Type":"EXECUTION","Status":"STARTED","StartTimestamp":1767225600000,"ExecutionDetails":{"InputPayload":"{\"orderId\":42}"}}""";

    /// <summary>A resumed execution with one operation of every type, in the order of the model's properties.</summary>
    public const string Full = """
        {
          "DurableExecutionArn": "arn:aws:lambda:us-east-1:123456789012:function:order-workflow:$LATEST/durable-execution/order-42/7f3c9a1e-0d1b-4c55-9a6e-2b8e4f1c0a77",
          "CheckpointToken": "token-7",
          "InitialExecutionState": {
            "Operations": [
              {
                "Id": "execution-order-42",
                "Type": "EXECUTION",
                "Status": "STARTED",
                "StartTimestamp": 1767225600000,
                "ExecutionDetails": { "InputPayload": "{\"orderId\":42}" }
              },
              {
                "Id": "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b",
                "Type": "STEP",
                "Status": "SUCCEEDED",
                "Name": "charge",
                "SubType": "Step",
                "StartTimestamp": 1767225600100,
                "EndTimestamp": 1767225600350,
                "StepDetails": { "Attempt": 1, "Result": "{\"charged\":true,\"amount\":12.5}" }
              },
              {
                "Id": "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35",
                "Type": "WAIT",
                "Status": "SUCCEEDED",
                "Name": "cool-off",
                "SubType": "Wait",
                "StartTimestamp": 1767225600400,
                "EndTimestamp": 1767225660400,
                "WaitDetails": { "ScheduledEndTimestamp": 1767225660400 }
              },
              {
                "Id": "4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce",
                "Type": "CONTEXT",
                "Status": "SUCCEEDED",
                "Name": "ship",
                "SubType": "RunInChildContext",
                "StartTimestamp": 1767225660500,
                "EndTimestamp": 1767225661000,
                "ContextDetails": { "Result": "\"shipped\"", "ReplayChildren": false }
              },
              {
                "Id": "216922f7fb504d2177c32e4f234f8ee8a17acce62cbf43e8db61d4a04b2b9ac2",
                "Type": "STEP",
                "Status": "PENDING",
                "ParentId": "4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce",
                "Name": "book-courier",
                "SubType": "Step",
                "StartTimestamp": 1767225660600,
                "StepDetails": {
                  "Attempt": 2,
                  "NextAttemptTimestamp": 1767225670600,
                  "Error": {
                    "ErrorMessage": "Courier busy",
                    "ErrorType": "System.TimeoutException",
                    "ErrorData": "{\"retryAfter\":10}",
                    "StackTrace": [ "at Courier.Book()", "at Workflow.Ship()" ]
                  }
                }
              },
              {
                "Id": "4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a",
                "Type": "CALLBACK",
                "Status": "STARTED",
                "Name": "approval",
                "SubType": "Callback",
                "StartTimestamp": 1767225661100,
                "CallbackDetails": { "CallbackId": "cb-3f1e" }
              },
              {
                "Id": "ef2d127de37b942baad06145e54b0c619a1f22327b2ebbcfbec78f5564afe39d",
                "Type": "CHAINED_INVOKE",
                "Status": "TIMED_OUT",
                "Name": "notify",
                "SubType": "ChainedInvoke",
                "StartTimestamp": 1767225661200,
                "EndTimestamp": 1767225761200,
                "ChainedInvokeDetails": {
                  "Error": { "ErrorMessage": "Timed out", "ErrorType": "Lambda.Timeout", "StackTrace": [] }
                }
              }
            ],
            "NextMarker": "page-2"
          },
          "UpdatedOperationIds": [ "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35" ]
        }
        """;

    /// <summary>An input whose first page holds the given operations, in this order.</summary>
    public static string WithOperations(params string[] operations) =>
        $$$"""{"DurableExecutionArn":"{{{Arn}}}","CheckpointToken":"token-1","InitialExecutionState":{"Operations":[{{{string.Join(",", operations)}}}]}}""";

    /// <summary>A minimal valid input with the given JSON text as the value of <c>DurableExecutionArn</c>.</summary>
    public static string WithArnValue(string arnJson) =>
        $$$"""{"DurableExecutionArn":{{{arnJson}}},"InitialExecutionState":{"Operations":[{{{ExecutionOperation}}}]}}""";

    /// <summary>A STEP operation with the given id and status, as JSON text.</summary>
    public static string Step(string id, string status = "SUCCEEDED") =>
        $$$"""{"Id":"{{{id}}}","Type":"STEP","Status":"{{{status}}}","SubType":"Step"}""";
}
