namespace StaticNews.Tests.Fuzzing;

/// <summary>One edit of an article's bytes. Positions are fractions of the current length, so a mutation applies to any text.</summary>
public sealed record ArticleMutation(MutationKind Kind, double At, int Length, int Token, byte[] Bytes);
