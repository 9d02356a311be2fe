# Pester 5 tests for machines with pwsh (the xUnit suite in tests/CrmTools.Tests is the CI gate).
# Run: ./build.ps1 -Task Pester

BeforeAll {
    $modulePath = Join-Path $PSScriptRoot '../../out/CrmTools/CrmTools.psd1'
    Import-Module $modulePath -Force
    $script:sandbox = Start-CrmSandbox
    Connect-Ppl -BaseUri $sandbox.PplUri -ApiKey $sandbox.PplApiKey
}

AfterAll {
    Stop-CrmSandbox
    Remove-Module CrmTools -ErrorAction SilentlyContinue
}

Describe 'Module' {
    It 'has a valid manifest' {
        { Test-ModuleManifest (Join-Path $PSScriptRoot '../../out/CrmTools/CrmTools.psd1') } | Should -Not -Throw
    }
    It 'has help with an example for every command' {
        foreach ($command in Get-Command -Module CrmTools) {
            $help = Get-Help $command.Name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because $command.Name
            @($help.Examples.Example).Count | Should -BeGreaterThan 0 -Because $command.Name
        }
    }
}

Describe 'Get-PplLead' {
    It 'streams leads and stops at -First' {
        $sandbox.Sandbox.Control.ResetRequestLog()
        $leads = Get-PplLead -First 5
        $leads.Count | Should -Be 5
        $sandbox.Sandbox.Control.CountRequests('/leads') | Should -Be 1
    }
    It 'stops requesting when Select-Object stops the pipeline' {
        $sandbox.Sandbox.Control.ResetRequestLog()
        Get-PplLead | Select-Object -First 3 | Out-Null
        $sandbox.Sandbox.Control.CountRequests('/leads') | Should -Be 1
    }
    It 'filters by status' {
        Get-PplLead -Status won -First 20 | ForEach-Object { $_.Status | Should -Be 'won' }
    }
    It 'reports a missing lead as Ppl.LeadNotFound and goes on' {
        $first = Get-PplLead -First 1
        $found = $first.Id, 999999 | Get-PplLead -ErrorVariable errs -ErrorAction SilentlyContinue
        @($found).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Ppl.LeadNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
    It 'rejects an unknown status before sending anything' {
        { Get-PplLead -Status nope } | Should -Throw
    }
}

Describe 'Secrets' {
    It 'keeps the API key out of verbose and debug output' {
        $out = Get-PplLead -First 1 -Verbose -Debug 4>&1 5>&1 | Out-String
        $key = [System.Net.NetworkCredential]::new('', $sandbox.PplApiKey).Password
        $out | Should -Not -Match ([regex]::Escape($key))
    }
}

Describe 'Nimble fields' {
    BeforeAll {
        Connect-Nimble -BaseUri $sandbox.NimbleUri -AccessToken $sandbox.NimbleAccessToken
    }
    It 'creates a choice field, adds a choice and deletes the field' {
        $field = New-NimbleContactField -Name 'Pester size' -Tab Info -Kind Choice -Choice S, M
        $field.Choices.Value | Should -Be @('S', 'M')
        (New-NimbleContactFieldChoice -Field 'Pester size' -Value L).Choices.Id | Should -Be @('1', '2', '3')
        Remove-NimbleContactField -Field 'Pester size' -Force
        Get-NimbleContactField -Name 'Pester size' | Should -BeNullOrEmpty
    }
    It 'refuses a presentation that does not fit the kind before sending anything' {
        { New-NimbleContactField -Name X -Tab Info -Kind Boolean -NumberFormat Integer -ErrorAction Stop } | Should -Throw '*number fields*'
    }
}
