using Workflow.Bench;
using Workflow.Bench.Backends;
using Workflow.Bench.Measurement;
using Workflow.Bench.Reporting;
using Workflow.Bench.Shapes;

// The complaint app's benchmarks (intake, open-cases) have their own command line.
if (Workflow.Bench.Complaints.ComplaintsBenchOptions.IsMode(args))
{
    return await Workflow.Bench.Complaints.ComplaintsBench.RunAsync(args);
}

// The durable runtime's benchmark (issue 3, section 5; issue 4 on Azure Storage): each shape N times, one worker with default options.
var arguments = BenchArguments.Parse(args, out var error);
if (arguments is null)
{
    await Console.Error.WriteLineAsync($"{error}\n{BenchArguments.Usage}");
    return 2;
}

if (!BenchBackend.IsSupported(arguments.Backend, out var unsupported))
{
    await Console.Error.WriteLineAsync($"error: {unsupported}");
    return 2;
}

var sizes = arguments.Quick ? ShapeSizes.Quick : ShapeSizes.Full;
List<IBenchShape> all =
[
    new SequentialActivitiesShape(sizes.SequentialActivities),
    new FanOutFanInShape(sizes.FanOutActivities),
    new ManyInstancesShape(sizes.Instances),
    new ExternalEventsShape(sizes.EventInstances),
    new ManyTimersShape(sizes.Timers, sizes.TimerDelay),
    new IdleTimerShape(sizes.IdleBeforeTimer, sizes.TimerDelay),
];
var unknown = arguments.Shapes.Where(k => all.TrueForAll(s => s.Key != k)).ToList();
if (unknown.Count > 0)
{
    await Console.Error.WriteLineAsync($"unknown shape(s): {string.Join(", ", unknown)}\n{BenchArguments.Usage}");
    return 2;
}

var selected = arguments.Shapes.Count > 0
    ? arguments.Shapes.Select(k => all.Single(s => s.Key == k)).ToList()
    : all.Where(s => !(arguments.Quick && s is IdleTimerShape)).ToList();

var azure = string.Equals(arguments.Backend, BenchBackend.Azure, StringComparison.OrdinalIgnoreCase);
await using var storage = azure ? await BenchStorage.OpenAsync(arguments.Storage, CancellationToken.None) : null;
var source = storage is null ? BenchBackendSource.InMemory() : BenchBackendSource.Azure(storage, arguments.UsedHub);

Console.WriteLine("command: dotnet run -c Release --project bench/Workflow.Bench --" + (args.Length > 0 ? " " + BenchArguments.Redact(args) : string.Empty));
foreach (var line in MachineDescription.Lines())
{
    Console.WriteLine(line);
}

Console.WriteLine($"backend: {source.Description}; repetitions: {arguments.Repetitions}{(arguments.Quick ? ", quick sizes" : string.Empty)}");

using var replay = new ReplayRecorder();
var runner = new ShapeRunner(source, replay);
// Both processes reach full speed only after many calls (.NET's tiered JIT here, V8's in Azurite): run the
// shapes once at small sizes and three times at the measured sizes, so the first repetitions measure warmed-up
// processes as the later ones do.
Console.Write("warm-up (small, then three rounds at the measured sizes; not measured)...");
foreach (var warm in new[] { ShapeSizes.Quick, sizes, sizes, sizes })
{
    await runner.WarmUpAsync(
        [new SequentialActivitiesShape(warm.SequentialActivities), new FanOutFanInShape(warm.FanOutActivities), new ManyInstancesShape(warm.Instances), new ExternalEventsShape(warm.EventInstances)],
        CancellationToken.None);
}

Console.WriteLine(" done");
var reports = new List<ShapeReport>();
foreach (var shape in selected)
{
    Console.Write($"{shape.Key}:");
    var records = await runner.RunAsync(
        shape,
        arguments.Repetitions,
        (_, record) => Console.Write($" {ShapeReport.FormatMilliseconds(record.Result.Elapsed)}{(record.Result.Failure is null ? string.Empty : "(failed)")}"),
        CancellationToken.None);
    Console.WriteLine();
    reports.Add(new ShapeReport(shape, records));
}

var writer = new ReportWriter(Console.Out);
writer.WriteTable(reports, arguments.Repetitions);
if (arguments.UsedHub)
{
    writer.WriteTrend(reports);
}

writer.WriteDetails(reports);
await source.DeleteUsedHubAsync(CancellationToken.None);
return reports.Exists(r => r.Stalled.Count > 0) ? 1 : 0;
