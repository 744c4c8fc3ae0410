using System.Linq;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using NUnit.Framework;
using static DurableLoggingProvider.Testing.Tests.Support.ServiceCalls;

namespace DurableLoggingProvider.Testing.Tests.Service;

/// <summary>
/// "The real service drops the children of a finished CONTEXT from later snapshots unless
/// <c>ReplayChildren</c> is set; local runners commonly keep them" (durable-wire-format.md, section 4).
/// The in-memory service prunes by default and keeps everything when told to.
/// </summary>
[TestFixture]
public class PruningTests
{
    [Test]
    public async Task ASucceededContextLosesItsChildrenAndTheirChildrenButKeepsItselfAndItsSiblings()
    {
        var service = await ServiceWithNestedContextAsync(new InMemoryServiceOptions());

        await service.CheckpointAsync(Updates.Succeed("outer", OperationType.Context, "\"done\""));

        Assert.That(Ids(service), Is.EqualTo(new[] { "execution", "before", "outer", "after" }));
    }

    [Test]
    public async Task AFailedContextLosesItsChildrenToo()
    {
        var service = await ServiceWithNestedContextAsync(new InMemoryServiceOptions());

        await service.CheckpointAsync(Updates.Fail("outer", OperationType.Context));

        Assert.That(Ids(service), Is.EqualTo(new[] { "execution", "before", "outer", "after" }));
    }

    [Test]
    public async Task AContextStillRunningKeepsItsChildren()
    {
        var service = await ServiceWithNestedContextAsync(new InMemoryServiceOptions());

        await service.CheckpointAsync(Updates.Succeed("inner", OperationType.Context));

        Assert.That(Ids(service), Is.EqualTo(new[] { "execution", "before", "outer", "inner", "outer-step", "after" }));
    }

    [Test]
    public async Task AContextThatSetReplayChildrenKeepsThem()
    {
        var service = await ServiceWithNestedContextAsync(new InMemoryServiceOptions());
        var succeed = Updates.Succeed("outer", OperationType.Context);
        succeed.ContextOptions = new ContextOptions { ReplayChildren = true };

        await service.CheckpointAsync(succeed);

        Assert.That(Ids(service), Is.EqualTo(new[] { "execution", "before", "outer", "inner", "inner-step", "outer-step", "after" }));
    }

    [Test]
    public async Task WithPruningOffEveryChildIsKept()
    {
        var service = await ServiceWithNestedContextAsync(new InMemoryServiceOptions { PruneFinishedContexts = false });

        await service.CheckpointAsync(Updates.Succeed("outer", OperationType.Context));

        Assert.That(Ids(service), Is.EqualTo(new[] { "execution", "before", "outer", "inner", "inner-step", "outer-step", "after" }));
    }

    /// <summary>before; outer { inner { inner-step }, outer-step }; after. Everything inside outer has finished.</summary>
    private static async Task<InMemoryDurableService> ServiceWithNestedContextAsync(InMemoryServiceOptions options)
    {
        var service = NewService(options);
        await service.CheckpointAsync(
            Updates.Start("before", OperationType.Step),
            Updates.Start("outer", OperationType.Context),
            Updates.Start("inner", OperationType.Context, parentId: "outer"),
            Updates.Start("inner-step", OperationType.Step, parentId: "inner"),
            Updates.Succeed("inner-step", OperationType.Step),
            Updates.Start("outer-step", OperationType.Step, parentId: "outer"),
            Updates.Succeed("outer-step", OperationType.Step),
            Updates.Start("after", OperationType.Step));
        return service;
    }

    private static string[] Ids(InMemoryDurableService service) => [.. service.Operations.Select(operation => operation.Id)];
}
