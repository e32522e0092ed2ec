namespace StaticNews.Incremental;

/// <summary>Identifies this exact build of the engine (and its embedded theme), so a cache written by another build is not trusted.</summary>
internal static class EngineIdentity
{
    public static string Version { get; } = typeof(EngineIdentity).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}
