namespace CivicGrid.Web.Notifications.RealTime;

/// <summary>SignalR across instances: with a Redis connection string, every instance reaches every open page.</summary>
public sealed class RealTimeOptions
{
    public const string Section = "SignalR";

    /// <summary>StackExchange.Redis connection string; empty for a single instance.</summary>
    public string? Redis { get; set; }
}
