namespace DurableLoggingProvider;

/// <summary>
/// The names of the two fields that sampling and buffering add to the lines they affect, in each naming: whether the
/// line was written because its execution is sampled, and how many held lines were evicted before it. Cased by
/// <see cref="FieldCasing"/> like every other field.
/// </summary>
internal static class ProviderMarks
{
    public static string Sampled(FieldNaming naming) => FieldCasing.Apply("sampled", naming);

    public static string BufferEvicted(FieldNaming naming) => FieldCasing.Apply("bufferEvicted", naming);
}
