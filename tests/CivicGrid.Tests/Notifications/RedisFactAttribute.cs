namespace CivicGrid.Tests.Notifications;

/// <summary>A test that needs a real Redis (CIVICGRID_TEST_REDIS, started by scripts/test.sh); skipped, saying why, without one.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public static string? Server => Environment.GetEnvironmentVariable("CIVICGRID_TEST_REDIS") is { Length: > 0 } server ? server : null;

    public RedisFactAttribute()
    {
        if (Server is null)
        {
            Skip = "No Redis: set CIVICGRID_TEST_REDIS (scripts/redis.sh start prints it; scripts/test.sh does this).";
        }
    }
}
