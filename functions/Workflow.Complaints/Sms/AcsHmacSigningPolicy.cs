using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Workflow.Complaints.Sms;

/// <summary>
/// Signs each attempt with the Communication Services HMAC-SHA256 scheme: <c>x-ms-date</c>,
/// <c>x-ms-content-sha256</c> and an <c>Authorization</c> header over verb, path and query, date, host and
/// content hash. It runs per retry so every attempt carries a fresh date.
/// </summary>
internal sealed class AcsHmacSigningPolicy(byte[] accessKey, TimeProvider time) : HttpPipelineSynchronousPolicy
{
    internal const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = message.Request;
        var contentHash = HashContent(request.Content, message.CancellationToken);
        var date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var uri = request.Uri.ToUri();
        var signature = Sign(request.Method.Method, uri.PathAndQuery, date, uri.Authority, contentHash, accessKey);
        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue("Authorization", $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}");
    }

    /// <summary>The documented string to sign: <c>VERB\npathAndQuery\ndate;host;contentHash</c>.</summary>
    internal static string StringToSign(string verb, string pathAndQuery, string date, string host, string contentHash) =>
        $"{verb}\n{pathAndQuery}\n{date};{host};{contentHash}";

    /// <summary>The base64 HMAC-SHA256 of <see cref="StringToSign"/> under the decoded access key.</summary>
    internal static string Sign(string verb, string pathAndQuery, string date, string host, string contentHash, byte[] key) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(StringToSign(verb, pathAndQuery, date, host, contentHash))));

    /// <summary>The base64 SHA-256 of the body; an empty body is hashed too.</summary>
    internal static string HashContent(RequestContent? content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        content?.WriteTo(buffer, ct);
        return Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }
}
