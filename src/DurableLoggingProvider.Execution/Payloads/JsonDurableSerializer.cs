using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// An <see cref="IDurableSerializer"/> on System.Text.Json. Give it options whose type-info resolver is
/// a source-generated <c>JsonSerializerContext</c> to stay trim- and AOT-safe, or use
/// <see cref="ReflectionBased"/> where reflection is fine.
/// </summary>
public sealed class JsonDurableSerializer : IDurableSerializer
{
    private readonly JsonSerializerOptions _options;

    /// <summary>Creates a serializer over the given options.</summary>
    /// <param name="options">Options with a <see cref="JsonSerializerOptions.TypeInfoResolver"/> that knows every checkpointed type.</param>
    /// <exception cref="ArgumentException">The options have no type-info resolver.</exception>
    public JsonDurableSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TypeInfoResolver is null)
        {
            throw new ArgumentException(
                "The options have no TypeInfoResolver. Pass a source-generated JsonSerializerContext's options (MyContext.Default.Options), or use JsonDurableSerializer.ReflectionBased().",
                nameof(options));
        }

        _options = options;
    }

    /// <summary>A serializer that discovers types by reflection: not for trimmed or native AOT applications.</summary>
    [RequiresUnreferencedCode("Reflection-based JSON serialization may need types that trimming removes. Use a source-generated JsonSerializerContext.")]
    [RequiresDynamicCode("Reflection-based JSON serialization may need code generated at run time. Use a source-generated JsonSerializerContext.")]
    public static JsonDurableSerializer ReflectionBased() =>
        new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() });

    /// <inheritdoc />
    public string? Serialize<T>(T value) =>
        value is null ? null : JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <inheritdoc />
    public T? Deserialize<T>(string? json) =>
        string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize(json, TypeInfo<T>());

    private JsonTypeInfo<T> TypeInfo<T>()
    {
        // Replay reads a stored result per operation: the options' look-up is made once per type, not per call.
        if (ResolvedTypeInfo<T>.Last is { } last && ReferenceEquals(last.Options, _options))
        {
            return last.TypeInfo;
        }

        try
        {
            var typeInfo = (JsonTypeInfo<T>)_options.GetTypeInfo(typeof(T));
            ResolvedTypeInfo<T>.Last = new ResolvedTypeInfo<T>(_options, typeInfo);
            return typeInfo;
        }
        catch (NotSupportedException exception)
        {
            throw new NotSupportedException(
                $"The serializer's JSON options know no type {typeof(T).FullName}. Add [JsonSerializable(typeof({typeof(T).Name}))] to your JsonSerializerContext.",
                exception);
        }
    }

    /// <summary>The type information last resolved for <typeparamref name="T"/>, with the options it came from.</summary>
    private sealed record ResolvedTypeInfo<T>(JsonSerializerOptions Options, JsonTypeInfo<T> TypeInfo)
    {
        public static ResolvedTypeInfo<T>? Last { get; set; }
    }
}
