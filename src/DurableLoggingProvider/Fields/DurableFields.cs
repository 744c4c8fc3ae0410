using System;

namespace DurableLoggingProvider;

/// <summary>
/// The one list of the durable fields, in the order lines carry them, with their names in each
/// <see cref="FieldNaming"/> and where each value comes from. Both formatters and
/// <see cref="ReplayAwareLogger"/> write the fields from here.
/// </summary>
internal static class DurableFields
{
    private static readonly DurableField[] s_inOrder =
    [
        DurableField.ExecutionArn, DurableField.RequestId, DurableField.ParentId, DurableField.OperationId,
        DurableField.OperationName, DurableField.Attempt, DurableField.Replay,
    ];

    private static readonly DurableField[] s_afterLambdaFields = Array.FindAll(s_inOrder, field => field != DurableField.RequestId);
    private static readonly string[] s_camelCase = Names(FieldNaming.CamelCase);
    private static readonly string[] s_snakeCase = Names(FieldNaming.SnakeCase);
    private static readonly string[] s_pascalCase = Names(FieldNaming.PascalCase);

    /// <summary>Every durable field, in the order lines carry them.</summary>
    public static ReadOnlySpan<DurableField> InOrder => s_inOrder;

    /// <summary>
    /// The durable fields the formatters write after Lambda's own fields: all but the request id, which
    /// Lambda's records carry beside the level (JSON) or in the second column (Text).
    /// </summary>
    public static ReadOnlySpan<DurableField> AfterLambdaFields => s_afterLambdaFields;

    /// <summary>The field's name in <paramref name="naming"/>.</summary>
    public static string Name(DurableField field, FieldNaming naming) =>
        (naming switch
        {
            FieldNaming.SnakeCase => s_snakeCase,
            FieldNaming.PascalCase => s_pascalCase,
            _ => s_camelCase,
        })[(int)field];

    /// <summary>
    /// Whether a caller's value of the same name takes the field's place. The request id and the replay mark
    /// are the record's own keys, which a caller's value never takes; the other fields give way to it.
    /// </summary>
    public static bool YieldsToCallerValue(DurableField field) => field is not (DurableField.RequestId or DurableField.Replay);

    /// <summary>The field's value on a line written in <paramref name="frame"/>, marked as a replay or not.</summary>
    public static DurableFieldValue Read(DurableField field, AmbientFrame? frame, bool isReplay) => field switch
    {
        DurableField.ExecutionArn => DurableFieldValue.Of(frame?.Context?.ExecutionArn),
        DurableField.RequestId => DurableFieldValue.Of(frame?.Invocation?.RequestId),
        DurableField.ParentId => DurableFieldValue.Of(frame?.Context?.ParentId),
        DurableField.OperationId => DurableFieldValue.Of(frame?.Operation?.Id),
        DurableField.OperationName => DurableFieldValue.Of(frame?.Operation?.Name),
        DurableField.Attempt => DurableFieldValue.Of(frame?.Operation?.Attempt),
        DurableField.Replay => DurableFieldValue.Flag(isReplay),
        _ => DurableFieldValue.Absent,
    };

    private static string[] Names(FieldNaming naming)
    {
        var names = new string[s_inOrder.Length];
        foreach (var field in s_inOrder)
        {
            names[(int)field] = FieldCasing.Apply(
                field switch
                {
                    DurableField.ExecutionArn => "executionArn",
                    DurableField.RequestId => "requestId",
                    DurableField.ParentId => "parentId",
                    DurableField.OperationId => "operationId",
                    DurableField.OperationName => "operationName",
                    DurableField.Attempt => "attempt",
                    _ => "replay",
                },
                naming);
        }

        return names;
    }
}
