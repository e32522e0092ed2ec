namespace StaticNews.Tests.Fuzzing;

public enum MutationKind
{
    InsertToken,
    InsertBytes,
    Delete,
    Duplicate,
    Truncate,
    RepeatToken,
}
