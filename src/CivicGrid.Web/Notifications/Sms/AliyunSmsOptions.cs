using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Notifications.Sms;

/// <summary>Alibaba Cloud SMS (section "Notifications:Sms:Aliyun"). Keys come from configuration only and are never logged.</summary>
public sealed class AliyunSmsOptions
{
    public const string Section = "Notifications:Sms:Aliyun";

    [Url]
    public string Endpoint { get; set; } = "https://dysmsapi.aliyuncs.com/";

    public string RegionId { get; set; } = "cn-hangzhou";
    public string? AccessKeyId { get; set; }
    public string? AccessKeySecret { get; set; }

    /// <summary>The approved signature name (签名), without 【】.</summary>
    public string? SignName { get; set; }

    /// <summary>CivicGrid's template name (a kind, or "Digest") → the approved TemplateCode, e.g. "SMS_71390007".</summary>
    public Dictionary<string, string> Templates { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
