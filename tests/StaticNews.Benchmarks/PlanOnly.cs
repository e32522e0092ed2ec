namespace StaticNews.Benchmarks;

/// <summary>
/// <c>STATICNEWS_BENCH_PLAN_ONLY=1</c>: <c>compare</c> and <c>micro</c> print what they would measure and stop. CI checks
/// through it that <c>build.ps1 bench</c> and <c>build.ps1 micro</c> ask for what they should, without spending minutes
/// measuring: PowerShell once split the one's sizes in two and expanded the other's filter into file names.
/// </summary>
internal static class PlanOnly
{
    public const string Variable = "STATICNEWS_BENCH_PLAN_ONLY";

    public static bool IsRequested => Environment.GetEnvironmentVariable(Variable) == "1";
}
