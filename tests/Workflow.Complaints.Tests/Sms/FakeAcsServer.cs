using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workflow.Complaints.Tests.Sms;

/// <summary>
/// The far side of Communication Services SMS on Kestrel (127.0.0.1, free port): it checks the content hash
/// and HMAC signature the way the service does, remembers repeatability ids, and answers in the service's shape.
/// </summary>
public sealed class FakeAcsServer : IAsyncDisposable
{
    public static readonly byte[] Key = Encoding.UTF8.GetBytes("fake-acs-access-key-for-tests-only");

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _delivered = new(StringComparer.Ordinal);

    private FakeAcsServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public string ConnectionString => $"endpoint={Endpoint};accesskey={Convert.ToBase64String(Key)}";

    /// <summary>Answers given to the next requests before the normal handling (status, Retry-After).</summary>
    public ConcurrentQueue<(HttpStatusCode Status, string? RetryAfter)> Scripted { get; } = new();

    /// <summary>Numbers the service refuses per recipient with 400.</summary>
    public HashSet<string> InvalidNumbers { get; } = [];

    /// <summary>Every request that passed authentication, in arrival order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Arrival times of every request (including scripted answers).</summary>
    public ConcurrentQueue<DateTimeOffset> Arrivals { get; } = new();

    /// <summary>Messages actually handed to carriers, by repeatability id (a repeated id is not sent again).</summary>
    public IReadOnlyDictionary<string, string> Delivered => _delivered;

    public int Unauthorized { get; private set; }

    /// <summary>
    /// Awaited after a request's messages were handed to carriers and before the answer is written: a test
    /// holds it to keep the answer "on the wire" while the sending process dies.
    /// </summary>
    public Func<Task>? BeforeAnswer { get; set; }

    /// <summary>With a Microsoft Entra token configured, a request signed in with <c>Bearer {token}</c> is authenticated as well.</summary>
    public string? AcceptedBearerToken { get; private init; }

    /// <summary>
    /// Starts the server on plain HTTP, or on HTTPS with <paramref name="certificate"/> (bearer tokens travel over TLS
    /// only); with <paramref name="bearerToken"/> it accepts that Microsoft Entra token in place of the HMAC signature.
    /// </summary>
    public static async Task<FakeAcsServer> StartAsync(X509Certificate2? certificate = null, string? bearerToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var server = new FakeAcsServer(app) { AcceptedBearerToken = bearerToken };
        app.MapPost("/sms", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Arrivals.Enqueue(DateTimeOffset.UtcNow);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (!SignatureValid(context.Request, body) && !BearerValid(context.Request))
        {
            Unauthorized++;
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "Unauthorized", message = "Signature is invalid." } });
            return;
        }

        if (Scripted.TryDequeue(out var scripted))
        {
            context.Response.StatusCode = (int)scripted.Status;
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            return;
        }

        var request = JsonNode.Parse(body)!;
        var results = new JsonArray();
        foreach (var recipient in request["smsRecipients"]!.AsArray())
        {
            var to = (string)recipient!["to"]!;
            var id = (string?)recipient["repeatabilityRequestId"];
            var firstSent = (string?)recipient["repeatabilityFirstSent"];
            Requests.Enqueue(new ReceivedRequest(to, id, firstSent, (string?)request["smsSendOptions"]?["tag"],
                (bool?)request["smsSendOptions"]?["enableDeliveryReport"] == true, (string)request["message"]!));
            results.Add(Answer(to, id, firstSent));
        }

        if (BeforeAnswer is { } before)
        {
            await before();
        }

        context.Response.StatusCode = 202;
        await context.Response.WriteAsJsonAsync(new JsonObject { ["value"] = results });
    }

    private JsonObject Answer(string to, string? id, string? firstSent)
    {
        if (id is null || !DateTimeOffset.TryParseExact(firstSent, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return Result(to, null, 400, false, "Invalid repeatability headers.", "rejected");
        }

        if (InvalidNumbers.Contains(to))
        {
            return Result(to, null, 400, false, "Invalid To phone number format.", "accepted");
        }

        // A repeated id is answered with the first result and not sent again.
        var messageId = _delivered.GetOrAdd(id, _ => "Outgoing_" + Guid.NewGuid().ToString("N"));
        return Result(to, messageId, 202, true, null, "accepted");
    }

    private static JsonObject Result(string to, string? messageId, int status, bool successful, string? error, string repeatability) => new()
    {
        ["to"] = to,
        ["messageId"] = messageId,
        ["httpStatusCode"] = status,
        ["repeatabilityResult"] = repeatability,
        ["successful"] = successful,
        ["errorMessage"] = error,
    };

    private bool BearerValid(HttpRequest request) =>
        AcceptedBearerToken is not null && request.Headers.Authorization.ToString() == "Bearer " + AcceptedBearerToken;

    private static bool SignatureValid(HttpRequest request, byte[] body)
    {
        var date = request.Headers["x-ms-date"].ToString();
        var hash = request.Headers["x-ms-content-sha256"].ToString();
        var authorization = request.Headers.Authorization.ToString();
        if (date.Length == 0 || hash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return false;
        }

        var pathAndQuery = request.Path.Value + request.QueryString.Value;
        var toSign = $"{request.Method}\n{pathAndQuery}\n{date};{request.Host.Value};{hash}";
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(toSign)));
        return authorization == $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={expected}";
    }
}

public sealed record ReceivedRequest(string To, string? RepeatabilityId, string? FirstSent, string? Tag, bool DeliveryReport, string Message);
