using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CivicGrid.Web.Notifications.Delivery;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace CivicGrid.Web.Notifications.Sms;

/// <summary>
/// Sends through any provider with a JSON-over-HTTP API: URL, auth, field names and template ids
/// come from <see cref="HttpSmsOptions"/>. The message key goes as Idempotency-Key, so the quick
/// retries of the resilience handler (and the worker's later ones) are one message to the provider.
/// </summary>
public sealed class HttpSmsGateway(IHttpClientFactory clients, IOptions<HttpSmsOptions> options) : ISmsGateway
{
    public const string Key = "Http";
    public const string Client = "Notifications.Sms.Http";

    public async Task<ChannelResult> SendAsync(SmsMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(new HttpMethod(o.Method), o.Url) { Content = Body(message, o) };
        request.Headers.Add("Idempotency-Key", message.Key);
        request.Headers.Authorization = o.Auth switch
        {
            HttpSmsAuth.Bearer => new AuthenticationHeaderValue("Bearer", o.Token),
            HttpSmsAuth.Basic => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.User}:{o.Password}"))),
            _ => null,
        };
        if (o.Auth == HttpSmsAuth.Header)
        {
            request.Headers.TryAddWithoutValidation(o.HeaderName!, o.HeaderValue);
        }

        try
        {
            using var response = await clients.CreateClient(Client).SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                return ChannelResult.Sent(ProviderId(body, o.IdProperty));
            }

            var error = $"HTTP {(int)response.StatusCode}: {Shorten(body)}";
            return IsTransient(response.StatusCode) ? ChannelResult.Transient(error) : ChannelResult.Rejected(error);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return ChannelResult.Transient($"{e.GetType().Name}: {e.Message}");
        }
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Long enough to read the provider's reason, short enough for the delivery log.</summary>
    public static string Shorten(string text, int max = 300) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static StringContent Body(SmsMessage message, HttpSmsOptions o)
    {
        var parameters = new JsonObject();
        foreach (var (name, value) in message.Parameters)
        {
            parameters[name] = value;
        }

        var body = new JsonObject
        {
            [o.PhoneField] = message.Phone,
            [o.TextField] = message.Text,
            [o.TemplateField] = o.Templates.GetValueOrDefault(message.Template, message.Template),
            [o.ParametersField] = parameters,
        };
        return new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
    }

    private static string? ProviderId(string body, string property)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject json && json[property] is JsonValue id ? id.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
