using System.Net;
using System.Text.Json.Nodes;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Notifications.Sms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Notifications;

/// <summary>Alibaba Cloud SendSms: the request signed as its documentation says, and its answers read.</summary>
public sealed class AliyunSmsGatewayTests
{
    [Fact]
    public void The_signer_reproduces_the_documented_example()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testId",
            ["Action"] = "SendSms",
            ["Format"] = "XML",
            ["OutId"] = "123",
            ["PhoneNumbers"] = "15300000001",
            ["RegionId"] = "cn-hangzhou",
            ["SignName"] = "阿里云短信测试专用",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466",
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = "SMS_71390007",
            ["TemplateParam"] = """{"customer":"test"}""",
            ["Timestamp"] = "2017-07-12T02:42:19Z",
            ["Version"] = "2017-05-25",
        };

        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", AliyunSigner.Sign(parameters, "testSecret"));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a*b", "a%2Ab")]
    [InlineData("a~b", "a~b")]
    [InlineData("网", "%E7%BD%91")]
    public void Encoding_follows_rfc3986(string value, string encoded) => Assert.Equal(encoded, AliyunSigner.Encode(value));

    private static readonly SmsMessage Message = new(
        "sms-42-1", "13800000001", "【网格治理】…", "NewTodo",
        new Dictionary<string, string>
        {
            ["number"] = "E20261123-0001",
            ["place"] = string.Concat(Enumerable.Repeat("福永街道凤凰社区", 10)),
            ["deadline"] = "11月24日 17:00",
        });

    private static ServiceProvider Gateway(LocalHttpServer server) => NotificationParts.Build(new()
    {
        ["Notifications:Sms:Gateway"] = "Aliyun",
        ["Notifications:Sms:Aliyun:Endpoint"] = server.Url,
        ["Notifications:Sms:Aliyun:AccessKeyId"] = "testId",
        ["Notifications:Sms:Aliyun:AccessKeySecret"] = "testSecret",
        ["Notifications:Sms:Aliyun:SignName"] = "网格治理",
        ["Notifications:Sms:Aliyun:Templates:NewTodo"] = "SMS_100001",
    });

    [Fact]
    public async Task The_whole_request_carries_a_signature_the_server_can_verify()
    {
        await using var server = await LocalHttpServer.StartAsync((c, _) =>
        {
            var query = QueryHelpers.ParseQuery(c.Request.QueryString.Value).ToDictionary(p => p.Key, p => p.Value.ToString());
            var signature = query["Signature"];
            query.Remove("Signature");
            return signature == AliyunSigner.Sign(query, "testSecret")
                ? LocalHttpServer.Json(c, 200, """{"Code":"OK","Message":"OK","BizId":"900619746936498440^0","RequestId":"r-1"}""")
                : LocalHttpServer.Json(c, 400, """{"Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation."}""");
        });
        await using var services = Gateway(server);

        var result = await services.GetRequiredKeyedService<ISmsGateway>(AliyunSmsGateway.Key).SendAsync(Message, default);

        Assert.Equal(Web.Notifications.Delivery.ChannelResult.Sent("900619746936498440^0"), result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        var query = QueryHelpers.ParseQuery(request.Query);
        Assert.Equal("SendSms", query["Action"]);
        Assert.Equal("2017-05-25", query["Version"]);
        Assert.Equal("13800000001", query["PhoneNumbers"]);
        Assert.Equal("SMS_100001", query["TemplateCode"]);
        Assert.Equal("网格治理", query["SignName"]);
        Assert.Equal("sms-42-1", query["OutId"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", query["Timestamp"].ToString());
        var variables = JsonNode.Parse(query["TemplateParam"].ToString())!.AsObject();
        Assert.Equal("E20261123-0001", (string?)variables["number"]);
        Assert.All(variables, v => Assert.True(((string?)v.Value)!.Length <= AliyunSmsGateway.MaxParameterLength, v.Key));
        Assert.EndsWith("…", (string?)variables["place"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"Code":"OK","BizId":"b-1"}""", true, false)]
    [InlineData(HttpStatusCode.OK, """{"Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"触发小时级流控Permits:5"}""", false, false)]
    [InlineData(HttpStatusCode.BadRequest, """{"Code":"Throttling.User","Message":"Request was denied due to user flow control."}""", false, false)]
    [InlineData(HttpStatusCode.OK, """{"Code":"isv.MOBILE_NUMBER_ILLEGAL","Message":"非法手机号"}""", false, true)]
    [InlineData(HttpStatusCode.OK, """{"Code":"isv.SMS_TEMPLATE_ILLEGAL","Message":"模板不合法"}""", false, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "<html>busy</html>", false, false)]
    public void Answers_map_to_sent_transient_or_permanent(HttpStatusCode status, string body, bool sent, bool permanent)
    {
        var result = AliyunSmsGateway.Result(status, body);

        Assert.Equal(sent, result.Succeeded);
        Assert.Equal(permanent, result.Permanent);
        if (!sent)
        {
            Assert.False(string.IsNullOrEmpty(result.Error));
        }
    }

    [Fact]
    public async Task A_template_without_an_aliyun_code_is_refused_without_a_request()
    {
        await using var server = await LocalHttpServer.StartAsync((c, _) => LocalHttpServer.Json(c, 200, """{"Code":"OK"}"""));
        await using var services = Gateway(server);

        var result = await services.GetRequiredKeyedService<ISmsGateway>(AliyunSmsGateway.Key).SendAsync(Message with { Template = "Digest" }, default);

        Assert.True(result.Permanent);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Selecting_aliyun_without_keys_stops_the_platform_at_start_naming_the_settings()
    {
        await using var app = new CivicGridFactory();
        var host = app.WithWebHostBuilder(b => b.UseSetting("Notifications:Sms:Gateway", "Aliyun"));

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Notifications:Sms:Aliyun:AccessKeyId", error.ToString());
        Assert.Contains("Notifications:Sms:Aliyun:AccessKeySecret", error.ToString());
        Assert.DoesNotContain("testSecret", error.ToString());
    }
}
