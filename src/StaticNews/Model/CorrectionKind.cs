namespace StaticNews.Model;

/// <summary>A correction fixes a mistake; an update adds news to a story that was right.</summary>
public enum CorrectionKind
{
    Correction,
    Update,
}
