using Workflow.Bench.Reporting;

namespace Workflow.Bench.Complaints;

/// <summary>The complaint app's benchmarks: <c>intake</c> and <c>open-cases</c> (the runtime's shapes are the default mode).</summary>
internal static class ComplaintsBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = ComplaintsBenchOptions.Parse(args, out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"{error}\n{ComplaintsBenchOptions.Usage}");
            return 2;
        }

        Console.WriteLine("command: dotnet run -c Release --project bench/Workflow.Bench -- " + BenchArguments.Redact(args));
        foreach (var line in MachineDescription.Lines())
        {
            Console.WriteLine(line);
        }

        Console.WriteLine("host: functions/Workflow.Complaints (Release build) as a child process on 127.0.0.1, Azure Storage backend, host.json defaults");
        return options.Mode == "intake"
            ? await IntakeBench.RunAsync(options, CancellationToken.None)
            : await OpenCasesBench.RunAsync(options, CancellationToken.None);
    }
}
