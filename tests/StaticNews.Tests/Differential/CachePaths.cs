namespace StaticNews.Tests.Differential;

/// <summary>How many of a sequence's incremental builds took each of the build cache's shortcuts: what the comparison with cold builds covered.</summary>
internal sealed class CachePaths
{
    public int UpToDate { get; private set; }

    public int ArticlesUnread { get; private set; }

    public int FrontMattersReused { get; private set; }

    public int BodiesReused { get; private set; }

    public int RelatedReused { get; private set; }

    public int FingerprintsKept { get; private set; }

    /// <summary>Builds whose front matters or lists changed (no fingerprint kept) that still rendered only some of the pages.</summary>
    public int SomePagesRendered { get; private set; }

    public int SearchUpdatedInPlace { get; private set; }

    public int CalendarReused { get; private set; }

    public void Count(BuildResult result)
    {
        UpToDate += result.UpToDate ? 1 : 0;
        ArticlesUnread += result.ArticlesUnread > 0 ? 1 : 0;
        FrontMattersReused += result.FrontMattersReused > 0 ? 1 : 0;
        BodiesReused += result.BodiesReused > 0 ? 1 : 0;
        RelatedReused += result.RelatedReused ? 1 : 0;
        FingerprintsKept += result.FingerprintsKept > 0 ? 1 : 0;
        SomePagesRendered += result is { FingerprintsKept: 0, PagesRendered: > 0, Model: { } model } && result.PagesRendered < model.Pages.Count ? 1 : 0;
        SearchUpdatedInPlace += result.SearchUpdatedInPlace ? 1 : 0;
        CalendarReused += result.CalendarReused ? 1 : 0;
    }

    public override string ToString() =>
        $"{UpToDate} up to date, {ArticlesUnread} left articles unread, {FrontMattersReused} reused front matters, {BodiesReused} reused bodies, "
        + $"{RelatedReused} reused related lists, {FingerprintsKept} kept fingerprints (bodies alone changed), {SomePagesRendered} rendered only the pages showing a changed article, {SearchUpdatedInPlace} patched the search index, "
        + $"{CalendarReused} reused the calendar texts";
}
