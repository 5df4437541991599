using System.Text.Json.Nodes;
using CivicGrid.Web.Notifications.Sms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicGrid.Tests.Notifications;

/// <summary>The generic HTTP gateway against a local server standing in for the provider.</summary>
public sealed class HttpSmsGatewayTests
{
    private static readonly SmsMessage Message = new(
        "sms-42-1", "13800000001", "【网格治理】新待办E20261123-0001", "NewTodo",
        new Dictionary<string, string> { ["number"] = "E20261123-0001", ["place"] = "幸福路12号" });

    private static ServiceProvider Gateway(LocalHttpServer server, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Sms:Gateway"] = "Http",
            ["Notifications:Sms:Http:Url"] = $"{server.Url}/send",
            ["Notifications:Sms:Http:RetryDelay"] = "00:00:00.010",
            ["Notifications:Sms:Http:AttemptTimeout"] = "00:00:00.500",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return NotificationParts.Build(settings);
    }

    private static Task<Web.Notifications.Delivery.ChannelResult> SendAsync(ServiceProvider services) =>
        services.GetRequiredKeyedService<ISmsGateway>(HttpSmsGateway.Key).SendAsync(Message, default);

    [Fact]
    public async Task A_2xx_is_sent_with_the_providers_id_the_mapped_body_and_the_idempotency_key()
    {
        await using var server = await LocalHttpServer.StartAsync((c, _) => LocalHttpServer.Json(c, 200, """{"messageId":"p-77"}"""));
        await using var services = Gateway(server, new()
        {
            ["Notifications:Sms:Http:Auth"] = "Bearer",
            ["Notifications:Sms:Http:Token"] = "s3cret",
            ["Notifications:Sms:Http:Templates:NewTodo"] = "TPL_100",
            ["Notifications:Sms:Http:PhoneField"] = "mobile",
            ["Notifications:Sms:Http:TextField"] = "content",
            ["Notifications:Sms:Http:IdProperty"] = "messageId",
        });

        var result = await SendAsync(services);

        Assert.Equal(Web.Notifications.Delivery.ChannelResult.Sent("p-77"), result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/send", request.Path);
        Assert.Equal("Bearer s3cret", request.Headers["Authorization"]);
        Assert.Equal("sms-42-1", request.Headers["Idempotency-Key"]);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("13800000001", (string?)body["mobile"]);
        Assert.Equal(Message.Text, (string?)body["content"]);
        Assert.Equal("TPL_100", (string?)body["template"]);
        Assert.Equal("幸福路12号", (string?)body["params"]!["place"]);
    }

    [Theory]
    [InlineData("Basic", "Authorization", "Basic dXNlcjpwYXNz")]
    [InlineData("Header", "X-Api-Key", "k-123")]
    public async Task Other_kinds_of_auth_are_sent_as_configured(string auth, string header, string value)
    {
        await using var server = await LocalHttpServer.StartAsync((c, _) => LocalHttpServer.Json(c, 202, """{"id":"p-1"}"""));
        await using var services = Gateway(server, new()
        {
            ["Notifications:Sms:Http:Auth"] = auth,
            ["Notifications:Sms:Http:User"] = "user",
            ["Notifications:Sms:Http:Password"] = "pass",
            ["Notifications:Sms:Http:HeaderName"] = "X-Api-Key",
            ["Notifications:Sms:Http:HeaderValue"] = "k-123",
        });

        Assert.Equal("p-1", (await SendAsync(services)).ProviderMessageId);
        Assert.Equal(value, Assert.Single(server.Requests).Headers[header]);
    }

    [Fact]
    public async Task A_4xx_is_a_permanent_refusal_with_the_providers_reason_and_is_not_retried()
    {
        await using var server = await LocalHttpServer.StartAsync((c, _) => LocalHttpServer.Json(c, 400, """{"error":"invalid phone number"}"""));
        await using var services = Gateway(server);

        var result = await SendAsync(services);

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.Contains("invalid phone number", result.Error);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_5xx_that_lasts_is_transient_after_the_quick_retries()
    {
        await using var server = await LocalHttpServer.StartAsync((c, _) => LocalHttpServer.Json(c, 503, """{"error":"busy"}"""));
        await using var services = Gateway(server);

        var result = await SendAsync(services);

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains("503", result.Error);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_passing_503_is_retried_once_and_sent_under_the_same_key()
    {
        await using var server = await LocalHttpServer.StartAsync((c, n) => n == 1
            ? LocalHttpServer.Json(c, 503, "{}")
            : LocalHttpServer.Json(c, 200, """{"id":"p-2"}"""));
        await using var services = Gateway(server);

        var result = await SendAsync(services);

        Assert.Equal(Web.Notifications.Delivery.ChannelResult.Sent("p-2"), result);
        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("sms-42-1", r.Headers["Idempotency-Key"]));
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_is_transient()
    {
        await using var server = await LocalHttpServer.StartAsync(async (c, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), c.RequestAborted);
            await LocalHttpServer.Json(c, 200, "{}");
        });
        await using var services = Gateway(server, new() { ["Notifications:Sms:Http:Retries"] = "0", ["Notifications:Sms:Http:AttemptTimeout"] = "00:00:00.200" });

        var result = await SendAsync(services);

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
    }

    [Fact]
    public async Task No_server_listening_is_transient()
    {
        var server = await LocalHttpServer.StartAsync((c, _) => Task.CompletedTask);
        await server.DisposeAsync();
        await using var services = Gateway(server, new() { ["Notifications:Sms:Http:Retries"] = "0" });

        var result = await SendAsync(services);

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
    }

    [Fact]
    public void Selecting_the_http_gateway_without_a_url_is_a_clear_settings_error()
    {
        using var services = NotificationParts.Build(new() { ["Notifications:Sms:Gateway"] = "Http", ["Notifications:Sms:Http:Auth"] = "Bearer" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HttpSmsOptions>>().Value);

        Assert.Contains("Notifications:Sms:Http:Url", error.Message);
        Assert.Contains("Notifications:Sms:Http:Token", error.Message);
    }

    [Fact]
    public void Settings_of_a_gateway_not_selected_are_not_required()
    {
        using var services = NotificationParts.Build();

        Assert.Null(services.GetRequiredService<IOptions<HttpSmsOptions>>().Value.Url);
    }
}
