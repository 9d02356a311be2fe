@{
    RootModule           = 'CrmTools.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3c8e-6f0e-4f51-9a3e-2f6d1c9e7a41'
    Author               = 'CrmTools contributors'
    CompanyName          = 'CrmTools'
    Copyright            = '(c) CrmTools contributors. MIT licence.'
    Description          = 'Compiled cmdlets for automating ProPipelines, Nimble, Lime Go and Lime CRM (with Userlike conversations): streaming lists, bulk work with retries and quotas, shared connections, and a local sandbox of every service.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('CrmTools.format.ps1xml')
    TypesToProcess       = @('CrmTools.types.ps1xml')
    CmdletsToExport      = @(
        'Connect-Ppl'
        'Disconnect-Ppl'
        'Get-CrmConnection'
        'Get-PplLead'
        'Start-CrmSandbox'
        'Stop-CrmSandbox'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('CRM', 'ProPipelines', 'Nimble', 'LimeGo', 'LimeCRM', 'Userlike', 'REST', 'API', 'Automation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/crmtools/CrmTools'
            LicenseUri   = 'https://github.com/crmtools/CrmTools/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: foundation. Connect-Ppl (API key, user token, login, log-as), Get-PplLead (every documented filter, streamed paging), Get-CrmConnection, Start-/Stop-CrmSandbox. Retries with backoff and Retry-After, redacted -Verbose/-Debug, isolated dependencies.'
        }
    }
}
