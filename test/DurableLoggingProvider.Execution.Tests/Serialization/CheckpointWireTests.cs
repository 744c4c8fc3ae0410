using DurableLoggingProvider.Execution.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Execution.Tests.Support.SampleInvocationInput;

namespace DurableLoggingProvider.Execution.Tests.Serialization;

/// <summary><c>CheckpointDurableExecution</c> and its answer (spec section 4).</summary>
[TestFixture]
public class CheckpointWireTests
{
    private const string RequestJson = """
        {
          "DurableExecutionArn": "arn:aws:lambda:us-east-1:123456789012:function:order-workflow:$LATEST/durable-execution/order-42/7f3c9a1e-0d1b-4c55-9a6e-2b8e4f1c0a77",
          "CheckpointToken": "token-7",
          "Updates": [
            { "Id": "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b", "Type": "STEP", "Action": "START", "Name": "charge", "SubType": "Step" },
            { "Id": "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b", "Type": "STEP", "Action": "RETRY", "Payload": "{\"tries\":1}",
              "Error": { "ErrorMessage": "declined", "ErrorType": "System.Exception" },
              "StepOptions": { "NextAttemptDelaySeconds": 5 } },
            { "Id": "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b", "Type": "STEP", "Action": "SUCCEED", "Payload": "{\"charged\":true}" },
            { "Id": "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35", "Type": "WAIT", "Action": "START", "SubType": "Wait", "WaitOptions": { "WaitSeconds": 31622400 } },
            { "Id": "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35", "Type": "WAIT", "Action": "CANCEL" },
            { "Id": "4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce", "Type": "CONTEXT", "Action": "SUCCEED", "SubType": "RunInChildContext",
              "Payload": "", "ContextOptions": { "ReplayChildren": true } },
            { "Id": "216922f7fb504d2177c32e4f234f8ee8a17acce62cbf43e8db61d4a04b2b9ac2", "Type": "CALLBACK", "Action": "START",
              "ParentId": "4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce", "SubType": "Callback",
              "CallbackOptions": { "TimeoutSeconds": 3600, "HeartbeatTimeoutSeconds": 0 } },
            { "Id": "4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a", "Type": "CHAINED_INVOKE", "Action": "START", "SubType": "ChainedInvoke",
              "Payload": "{\"orderId\":42}", "ChainedInvokeOptions": { "FunctionName": "notify:live", "TenantId": "t-1" } },
            { "Id": "ef2d127de37b942baad06145e54b0c619a1f22327b2ebbcfbec78f5564afe39d", "Type": "STEP", "Action": "FAIL",
              "Error": { "ErrorMessage": "gave up" } }
          ]
        }
        """;

    private const string ResponseJson = """
        {
          "CheckpointToken": "token-8",
          "NewExecutionState": {
            "Operations": [
              { "Id": "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35", "Type": "WAIT", "Status": "STARTED", "SubType": "Wait",
                "StartTimestamp": 1767225600400, "WaitDetails": { "ScheduledEndTimestamp": 1798848000400 } },
              { "Id": "216922f7fb504d2177c32e4f234f8ee8a17acce62cbf43e8db61d4a04b2b9ac2", "Type": "CALLBACK", "Status": "STARTED",
                "ParentId": "4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce", "SubType": "Callback",
                "CallbackDetails": { "CallbackId": "cb-9" } }
            ]
          }
        }
        """;

    [Test]
    public void ARequestWithEveryActionAndOptionIsWrittenAsTheSpecSays()
    {
        var request = new CheckpointRequest
        {
            DurableExecutionArn = Arn,
            CheckpointToken = "token-7",
            Updates =
            [
                new OperationUpdate { Id = FirstId, Type = OperationType.Step, Action = OperationAction.Start, Name = "charge", SubType = OperationSubTypes.Step },
                new OperationUpdate
                {
                    Id = FirstId, Type = OperationType.Step, Action = OperationAction.Retry, Payload = "{\"tries\":1}",
                    Error = new ErrorObject { ErrorMessage = "declined", ErrorType = "System.Exception" },
                    StepOptions = new StepOptions { NextAttemptDelaySeconds = 5 },
                },
                new OperationUpdate { Id = FirstId, Type = OperationType.Step, Action = OperationAction.Succeed, Payload = "{\"charged\":true}" },
                new OperationUpdate
                {
                    Id = SecondId, Type = OperationType.Wait, Action = OperationAction.Start, SubType = OperationSubTypes.Wait,
                    WaitOptions = new WaitOptions { WaitSeconds = 31_622_400 },
                },
                new OperationUpdate { Id = SecondId, Type = OperationType.Wait, Action = OperationAction.Cancel },
                new OperationUpdate
                {
                    Id = ThirdId, Type = OperationType.Context, Action = OperationAction.Succeed, SubType = OperationSubTypes.RunInChildContext,
                    Payload = string.Empty, ContextOptions = new ContextOptions { ReplayChildren = true },
                },
                new OperationUpdate
                {
                    Id = ChildId, Type = OperationType.Callback, Action = OperationAction.Start, ParentId = ThirdId, SubType = OperationSubTypes.Callback,
                    CallbackOptions = new CallbackOptions { TimeoutSeconds = 3600, HeartbeatTimeoutSeconds = 0 },
                },
                new OperationUpdate
                {
                    Id = FourthId, Type = OperationType.ChainedInvoke, Action = OperationAction.Start, SubType = OperationSubTypes.ChainedInvoke,
                    Payload = "{\"orderId\":42}", ChainedInvokeOptions = new ChainedInvokeOptions { FunctionName = "notify:live", TenantId = "t-1" },
                },
                new OperationUpdate
                {
                    Id = FifthId, Type = OperationType.Step, Action = OperationAction.Fail, Error = new ErrorObject { ErrorMessage = "gave up" },
                },
            ],
        };

        Assert.That(DurableWireFormat.SerializeCheckpointRequest(request), Is.EqualTo(WireJson.Compact(RequestJson)));
    }

    [Test]
    public void ARequestReadsAndWritesBackUnchanged()
    {
        var request = DurableWireFormat.ParseCheckpointRequest(RequestJson);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Updates[1].Action, Is.EqualTo(OperationAction.Retry));
            Assert.That(request.Updates[1].StepOptions!.NextAttemptDelaySeconds, Is.EqualTo(5));
            Assert.That(request.Updates[2].Payload, Is.EqualTo("{\"charged\":true}"));
            Assert.That(DurableWireFormat.SerializeCheckpointRequest(request), Is.EqualTo(WireJson.Compact(RequestJson)));
        }
    }

    [Test]
    public void AResponseReadsTheNewTokenAndStateAndWritesBackUnchanged()
    {
        var response = DurableWireFormat.ParseCheckpointResponse(ResponseJson);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.CheckpointToken, Is.EqualTo("token-8"));
            Assert.That(response.NewExecutionState!.Operations[0].WaitDetails!.ScheduledEndTimestamp, Is.EqualTo(1798848000400L));
            Assert.That(response.NewExecutionState.Operations[1].CallbackDetails!.CallbackId, Is.EqualTo("cb-9"));
            Assert.That(response.NewExecutionState.NextMarker, Is.Null);
            Assert.That(DurableWireFormat.SerializeCheckpointResponse(response), Is.EqualTo(WireJson.Compact(ResponseJson)));
        }
    }

    [Test]
    public void AResponseWithoutNewStateIsItsTokenAlone()
    {
        var response = new CheckpointResponse { CheckpointToken = "token-9" };

        Assert.That(DurableWireFormat.SerializeCheckpointResponse(response), Is.EqualTo("""{"CheckpointToken":"token-9"}"""));
    }
}
