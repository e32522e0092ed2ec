namespace StaticNews.Tests.Infrastructure;

/// <summary>A clock that always says the same time, so "future" and "recent" are deterministic in tests.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;
}
