using CivicGrid.Web.Infrastructure;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CivicGrid.Web.Notifications.Sms;

/// <summary>
/// The SMS gateways, each a keyed <see cref="ISmsGateway"/> ("Sink", "Http", "Aliyun") for the
/// SMS channel to pick by <see cref="SmsOptions.Gateway"/>. A gateway's settings are
/// checked at start only when it is the one picked.
/// </summary>
public static class SmsGateways
{
    public const string Sink = "Sink";

    /// <summary>
    /// The gateway named in configuration, read raw: a gateway's settings check must not ask for
    /// <see cref="SmsOptions"/>, whose own validation would then fail inside every other check.
    /// </summary>
    private static string Selected(IConfiguration configuration) =>
        configuration.GetSection(SmsOptions.Section).Get<SmsOptions>()?.Gateway ?? Sink;

    public static IServiceCollection AddSmsGateways(this IServiceCollection services)
    {
        services.AddKeyedSingleton<ISmsGateway>(Sink, (provider, _) => provider.GetRequiredService<SmsSink>());

        services.AddSettings<HttpSmsOptions>(HttpSmsOptions.Section);
        services.AddSingleton<IValidateOptions<HttpSmsOptions>, HttpSettingsCheck>();
        services.AddKeyedSingleton<ISmsGateway, HttpSmsGateway>(HttpSmsGateway.Key);
        services.AddHttpClient(HttpSmsGateway.Client, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("sms-http", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<HttpSmsOptions>>().Value;
                if (o.Retries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.Retries,
                        Delay = o.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }

                pipeline.AddTimeout(o.AttemptTimeout);
            });

        services.AddSettings<AliyunSmsOptions>(AliyunSmsOptions.Section);
        services.AddSingleton<IValidateOptions<AliyunSmsOptions>, AliyunSettingsCheck>();
        services.AddKeyedSingleton<ISmsGateway, AliyunSmsGateway>(AliyunSmsGateway.Key);
        services.AddHttpClient(AliyunSmsGateway.Client, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("sms-aliyun", (pipeline, context) =>
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<AliyunSmsOptions>>().Value.Timeout));
        return services;
    }

    private sealed class HttpSettingsCheck(IConfiguration configuration) : IValidateOptions<HttpSmsOptions>
    {
        public ValidateOptionsResult Validate(string? name, HttpSmsOptions o)
        {
            if (Selected(configuration) != HttpSmsGateway.Key)
            {
                return ValidateOptionsResult.Success;
            }

            List<string> missing = [];
            Require(missing, o.Url, "Url");
            switch (o.Auth)
            {
                case HttpSmsAuth.Bearer:
                    Require(missing, o.Token, "Token");
                    break;
                case HttpSmsAuth.Basic:
                    Require(missing, o.User, "User");
                    Require(missing, o.Password, "Password");
                    break;
                case HttpSmsAuth.Header:
                    Require(missing, o.HeaderName, "HeaderName");
                    Require(missing, o.HeaderValue, "HeaderValue");
                    break;
            }

            return Result(missing, HttpSmsOptions.Section);
        }
    }

    private sealed class AliyunSettingsCheck(IConfiguration configuration) : IValidateOptions<AliyunSmsOptions>
    {
        public ValidateOptionsResult Validate(string? name, AliyunSmsOptions o)
        {
            if (Selected(configuration) != AliyunSmsGateway.Key)
            {
                return ValidateOptionsResult.Success;
            }

            List<string> missing = [];
            Require(missing, o.AccessKeyId, "AccessKeyId");
            Require(missing, o.AccessKeySecret, "AccessKeySecret");
            Require(missing, o.SignName, "SignName");
            if (o.Templates.Count == 0)
            {
                missing.Add("Templates");
            }

            return Result(missing, AliyunSmsOptions.Section);
        }
    }

    private static void Require(List<string> missing, string? value, string setting)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add(setting);
        }
    }

    private static ValidateOptionsResult Result(List<string> missing, string section) =>
        missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"The SMS gateway selected in {SmsOptions.Section}:Gateway needs {string.Join(", ", missing.Select(m => $"{section}:{m}"))}.");
}
