using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CivicGrid.Web.Notifications.Delivery;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace CivicGrid.Web.Notifications.Sms;

/// <summary>
/// Alibaba Cloud Dysmsapi SendSms (version 2017-05-25), a signed RPC GET. Only approved templates
/// are sent: the text is the provider's, filled with the message's parameters. The message key
/// goes as OutId. No quick retry here: a repeated SignatureNonce is refused, and the worker's
/// retries sign anew.
/// </summary>
public sealed class AliyunSmsGateway(IHttpClientFactory clients, IOptions<AliyunSmsOptions> options, TimeProvider clock) : ISmsGateway
{
    public const string Key = "Aliyun";
    public const string Client = "Notifications.Sms.Aliyun";

    /// <summary>Aliyun refuses a template variable longer than this.</summary>
    public const int MaxParameterLength = 35;

    public async Task<ChannelResult> SendAsync(SmsMessage message, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Templates.TryGetValue(message.Template, out var templateCode))
        {
            return ChannelResult.Rejected($"No Aliyun template code for \"{message.Template}\" (Notifications:Sms:Aliyun:Templates).");
        }

        var query = Parameters(message, o, templateCode, Guid.NewGuid().ToString(), clock.GetUtcNow());
        query["Signature"] = AliyunSigner.Sign(query, o.AccessKeySecret!);
        var url = $"{o.Endpoint.TrimEnd('/')}/?{string.Join("&", query.Select(p => $"{AliyunSigner.Encode(p.Key)}={AliyunSigner.Encode(p.Value)}"))}";
        try
        {
            using var response = await clients.CreateClient(Client).GetAsync(url, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return Result(response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return ChannelResult.Transient($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Everything but the signature, as the documentation lists it.</summary>
    public static SortedDictionary<string, string> Parameters(SmsMessage message, AliyunSmsOptions o, string templateCode, string nonce, DateTimeOffset now)
    {
        var variables = new JsonObject();
        foreach (var (name, value) in message.Parameters)
        {
            variables[name] = Shorten(value);
        }

        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = o.AccessKeyId!,
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["OutId"] = message.Key,
            ["PhoneNumbers"] = message.Phone,
            ["RegionId"] = o.RegionId,
            ["SignName"] = o.SignName!,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = nonce,
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = templateCode,
            ["TemplateParam"] = variables.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            ["Timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Version"] = "2017-05-25",
        };
    }

    /// <summary>"OK" is sent; throttling and the provider's own trouble pass; any other code is a refusal retrying cannot cure.</summary>
    public static ChannelResult Result(HttpStatusCode status, string body)
    {
        string? code = null, bizId = null, text = null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                code = json["Code"]?.ToString();
                bizId = json["BizId"]?.ToString();
                text = json["Message"]?.ToString();
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page): judged by the status below.
        }

        if (code == "OK")
        {
            return ChannelResult.Sent(bizId);
        }

        var error = code is null ? $"HTTP {(int)status}: {HttpSmsGateway.Shorten(body)}" : $"{code}: {text}";
        return code is null || (int)status >= 500 || IsThrottled(code) ? ChannelResult.Transient(error) : ChannelResult.Rejected(error);
    }

    private static bool IsThrottled(string code) =>
        code == "isv.BUSINESS_LIMIT_CONTROL" || code.StartsWith("Throttling", StringComparison.Ordinal) || code is "ServiceUnavailable" or "InternalError";

    private static string Shorten(string value) => value.Length <= MaxParameterLength ? value : value[..(MaxParameterLength - 1)] + "…";
}
