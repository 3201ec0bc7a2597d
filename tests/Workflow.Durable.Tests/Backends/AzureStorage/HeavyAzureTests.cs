namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>
/// The tests that load the emulator hardest (hundreds of instances over several hosts, the crash
/// schedules) share one collection, so they run one after another rather than starving each other.
/// </summary>
internal static class HeavyAzureTests
{
    public const string Name = "Azure Storage, heavy";
}
