namespace StaticNews.Rendering;

/// <summary>
/// The time of the build as templates read it through Scriban's <c>date.now</c> (the site's own clock time, in its time zone)
/// and <c>date.utc_now</c>: one moment for every page of a build, the one its <see cref="BuildOptions.Clock"/> gave, not the
/// machine's clock at each call.
/// </summary>
internal sealed record TemplateClock(DateTime Local, DateTime Utc)
{
    public static TemplateClock At(DateTimeOffset builtAt, TimeZoneInfo siteTimeZone) =>
        new(TimeZoneInfo.ConvertTime(builtAt, siteTimeZone).DateTime, builtAt.UtcDateTime);
}
