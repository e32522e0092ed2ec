namespace StaticNews.Rendering;

/// <summary>Where a partial's reads start in an <see cref="ArticleReadLog"/>: the number of its articles, bodies, authors and lists read before.</summary>
internal readonly record struct ReadLogMark(int Articles, int Bodies, int Authors, int Lists);
