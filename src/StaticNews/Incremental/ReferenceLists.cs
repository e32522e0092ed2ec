namespace StaticNews.Incremental;

/// <summary>Membership by identity in the model's lists, whose records are made once per build.</summary>
internal static class ReferenceLists
{
    /// <summary>Whether <paramref name="list"/> holds <paramref name="item"/> itself. Indexed: a foreach over a read-only list makes an enumerator object.</summary>
    public static bool Contains<T>(IReadOnlyList<T> list, T item)
        where T : class
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], item))
            {
                return true;
            }
        }

        return false;
    }
}
