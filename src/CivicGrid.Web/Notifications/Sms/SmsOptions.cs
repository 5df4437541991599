using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Notifications.Sms;

/// <summary>Which SMS gateway the platform sends through.</summary>
public sealed class SmsOptions
{
    public const string Section = "Notifications:Sms";

    /// <summary>The key of a registered <see cref="ISmsGateway"/>: "Sink" (development) unless configured.</summary>
    [Required]
    public string Gateway { get; set; } = SmsGateways.Sink;
}

/// <summary>A gateway name nobody registered stops start-up, instead of the first SMS failing.</summary>
public sealed class SmsGatewayValidation(IServiceProviderIsKeyedService keyed) : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options) =>
        string.IsNullOrWhiteSpace(options.Gateway) || keyed.IsKeyedService(typeof(ISmsGateway), options.Gateway)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{SmsOptions.Section}:Gateway is \"{options.Gateway}\", but no SMS gateway of that name is registered.");
}
