using System.Globalization;

namespace Workflow.Bench.Complaints;

/// <summary>The command line of the complaints benchmarks (<c>intake</c>, <c>open-cases</c>).</summary>
internal sealed record ComplaintsBenchOptions
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/Workflow.Bench -- intake [--cases N] [--seconds S] [--clients C] [--counted-cases K] [--storage <connection string>]\n" +
        "       dotnet run -c Release --project bench/Workflow.Bench -- open-cases [--cases N] [--clients C] [--forward-minutes M] [--storage <connection string>]\n" +
        "  intake       POST /api/complaints from C clients (default 8) until N cases (default 400) or S seconds (default 60);\n" +
        "               then K cases (default 40) on a second Azurite whose debug log counts the storage requests\n" +
        "  open-cases   N open cases (default 10000) on one host, forward clock M minutes (default 8): memory, and the\n" +
        "               lateness of the clocks' warnings and breaches";

    public required string Mode { get; init; }

    public int? Cases { get; init; }

    public int Seconds { get; init; } = 60;

    public int Clients { get; init; } = 8;

    public int CountedCases { get; init; } = 40;

    public double ForwardMinutes { get; init; } = 8;

    public string? Storage { get; init; }

    public static bool IsMode(IReadOnlyList<string> args) => args.Count > 0 && args[0] is "intake" or "open-cases";

    public static ComplaintsBenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        var result = new ComplaintsBenchOptions { Mode = args[0] };
        for (var i = 1; i < args.Count; i++)
        {
            if (i + 1 >= args.Count)
            {
                error = $"{args[i]} needs a value";
                return null;
            }

            var (name, value) = (args[i], args[++i]);
            if (name == "--storage")
            {
                result = result with { Storage = value };
                continue;
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0)
            {
                error = $"{name} must be a positive number, not '{value}'";
                return null;
            }

            switch (name)
            {
                case "--cases": result = result with { Cases = (int)number }; break;
                case "--seconds": result = result with { Seconds = (int)number }; break;
                case "--clients": result = result with { Clients = (int)number }; break;
                case "--counted-cases": result = result with { CountedCases = (int)number }; break;
                case "--forward-minutes": result = result with { ForwardMinutes = number }; break;
                default:
                    error = $"unknown argument '{name}'";
                    return null;
            }
        }

        return result;
    }
}
