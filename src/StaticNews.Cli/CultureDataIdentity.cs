namespace StaticNews.Cli;

/// <summary>
/// What identifies the culture data the tool formats dates with, under which the build cache keeps the site's language's
/// calendar texts (<see cref="BuildOptions.CultureDataIdentity"/>). With ICU linked into the natively compiled executable,
/// the executable's build ID: a hash of its contents, ICU's data included, so a tool built again, perhaps with another
/// ICU, never trusts the texts another build of it kept. Null elsewhere: the system's ICU may be upgraded between two builds
/// with nothing here changing, and the texts are then taken from the culture at every build.
/// </summary>
internal static class CultureDataIdentity
{
    public static string? Current() =>
        AppContext.TryGetSwitch(IcuVersionPin.LinkedInSwitch, out var linkedIn) && linkedIn && ExecutableCode.BuildId() is { } buildId
            ? "executable " + buildId
            : null;
}
