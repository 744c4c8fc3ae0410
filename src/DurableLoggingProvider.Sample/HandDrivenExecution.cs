using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace DurableLoggingProvider.Sample;

/// <summary>
/// A deliberately small stand-in for a durable runtime, driving the provider's context seam by hand:
/// it remembers which operations were checkpointed across invocations, replays them without running
/// their bodies, and moves the context from replaying to live where new work begins. The real engine
/// (<c>DurableLoggingProvider.Execution</c>) replaces it.
/// </summary>
internal sealed class HandDrivenExecution
{
    private readonly List<string> _checkpointed = [];
    private DurableContextState? _context;
    private int _position;

    public HandDrivenExecution(string executionArn)
    {
        ExecutionArn = executionArn;
    }

    public string ExecutionArn { get; }

    /// <summary>Starts one invocation: the root context replays if anything was checkpointed before.</summary>
    public DurableLogContextScope BeginInvocation()
    {
        _position = 0;
        _context = new DurableContextState(ExecutionArn, isReplaying: _checkpointed.Count > 0);
        return DurableLogContext.EnterContext(_context);
    }

    /// <summary>A step: replayed steps return without running their body.</summary>
    public void Step(string name, Action body)
    {
        var id = ClaimId(name);
        if (id is not null)
        {
            using (DurableLogContext.EnterOperation(new DurableOperation(id, name, attempt: 1)))
            {
                body();
            }

            _checkpointed.Add(name);
        }

        GoLiveIfNextIsNew();
    }

    /// <summary>A wait: the first invocation checkpoints it and suspends; the next one finds it elapsed.</summary>
    public bool Wait(string name)
    {
        if (ClaimId(name) is not null)
        {
            _checkpointed.Add(name);
            return false;
        }

        GoLiveIfNextIsNew();
        return true;
    }

    /// <summary>Claims the next operation; returns its id when it is new work, null when it replays.</summary>
    private string? ClaimId(string name)
    {
        var position = _position++;
        if (position < _checkpointed.Count)
        {
            if (_checkpointed[position] != name)
            {
                throw new InvalidOperationException($"Operation {position + 1} was '{_checkpointed[position]}' when checkpointed, but the code now calls '{name}'.");
            }

            return null;
        }

        _context!.GoLive();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    private void GoLiveIfNextIsNew()
    {
        if (_position >= _checkpointed.Count)
        {
            _context!.GoLive();
        }
    }
}
