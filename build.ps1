#!/usr/bin/env pwsh
# StaticNews build script. Run: dotnet tool restore; dotnet pwsh ./build.ps1 [target ...]
# With no target it runs build, test, site and pack in order.
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('default', 'build', 'test', 'site', 'pack', 'fuzz')]
    [string[]] $Target = @('default'),
    [string] $Configuration = 'Release',
    # Iterations of the article fuzz harness for the 'fuzz' target (the normal test run does 300).
    [int] $FuzzIterations = 20000
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

$targets = [ordered]@{
    build = { Invoke-Dotnet build StaticNews.sln -c $Configuration }
    test  = { Invoke-Dotnet test StaticNews.sln -c $Configuration }
    site  = { Invoke-Dotnet run --project src/StaticNews.Cli -c $Configuration -- build site }
    pack  = { Invoke-Dotnet pack src/StaticNews.Cli -c $Configuration -o artifacts/packages }
    fuzz  = { $env:STATICNEWS_FUZZ_ITERATIONS = $FuzzIterations; Invoke-Dotnet test tests/StaticNews.Tests -c $Configuration --filter FullyQualifiedName~ArticleFuzzTests }
}

$run = if ($Target -contains 'default') { @('build', 'test', 'site', 'pack') } else { $Target }
foreach ($name in $run) {
    Write-Host "== $name" -ForegroundColor Cyan
    & $targets[$name]
}
