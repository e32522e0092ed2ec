namespace StaticNews.Model;

public enum PageKind
{
    Home,
    Article,
    Category,
    Author,
    Tag,
    TagIndex,
    Archive,
    NotFound,
    Latest,
    Search,
}
