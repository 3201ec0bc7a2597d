using System.Net;
using System.Net.Http.Json;
using Workflow.Complaints.Notifications;
using Workflow.Complaints.Tests.Intake;
using Workflow.Complaints.Tests.Staff;
using Xunit;
using static Workflow.Complaints.Tests.Staff.StaffApiHost;

namespace Workflow.Complaints.Tests.Notifications;

/// <summary>The lifecycle's notifications through the host's default notifier and <c>GET /api/outbox/notifications</c>.</summary>
[Collection(IntakeStorageGroup.Name)]
public sealed class NotificationOutboxApiTests(IntakeStorageFixture storage)
{
    private static readonly DateTimeOffset T = Opening;

    [Fact]
    public async Task ForwardClock_WarnedThenBreached_AssigneeAndSupervisorNotifiedOnce_ListedByCaseRoleAndState()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission());
        var other = await host.OpenAsync(Submission());

        await host.AdvanceToAsync(number, T.AddMinutes(45));
        await host.AdvanceToAsync(number, T.AddHours(1));
        using var staff = host.As("agent");
        var all = await ListAsync(staff, $"caseNumber={number}");
        var supervisor = await ListAsync(staff, $"caseNumber={number}&role=supervisor&state=due");
        var held = await ListAsync(staff, $"caseNumber={number}&state=held");

        Assert.Equal(
            [("deadline-warning", "assignee", T.AddMinutes(45)), ("escalation", "supervisor", T.AddHours(1))],
            all.Items.Select(i => (i.Subject, i.Role, i.At)));
        Assert.All(all.Items, i => Assert.Equal(number, i.CaseNumber));
        Assert.Equal(["escalation"], supervisor.Items.Select(i => i.Subject));
        Assert.Empty(held.Items);
        Assert.DoesNotContain(all.Items, i => i.CaseNumber == other);
    }

    [Theory]
    [InlineData("role=boss", "role")]
    [InlineData("state=sent", "state")]
    [InlineData("caseNumber=12345", "caseNumber")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task List_BadFilter_FieldLevelProblem(string query, string field)
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        using var staff = host.As("agent");

        using var response = await staff.GetAsync(new Uri(NotificationOutboxEndpoints.Route + "?" + query, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Equal([field], problem!.Errors.Keys);
    }

    private static async Task<StaffNotificationPage> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri(NotificationOutboxEndpoints.Route + "?" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StaffNotificationPage>(Json, TestContext.Current.CancellationToken))!;
    }

    private static string Submission()
    {
        var o = BadSubmissions.Valid();
        o["type"] = "complaint";
        o["description"] = "The parcel arrived broken and nobody answers the hotline.";
        o["language"] = "en";
        return o.ToJsonString();
    }
}
