#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and packages CrmTools (for people who have pwsh; CI uses the same dotnet commands).
.EXAMPLE
    ./build.ps1 -Task Package
    Import-Module ./out/CrmTools/CrmTools.psd1
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Pester')]
    [string[]] $Task = @('Package'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-DotNet {
    param([string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

foreach ($step in $Task) {
    switch ($step) {
        # Building the cmdlet project also packages the module into out/CrmTools (src/CrmTools/Package.targets).
        'Build'   { Invoke-DotNet @('build', 'CrmTools.sln', '-c', $Configuration) }
        'Package' {
            Invoke-DotNet @('build', 'src/CrmTools/CrmTools.csproj', '-c', $Configuration)
            Test-ModuleManifest -Path (Join-Path $PSScriptRoot 'out/CrmTools/CrmTools.psd1') | Out-Null
            Write-Host "Module ready: $(Join-Path $PSScriptRoot 'out/CrmTools')" -ForegroundColor Green
        }
        'Test'    { Invoke-DotNet @('test', 'CrmTools.sln', '-c', $Configuration) }
        'Pester'  {
            Invoke-DotNet @('build', 'src/CrmTools/CrmTools.csproj', '-c', $Configuration)
            Invoke-Pester -Path (Join-Path $PSScriptRoot 'tests/Pester') -Output Detailed
        }
    }
}
