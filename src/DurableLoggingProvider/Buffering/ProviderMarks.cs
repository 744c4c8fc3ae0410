namespace DurableLoggingProvider;

/// <summary>
/// The names of the two fields that sampling and buffering add to the lines they affect, in each naming: whether the
/// line was written because its execution is sampled, and how many held lines were evicted before it.
/// </summary>
internal static class ProviderMarks
{
    public static string Sampled(FieldNaming naming) => "sampled";

    public static string BufferEvicted(FieldNaming naming) => naming == FieldNaming.SnakeCase ? "buffer_evicted" : "bufferEvicted";
}
