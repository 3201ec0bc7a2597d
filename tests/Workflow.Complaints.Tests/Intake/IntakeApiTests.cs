using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Intake;
using Xunit;

namespace Workflow.Complaints.Tests.Intake;

[Collection(IntakeStorageGroup.Name)]
public sealed class IntakeApiTests(IntakeStorageFixture storage)
{
    private const string FullPhone = "13812345678";

    [Theory]
    [MemberData(nameof(BadSubmissions.All), MemberType = typeof(BadSubmissions))]
    public async Task PostComplaint_BadSubmission_RefusedWithFieldErrorAndNothingStored(string label, string contentType, string body, string field, int status)
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        using var content = new StringContent(body, Encoding.UTF8, contentType);

        using var response = await host.Client.PostAsync("/api/complaints", content, TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = await ErrorsAsync(response);
        Assert.True(errors.ContainsKey(field), $"{label}: expected an error on '{field}', got: {string.Join(", ", errors.Keys)}");
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task PostComplaint_ValidJson_AcceptedWithCaseNumberAndStatusUrl()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);

        using var response = await host.Client.PostAsync("/api/complaints", Json(BadSubmissions.Valid().ToJsonString()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<IntakeAccepted>(TestContext.Current.CancellationToken);
        Assert.NotNull(accepted);
        Assert.True(CaseNumber.TryParse(accepted.CaseNumber, out _), accepted.CaseNumber);
        Assert.Equal("/api/complaints/" + accepted.CaseNumber, accepted.StatusUrl);
        Assert.Equal(accepted.StatusUrl, response.Headers.Location?.OriginalString);
        Assert.Equal(1, await host.CountAsync(StorageTables.Cases));
    }

    [Fact]
    public async Task GetProgress_AcceptedCase_ShowsMaskedPhoneOnly()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        var accepted = await PostAsync(host, BadSubmissions.Valid().ToJsonString());

        var body = await host.Client.GetStringAsync(accepted.StatusUrl, TestContext.Current.CancellationToken);

        using var progress = JsonDocument.Parse(body);
        Assert.Equal(accepted.CaseNumber, progress.RootElement.GetProperty("caseNumber").GetString());
        Assert.Equal("*******5678", progress.RootElement.GetProperty("maskedPhone").GetString());
        Assert.Equal("open", progress.RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain(FullPhone, body, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C-20261122-000001")]
    [InlineData("not-a-case")]
    public async Task GetProgress_UnknownCase_NotFound(string caseNumber)
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);

        using var response = await host.Client.GetAsync("/api/complaints/" + caseNumber, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostComplaint_FormFromPage_RendersCaseNumberPage()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = new StringContent(
                BadSubmissions.FormBody(("language", "en"), ("evidence", "ORD-1"), ("request.kind", "refund"), ("request.amount", "12.50")),
                Encoding.UTF8,
                BadSubmissions.Form),
        };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("id=\"case-number\">C-", html, StringComparison.Ordinal);
        Assert.Contains("What happens next", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FullPhone, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostComplaint_MultipartForm_Accepted()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("张三"), "customerName" },
            { new StringContent(FullPhone), "phone" },
            { new StringContent("service-request"), "type" },
            { new StringContent("Please change the delivery address of my order."), "description" },
            { new StringContent("ORD-1"), "evidence" },
            { new StringContent("ORD-2"), "evidence" },
        };

        using var response = await host.Client.PostAsync("/api/complaints", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<IntakeAccepted>(TestContext.Current.CancellationToken))!;
        var store = (CaseStore)host.Services.GetService(typeof(CaseStore))!;
        var record = await store.GetCustomerRecordAsync(accepted.CaseNumber, "tester", "test", TestContext.Current.CancellationToken);
        Assert.Equal(["ORD-1", "ORD-2"], record?.Evidence);
    }

    [Fact]
    public async Task PostComplaint_FormWithErrors_RendersFieldErrorsEscaped()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = new StringContent(BadSubmissions.FormBody(("customerName", "<script>alert(1)</script>")), Encoding.UTF8, BadSubmissions.Form),
        };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("must not contain markup", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FullPhone, html, StringComparison.Ordinal);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task GetPage_Chinese_ServesFormWithoutExternalResources()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);

        using var response = await host.Client.GetAsync("/", TestContext.Current.CancellationToken);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/api/complaints\"", html, StringComparison.Ordinal);
        Assert.Contains("投诉与建议", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostComplaint_DescriptionWithScriptTag_KeptAsText()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        var body = BadSubmissions.With(o => o["description"] = "The site showed <script>alert(1)</script> instead of my order.");

        var accepted = await PostAsync(host, body);

        var store = (CaseStore)host.Services.GetService(typeof(CaseStore))!;
        var record = await store.GetCustomerRecordAsync(accepted.CaseNumber, "tester", "test", TestContext.Current.CancellationToken);
        Assert.Equal("The site showed <script>alert(1)</script> instead of my order.", record?.Description);
    }

    [Fact]
    public async Task PostComplaint_TwentyConcurrentIdenticalPosts_OneCase()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        var body = BadSubmissions.Valid().ToJsonString();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = Json(body) };
            request.Headers.Add(IntakeEndpoints.IdempotencyKeyHeader, "order-42-complaint");
            using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<IntakeAccepted>(TestContext.Current.CancellationToken))!.CaseNumber;
        }));

        Assert.Single(numbers.Distinct());
        Assert.Equal(1, await host.CountAsync(StorageTables.Cases));
        Assert.Equal(1, await host.CountAsync(StorageTables.Customers));
    }

    [Fact]
    public async Task PostComplaint_KeyInFieldRepeated_SameCase()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        var body = BadSubmissions.With(o => o["idempotencyKey"] = "partner-7/ticket#9?");

        var first = await PostAsync(host, body);
        var second = await PostAsync(host, body);

        Assert.Equal(first.CaseNumber, second.CaseNumber);
        Assert.Equal(1, await host.CountAsync(StorageTables.Cases));
    }

    [Fact]
    public async Task PostComplaint_KeyReusedForOtherContent_Refused()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        await PostAsync(host, BadSubmissions.With(o => o["idempotencyKey"] = "k-1"));

        using var response = await host.Client.PostAsync(
            "/api/complaints",
            Json(BadSubmissions.With(o => { o["idempotencyKey"] = "k-1"; o["type"] = "suggestion"; })),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).ContainsKey("idempotencyKey"));
        Assert.Equal(1, await host.CountAsync(StorageTables.Cases));
    }

    [Fact]
    public async Task PostComplaint_TwoHundredConcurrentDistinctPosts_TwoHundredDistinctNumbers()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var body = BadSubmissions.With(o =>
            {
                o["phone"] = "+86139" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                o["description"] = "Distinct complaint number " + i;
            });
            using var response = await host.Client.PostAsync("/api/complaints", Json(body), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<IntakeAccepted>(TestContext.Current.CancellationToken))!.CaseNumber;
        }));

        Assert.Equal(200, numbers.Distinct().Count());
        Assert.Equal(200, await host.CountAsync(StorageTables.Cases));
    }

    [Fact]
    public async Task PostComplaint_TwoHostsOnOneStorage_DistinctNumbersAndOneCasePerKey()
    {
        var shared = new Dictionary<string, string?> { ["Cases:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..12], ["Cases:CaseNumberBlockSize"] = "4" };
        await using var first = await IntakeTestHost.StartAsync(storage.ConnectionString, shared);
        await using var second = await IntakeTestHost.StartAsync(storage.ConnectionString, shared);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var host = i % 2 == 0 ? first : second;
            // Every third pair of posts shares a key across the two hosts.
            var key = i % 3 == 0 ? "shared-" + (i / 6) : "own-" + i;
            var body = BadSubmissions.With(o => o["description"] = "Complaint for key " + key);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = Json(body) };
            request.Headers.Add(IntakeEndpoints.IdempotencyKeyHeader, key);
            using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (Key: key, (await response.Content.ReadFromJsonAsync<IntakeAccepted>(TestContext.Current.CancellationToken))!.CaseNumber);
        }));

        var keys = numbers.Select(n => n.Key).Distinct().Count();
        Assert.Equal(keys, numbers.Select(n => n.CaseNumber).Distinct().Count());
        Assert.All(numbers.GroupBy(n => n.Key), g => Assert.Single(g.Select(n => n.CaseNumber).Distinct()));
        Assert.Equal(keys, await first.CountAsync(StorageTables.Cases));
    }

    [Fact]
    public async Task PostComplaint_OverRateLimit_TooManyRequests()
    {
        await using var host = await IntakeTestHost.StartAsync(
            storage.ConnectionString,
            new Dictionary<string, string?> { ["Intake:RateLimitPermits"] = "3", ["Intake:RateLimitWindow"] = "01:00:00" });

        var statuses = new List<HttpStatusCode>();
        string? lastType = null;
        for (var i = 0; i < 4; i++)
        {
            using var response = await host.Client.PostAsync("/api/complaints", Json("{}"), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            lastType = response.Content.Headers.ContentType?.MediaType;
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", lastType);
    }

    [Fact]
    public async Task Intake_AcceptedAndRefusedPosts_NoFullPhoneInResponsesOrLogs()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        var bodies = new List<string>();
        foreach (var body in new[]
        {
            BadSubmissions.Valid().ToJsonString(),
            BadSubmissions.With(o => o["type"] = "praise"),
            BadSubmissions.With(o => o["phone"] = "+861062345678"),
        })
        {
            using var response = await host.Client.PostAsync("/api/complaints", Json(body), TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            bodies.Add(text);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var accepted = JsonSerializer.Deserialize<IntakeAccepted>(text, JsonSerializerOptions.Web)!;
                bodies.Add(await host.Client.GetStringAsync(accepted.StatusUrl, TestContext.Current.CancellationToken));
            }
        }

        Assert.NotEmpty(host.Logs.Lines);
        foreach (var text in bodies.Concat(host.Logs.Lines))
        {
            Assert.DoesNotContain(FullPhone, text, StringComparison.Ordinal);
            Assert.DoesNotContain("62345678", text, StringComparison.Ordinal);
        }
    }

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    internal static async Task<IntakeAccepted> PostAsync(IntakeTestHost host, string body)
    {
        using var response = await host.Client.PostAsync("/api/complaints", Json(body), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IntakeAccepted>(TestContext.Current.CancellationToken))!;
    }

    internal static async Task AssertNothingStoredAsync(IntakeTestHost host)
    {
        foreach (var table in new[] { StorageTables.Cases, StorageTables.Customers, StorageTables.Index, StorageTables.Timeline, StorageTables.Idempotency })
        {
            Assert.Equal(0, await host.CountAsync(table));
        }
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return problem.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray(), StringComparer.Ordinal);
    }
}
