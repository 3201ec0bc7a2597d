using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Tests.Intake;
using Workflow.Testing;
using Xunit;

namespace Workflow.Complaints.Tests.Hosting;

/// <summary>
/// A host process killed in the middle of a case, and a new one started on the same storage (Azure Storage
/// backend on Azurite, one task hub): the case's clocks still fire, it runs to its close, and every staff
/// notification and SMS is recorded once. Clocks and the backend's timings are shortened through configuration.
/// </summary>
[Collection(IntakeStorageGroup.Name)]
public sealed class HostCrashTests(IntakeStorageFixture storage)
{
    private const string FullPhone = "13812345678";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task HostKilledMidCase_NewHostOnTheSameStorage_ClocksFireAndTheCaseCloses_EachNotificationAndSmsOnce()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var settings = Settings(id);
        string number;
        var output = new List<string>();
        await using (var first = await ComplaintsHostProcess.StartAsync(settings, _ct))
        {
            number = await FileAsync(first);
            // The forward clock's warning (75 % of 20 s) is being sent: the host dies while the case is mid-flight.
            await WaitForAsync(async () => (await NotificationsAsync(id, number)).Count > 0);
            first.Kill();
            output.AddRange(first.Output);
        }

        await using var second = await ComplaintsHostProcess.StartAsync(settings, _ct);
        using var staff = second.Client("dev", "dev-password");
        var escalated = await WaitForCaseAsync(staff, number, c => Kinds(c).Count(k => k == "escalated") == 2);
        await ActAsync(staff, number, "forward", new { department = "billing" }, "forwarded");
        await ActAsync(staff, number, "respond", new { template = "apologise-clarify-solve", values = new { remedy = "a replacement parcel" } }, "in-progress");
        await ActAsync(staff, number, "resolve", new { responsibility = "company", remedy = "replacement sent" }, "resolved");
        await ActAsync(staff, number, "close", new { reason = "customer confirmed by phone" }, "closed");
        var closed = await WaitForCaseAsync(staff, number, c => Kinds(c).Contains("ended"));
        second.Kill();
        output.AddRange(second.Output);

        // The clocks fired on the second host: the forward breach escalated to the supervisor, whose clock ran out to the head.
        var escalations = Entries(escalated, "escalated");
        Assert.Equal(["forward", "forward"], escalations.Select(e => (string)e["clock"]!));
        Assert.Contains("supervisor", (string)escalations[0]["reason"]!, StringComparison.Ordinal);
        Assert.Contains("department head", (string)escalations[1]["reason"]!, StringComparison.Ordinal);
        Assert.Equal(2, Entries(closed, "deadline-breached").Count);
        Assert.Equal("closed", (string)closed["status"]!);

        // Each notification once: as many outbox rows as the timeline says were sent, no (role, subject) twice.
        var notifications = await NotificationsAsync(id, number);
        var notified = Entries(closed, "notified").Select(e => (string)e["reason"]!).ToList();
        Assert.Equal(notified.Count, notifications.Count);
        Assert.Equal(notifications.Count, notifications.Select(n => (n.GetString("Role"), n.GetString("Subject"))).Distinct().Count());
        Assert.Contains(("supervisor", "escalation"), notifications.Select(n => (n.GetString("Role"), n.GetString("Subject"))));
        Assert.Contains(("department-head", "escalation"), notifications.Select(n => (n.GetString("Role"), n.GetString("Subject"))));
        Assert.Contains(("assignee", "deadline-warning"), notifications.Select(n => (n.GetString("Role"), n.GetString("Subject"))));

        // Each SMS once: one outbox row per step, as many as the timeline's sent SMS.
        var sms = await SmsAsync(id, number);
        var steps = sms.Select(s => s.GetString("Step")).ToList();
        Assert.Equal(steps.Count, steps.Distinct().Count());
        Assert.Equal(Entries(closed, "sms-sent").Count, steps.Count);
        Assert.Contains(SmsSteps.Acknowledgement, steps);
        Assert.Contains(SmsSteps.DelayApology, steps);
        Assert.Contains(SmsSteps.Resolution, steps);

        Assert.DoesNotContain(output, line => line.Contains(FullPhone, StringComparison.Ordinal));
    }

    private Dictionary<string, string> Settings(string id) => new()
    {
        ["AzureWebJobsStorage"] = storage.ConnectionString,
        ["Durable:Backend"] = "AzureStorage",
        ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "crash" + id,
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionCount"] = "1",
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:controlQueueVisibilityTimeout"] = "00:00:05",
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:workItemQueueVisibilityTimeout"] = "00:00:05",
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:00.200",
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionLeaseDuration"] = "00:00:05",
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionLeaseRenewInterval"] = "00:00:01",
        ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionDrainTimeout"] = "00:00:01",
        ["Cases:TablePrefix"] = "c" + id,
        ["Sms:TablePrefix"] = "s" + id,
        ["Intake:QueueName"] = "crash-" + id,
        ["Intake:PoisonQueueName"] = "crash-" + id + "-poison",
        ["Intake:QueueListenerEnabled"] = "false",
        ["Retention:Enabled"] = "false",
        // The forward clock runs 20 s: a warning at 15 s, the supervisor's shorter clock after the breach. The 5 s
        // between warning and breach keep the warning from being overtaken by the breach on a loaded machine (a clock
        // that wakes after its deadline escalates without warning first).
        ["ServiceLevels:Clocks:Forward:Length"] = "00:00:20",
    };

    private async Task<string> FileAsync(ComplaintsHostProcess host)
    {
        using var client = host.Client();
        var body = BadSubmissions.Valid();
        body["type"] = "complaint";
        body["language"] = "en";
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/complaints", UriKind.Relative), content, _ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IntakeAccepted>(_ct))!.CaseNumber;
    }

    private async Task ActAsync(HttpClient staff, string number, string action, object body, string status)
    {
        using var response = await staff.PostAsJsonAsync(new Uri($"/api/cases/{number}/{action}", UriKind.Relative), body, _ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{action}: {response.StatusCode} {await response.Content.ReadAsStringAsync(_ct)}");
        await WaitForCaseAsync(staff, number, c => (string?)c["status"] == status);
    }

    private async Task<JsonNode> WaitForCaseAsync(HttpClient staff, string number, Func<JsonNode, bool> condition)
    {
        JsonNode? current = null;
        await WaitForAsync(async () =>
        {
            current = JsonNode.Parse(await staff.GetStringAsync(new Uri($"/api/cases/{number}", UriKind.Relative), _ct))!;
            return condition(current);
        });
        return current!;
    }

    private async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the case did not get there in time");
            await Task.Delay(100, _ct);
        }
    }

    private async Task<List<TableEntity>> NotificationsAsync(string id, string number) =>
        await RowsAsync("c" + id + StorageTables.Notifications, TableClient.CreateQueryFilter($"PartitionKey eq {number}"));

    private async Task<List<TableEntity>> SmsAsync(string id, string number) =>
        await RowsAsync("s" + id + SmsTables.Outbox, TableClient.CreateQueryFilter($"CaseNumber eq {number}"));

    private async Task<List<TableEntity>> RowsAsync(string table, string filter)
    {
        var client = new TableServiceClient(storage.ConnectionString).GetTableClient(table);
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in client.QueryAsync<TableEntity>(filter, cancellationToken: _ct))
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // Not created yet.
        }

        return rows;
    }

    private static List<string> Kinds(JsonNode view) => [.. view["timeline"]!.AsArray().Select(e => (string)e!["kind"]!)];

    private static List<JsonNode> Entries(JsonNode view, string kind) =>
        [.. view["timeline"]!.AsArray().Where(e => (string?)e!["kind"] == kind).Select(e => e!)];
}
