#!/usr/bin/env pwsh
# StaticNews build script. Run: dotnet tool restore; dotnet pwsh ./build.ps1 [target ...]
# With no target it runs build, test, site and pack in order.
[CmdletBinding()]
param(
    [Parameter(Position = 0, ValueFromRemainingArguments = $true)]
    [ValidateSet('default', 'build', 'test', 'site', 'pack', 'publish', 'fuzz', 'bench', 'micro')]
    [string[]] $Target = @('default'),
    [string] $Configuration = 'Release',
    # Iterations of the article fuzz harness for the 'fuzz' target (the normal test run does 300).
    [int] $FuzzIterations = 20000
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

# @args hands each argument on as a bare word: PowerShell splits an unquoted list (1000,10000) into two arguments and, on
# Unix, expands a wildcard ('*', quoted or not) into the names of the current folder's files. Quote lists; pass no wildcard.
function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

$targets = [ordered]@{
    build = { Invoke-Dotnet build StaticNews.sln -c $Configuration }
    test  = { Invoke-Dotnet test StaticNews.sln -c $Configuration }
    site  = { Invoke-Dotnet run --project src/StaticNews.Cli -c $Configuration -- build site }
    pack  = { Invoke-Dotnet pack src/StaticNews.Cli -c $Configuration -o artifacts/packages }
    # The build for CI: self-contained and compiled natively for this machine's platform (ReadyToRun where no C toolchain
    # links it), in artifacts/staticnews.
    publish = { Invoke-Dotnet publish src/StaticNews.Cli '-p:PublishProfile=Fast' -r ([System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier) -o artifacts/staticnews }
    # Generated sites of 1,000 and 10,000 articles built cold three times each by StaticNews (as 'publish' makes it) and,
    # where installed, by Hugo (apt-get install hugo), side by side; medians and ratios are printed, never asserted.
    bench = { Invoke-Dotnet run --project tests/StaticNews.Benchmarks -c Release -- compare --sizes '1000,10000' --runs 3 }
    # Every hot-path benchmark: micro with no arguments runs them all.
    micro = { Invoke-Dotnet run --project tests/StaticNews.Benchmarks -c Release -- micro }
    fuzz  = { $env:STATICNEWS_FUZZ_ITERATIONS = $FuzzIterations; Invoke-Dotnet test tests/StaticNews.Tests -c $Configuration --filter FullyQualifiedName~ArticleFuzzTests }
}

$run = if ($Target -contains 'default') { @('build', 'test', 'site', 'pack') } else { $Target }
foreach ($name in $run) {
    Write-Host "== $name" -ForegroundColor Cyan
    & $targets[$name]
}
