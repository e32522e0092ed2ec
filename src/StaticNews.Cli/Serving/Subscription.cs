using System.Threading.Channels;

namespace StaticNews.Cli.Serving;

/// <summary>One browser tab's feed of new build versions; disposing it unsubscribes.</summary>
internal sealed class Subscription(ChannelReader<long> versions, Action unsubscribe) : IDisposable
{
    public ChannelReader<long> Versions { get; } = versions;

    public void Dispose() => unsubscribe();
}
