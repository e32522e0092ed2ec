namespace StaticNews;

public enum BuildStage
{
    Discover,
    Parse,
    Render,
    Write,
}
