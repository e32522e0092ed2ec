namespace StaticNews.Tests.Fuzzing;

public enum MutationKind
{
    InsertToken,
    InsertBytes,
    Delete,
    Duplicate,
    Truncate,
    RepeatToken,

    /// <summary>Wraps a range in many balanced pairs (emphasis, brackets, links): the nesting parsers recurse on.</summary>
    Nest,
}
