namespace DurableLoggingProvider.Execution;

/// <summary>Options of a <c>WAIT</c> update.</summary>
public sealed class WaitOptions
{
    /// <summary>On <c>START</c>: how long to wait, 1 to 31,622,400 seconds.</summary>
    public int? WaitSeconds { get; set; }
}
