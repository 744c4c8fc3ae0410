using System.Threading.Tasks;

namespace DurableLoggingProvider.Execution;

/// <summary>
/// An update waiting to be sent: its size as sent, and the task of whoever awaits its acknowledgement
/// (<see langword="null"/> for an update that only rides on the next call).
/// </summary>
internal readonly record struct QueuedUpdate(OperationUpdate Update, int Bytes, TaskCompletionSource? Acknowledged);
