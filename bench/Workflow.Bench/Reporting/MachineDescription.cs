using System.Runtime.InteropServices;

namespace Workflow.Bench.Reporting;

/// <summary>The machine and runtime the figures were taken on.</summary>
internal static class MachineDescription
{
    public static IEnumerable<string> Lines()
    {
        yield return $"machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
        yield return $"runtime: {RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}";
#if DEBUG
        yield return "build: Debug (figures are not comparable; use -c Release)";
#else
        yield return "build: Release";
#endif
    }
}
