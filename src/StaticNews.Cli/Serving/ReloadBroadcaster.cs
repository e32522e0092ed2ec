using System.Collections.Concurrent;
using System.Threading.Channels;

namespace StaticNews.Cli.Serving;

/// <summary>Tells every open browser tab that a new build is served. Each subscriber gets the newest version only (older ones are dropped).</summary>
internal sealed class ReloadBroadcaster
{
    private readonly ConcurrentDictionary<Channel<long>, bool> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _subscribers[channel] = true;
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(channel, out _));
    }

    public void Broadcast(long version)
    {
        foreach (var channel in _subscribers.Keys)
        {
            channel.Writer.TryWrite(version);
        }
    }
}
