using System.Globalization;

namespace Workflow.Bench;

/// <summary>The command line of the benchmark, parsed.</summary>
internal sealed record BenchArguments
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/Workflow.Bench -- [--backend inmemory|azure] [--repetitions N] " +
        "[--shapes sequential,fanout,instances,events,timers,idle] [--quick] [--storage <connection string>] [--used-hub]\n" +
        "  --storage    the storage account for --backend azure (else WORKFLOW_BENCH_STORAGE, WORKFLOW_TEST_STORAGE,\n" +
        "               else a private Azurite started from node_modules)\n" +
        "  --used-hub   run every repetition on one task hub that keeps the earlier repetitions' data (azure only)";

    public string Backend { get; init; } = "inmemory";

    public int Repetitions { get; init; } = 5;

    /// <summary>Shape keys to run, in the order given; empty means all.</summary>
    public IReadOnlyList<string> Shapes { get; init; } = [];

    /// <summary>A smoke run: one repetition, smaller sizes, the idle shape skipped.</summary>
    public bool Quick { get; init; }

    /// <summary>The storage connection string given on the command line, if any.</summary>
    public string? Storage { get; init; }

    /// <summary>Whether all repetitions share one task hub that keeps their data.</summary>
    public bool UsedHub { get; init; }

    /// <summary>Parses <paramref name="args"/>; returns null and an error message when they are invalid.</summary>
    public static BenchArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new BenchArguments();
        var repetitionsGiven = false;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--quick")
            {
                result = result with { Quick = true };
                continue;
            }

            if (arg == "--used-hub")
            {
                result = result with { UsedHub = true };
                continue;
            }

            if (arg is not ("--backend" or "--repetitions" or "--shapes" or "--storage"))
            {
                error = $"unknown argument '{arg}'";
                return null;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{arg} needs a value";
                return null;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--backend":
                    result = result with { Backend = value };
                    break;
                case "--storage":
                    result = result with { Storage = value };
                    break;
                case "--repetitions":
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1)
                    {
                        error = $"--repetitions must be a positive integer, not '{value}'";
                        return null;
                    }

                    result = result with { Repetitions = n };
                    repetitionsGiven = true;
                    break;
                default:
                    result = result with { Shapes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
                    break;
            }
        }

        if (result.Quick && !repetitionsGiven)
        {
            result = result with { Repetitions = 1 };
        }

        if (result.UsedHub && !string.Equals(result.Backend, "azure", StringComparison.OrdinalIgnoreCase))
        {
            error = "--used-hub needs --backend azure";
            return null;
        }

        return result;
    }

    /// <summary>Redacts the account key from a command line that names a storage connection string.</summary>
    public static string Redact(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return string.Join(" ", args.Select((a, i) => i > 0 && args[i - 1] == "--storage" ? "<connection string>" : a));
    }
}
