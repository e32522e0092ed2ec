namespace StaticNews.Cli.Serving;

/// <summary>The snapshot being served, swapped atomically by the rebuild loop (the only writer) and read by every request.</summary>
internal sealed class PreviewState
{
    private readonly TaskCompletionSource _firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SiteSnapshot _current = SiteSnapshot.Empty;

    public SiteSnapshot Current => Volatile.Read(ref _current);

    public ReloadBroadcaster Reloads { get; } = new();

    /// <summary>Completes when the first build (good or bad) is published, so early requests wait instead of seeing an empty site.</summary>
    public Task FirstBuildAsync(CancellationToken cancellationToken) => _firstBuild.Task.WaitAsync(cancellationToken);

    public void Publish(SiteSnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        _firstBuild.TrySetResult();
        Reloads.Broadcast(snapshot.Version);
    }
}
