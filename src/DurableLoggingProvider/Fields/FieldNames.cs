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
    public static readonly FieldNames CamelCase = new(FieldNaming.CamelCase, FieldRedaction.None);
    public static readonly FieldNames SnakeCase = new(FieldNaming.SnakeCase, FieldRedaction.None);
    public static readonly FieldNames PascalCase = new(FieldNaming.PascalCase, FieldRedaction.None);

    private readonly FrozenSet<string> _ownKeys;
    private readonly JsonEncodedText[] _durable;

    private FieldNames(FieldNaming naming, FieldRedaction redaction)
    {
        Redaction = redaction;
        Naming = naming;
        string Name(string camel) => FieldCasing.Apply(camel, naming);

        _durable = new JsonEncodedText[DurableFields.InOrder.Length];
        foreach (var field in DurableFields.InOrder)
        {
            _durable[(int)field] = Encode(DurableFields.Name(field, naming));
        }

        Timestamp = Encode(Name("timestamp"));
        Level = Encode(Name("level"));
        TenantId = Encode(Name("tenantId"));
        TraceId = Encode(Name("traceId"));
        Category = Encode(Name("category"));
        EventId = Encode(Name("eventId"));
        EventName = Encode(Name("eventName"));
        Message = Encode(Name("message"));
        Scopes = Encode(Name("scopes"));
        ErrorType = Encode(Name("errorType"));
        ErrorMessage = Encode(Name("errorMessage"));
        StackTrace = Encode(Name("stackTrace"));
        Truncated = Encode(Name("truncated"));

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

    /// <summary>The naming style the names are in.</summary>
    public FieldNaming Naming { get; }

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

    public static FieldNames For(FieldNaming naming) => naming switch
    {
        FieldNaming.SnakeCase => SnakeCase,
        FieldNaming.PascalCase => PascalCase,
        _ => CamelCase,
    };

    /// <summary>The names of a naming style, masking the values of <paramref name="redaction"/>'s names.</summary>
    public static FieldNames For(FieldNaming naming, FieldRedaction redaction) =>
        redaction.IsEmpty ? For(naming) : new FieldNames(naming, redaction);

    /// <summary>Whether a name is one of the record's own keys, in any case, which caller values never take.</summary>
    public bool IsOwnKey(string name) => _ownKeys.Contains(name);

    private static JsonEncodedText Encode(string name) => JsonEncodedText.Encode(name);
}
