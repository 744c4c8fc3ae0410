using System;
using System.Collections.Frozen;
using System.Text.Json;

namespace DurableLoggingProvider;

/// <summary>
/// The names of the fields the provider writes, in one naming style, encoded once. Two kinds: the
/// record's own keys, which a template or scope value never replaces, and the durable context fields,
/// which a caller's value of the same name does replace; and the caller's names whose values are masked.
/// </summary>
internal sealed class FieldNames
{
    public static readonly FieldNames CamelCase = new(snakeCase: false, FieldRedaction.None);
    public static readonly FieldNames SnakeCase = new(snakeCase: true, FieldRedaction.None);

    private readonly FrozenSet<string> _ownKeys;
    private readonly JsonEncodedText[] _durable;

    private FieldNames(bool snakeCase, FieldRedaction redaction)
    {
        Redaction = redaction;
        string Name(string camel, string snake) => snakeCase ? snake : camel;

        var naming = snakeCase ? FieldNaming.SnakeCase : FieldNaming.CamelCase;
        _durable = new JsonEncodedText[DurableFields.InOrder.Length];
        foreach (var field in DurableFields.InOrder)
        {
            _durable[(int)field] = Encode(DurableFields.Name(field, naming));
        }

        Timestamp = Encode("timestamp");
        Level = Encode("level");
        TenantId = Encode(Name("tenantId", "tenant_id"));
        TraceId = Encode(Name("traceId", "trace_id"));
        Category = Encode("category");
        EventId = Encode(Name("eventId", "event_id"));
        EventName = Encode(Name("eventName", "event_name"));
        Message = Encode("message");
        Scopes = Encode("scopes");
        ErrorType = Encode(Name("errorType", "error_type"));
        ErrorMessage = Encode(Name("errorMessage", "error_message"));
        StackTrace = Encode(Name("stackTrace", "stack_trace"));
        Truncated = Encode("truncated");

        JsonEncodedText[] ownKeys =
        [
            Timestamp, Level, RequestId, TenantId, TraceId, Replay, Category, EventId, EventName,
            Message, Scopes, ErrorType, ErrorMessage, StackTrace, Truncated,
        ];
        var ownNames = new string[ownKeys.Length];
        for (var i = 0; i < ownKeys.Length; i++)
        {
            ownNames[i] = ownKeys[i].Value;
        }

        // Lambda reads the level key in any case (a caller's "Level" would decide the record's level), and a
        // query that ignores case would mix the caller's "Message" with ours: an own key is taken in any case.
        _ownKeys = ownNames.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public JsonEncodedText Timestamp { get; }

    public JsonEncodedText Level { get; }

    public JsonEncodedText RequestId => _durable[(int)DurableField.RequestId];

    public JsonEncodedText TenantId { get; }

    public JsonEncodedText TraceId { get; }

    public JsonEncodedText Replay => _durable[(int)DurableField.Replay];

    public JsonEncodedText Category { get; }

    public JsonEncodedText EventId { get; }

    public JsonEncodedText EventName { get; }

    public JsonEncodedText Message { get; }

    public JsonEncodedText Scopes { get; }

    public JsonEncodedText ErrorType { get; }

    public JsonEncodedText ErrorMessage { get; }

    public JsonEncodedText StackTrace { get; }

    public JsonEncodedText Truncated { get; }

    /// <summary>A durable field's name, encoded.</summary>
    public JsonEncodedText Durable(DurableField field) => _durable[(int)field];

    /// <summary>The caller's field names whose values are never written, and the mask written instead.</summary>
    public FieldRedaction Redaction { get; }

    public static FieldNames For(FieldNaming naming) => naming == FieldNaming.SnakeCase ? SnakeCase : CamelCase;

    /// <summary>The names of a naming style, masking the values of <paramref name="redaction"/>'s names.</summary>
    public static FieldNames For(FieldNaming naming, FieldRedaction redaction) =>
        redaction.IsEmpty ? For(naming) : new FieldNames(naming == FieldNaming.SnakeCase, redaction);

    /// <summary>Whether a name is one of the record's own keys, in any case, which caller values never take.</summary>
    public bool IsOwnKey(string name) => _ownKeys.Contains(name);

    private static JsonEncodedText Encode(string name) => JsonEncodedText.Encode(name);
}
