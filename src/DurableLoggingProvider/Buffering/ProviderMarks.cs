namespace DurableLoggingProvider;

/// <summary>
/// The names of the two fields that sampling and buffering add to the lines they affect, in each naming: whether the
/// line was written because its execution is sampled, and how many held lines were evicted before it.
/// </summary>
internal static class ProviderMarks
{
    public static string Sampled(FieldNaming naming) => naming == FieldNaming.PascalCase ? "Sampled" : "sampled";

    public static string BufferEvicted(FieldNaming naming) => naming switch
    {
        FieldNaming.SnakeCase => "buffer_evicted",
        FieldNaming.PascalCase => "BufferEvicted",
        _ => "bufferEvicted",
    };
}
