using System.Reflection;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>
/// Typed delegates for the getters of the model's types, made without generating code at run time, so the natively compiled
/// build has them too: a delegate from a getter returning a reference type is bound as returning an object, and one returning
/// a value type through one generic instantiation per value type the model uses, each written out here for the compiler to
/// see. A call through one costs about a fifth of <see cref="PropertyInfo.GetValue(object)"/>. Other types and other value
/// types are read through reflection.
/// </summary>
internal static class ModelGetters
{
    private static readonly Dictionary<Type, Func<MethodInfo, Func<object, object?>?>> ByTarget = new()
    {
        [typeof(AnalyticsSettings)] = ModelGetter<AnalyticsSettings>.Of,
        [typeof(ArchiveMonth)] = ModelGetter<ArchiveMonth>.Of,
        [typeof(ArchiveYear)] = ModelGetter<ArchiveYear>.Of,
        [typeof(Article)] = ModelGetter<Article>.Of,
        [typeof(Author)] = ModelGetter<Author>.Of,
        [typeof(Category)] = ModelGetter<Category>.Of,
        [typeof(Correction)] = ModelGetter<Correction>.Of,
        [typeof(FeedLink)] = ModelGetter<FeedLink>.Of,
        [typeof(Image)] = ModelGetter<Image>.Of,
        [typeof(Link)] = ModelGetter<Link>.Of,
        [typeof(Page)] = ModelGetter<Page>.Of,
        [typeof(Pager)] = ModelGetter<Pager>.Of,
        [typeof(PagerLink)] = ModelGetter<PagerLink>.Of,
        [typeof(Section)] = ModelGetter<Section>.Of,
        [typeof(Site)] = ModelGetter<Site>.Of,
        [typeof(SiteConfig)] = ModelGetter<SiteConfig>.Of,
        [typeof(SocialLink)] = ModelGetter<SocialLink>.Of,
        [typeof(Tag)] = ModelGetter<Tag>.Of,
        [typeof(TagCount)] = ModelGetter<TagCount>.Of,
        [typeof(TrustedHtml)] = ModelGetter<TrustedHtml>.Of,
    };

    /// <summary>The model's types with typed getters.</summary>
    public static IEnumerable<Type> Targets => ByTarget.Keys;

    /// <summary>A typed delegate calling <paramref name="getter"/>, declared by <paramref name="target"/>; null where only reflection can call it.</summary>
    public static Func<object, object?>? For(Type target, MethodInfo getter) =>
        ByTarget.TryGetValue(target, out var factory) ? factory(getter) : null;

    private static class ModelGetter<TTarget>
        where TTarget : class
    {
        public static Func<object, object?>? Of(MethodInfo getter)
        {
            var type = getter.ReturnType;
            if (!type.IsValueType)
            {
                return Bind<object?>(getter);
            }

            return type == typeof(int) ? Bind<int>(getter)
                : type == typeof(int?) ? Bind<int?>(getter)
                : type == typeof(bool) ? Bind<bool>(getter)
                : type == typeof(DateTimeOffset) ? Bind<DateTimeOffset>(getter)
                : type == typeof(DateTimeOffset?) ? Bind<DateTimeOffset?>(getter)
                : type == typeof(PageKind) ? Bind<PageKind>(getter)
                : type == typeof(CorrectionKind) ? Bind<CorrectionKind>(getter)
                : type == typeof(FeedContent) ? Bind<FeedContent>(getter)
                : null;
        }

        private static Func<object, object?> Bind<TValue>(MethodInfo getter)
        {
            var typed = getter.CreateDelegate<Func<TTarget, TValue>>();
            return target => typed((TTarget)target);
        }
    }
}
