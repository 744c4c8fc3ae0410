namespace DurableLoggingProvider.Tests.Support;

/// <summary>Expected sequences written inline, in the order they must appear.</summary>
internal static class Expected
{
    public static T[] Sequence<T>(params T[] items) => items;
}
