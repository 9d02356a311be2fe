# A short real session against the local sandbox: what the README's first command runs.
# Run it with: dotnet run --project tools/CrmTools.Host -c Release -- examples/demo.ps1

Write-Host '== Start the sandbox (a local emulator of the services)'
$sandbox = Start-CrmSandbox
$sandbox

Write-Host "`n== Connect to ProPipelines with the sandbox's API key"
Connect-Ppl -BaseUri $sandbox.PplUri -ApiKey $sandbox.PplApiKey -Verbose
Get-CrmConnection

Write-Host "`n== The ten most recently created leads still to do, in the default table view"
Get-PplLead -Status todo -OrderBy creation_date -First 10 -IncludeTotalCount

Write-Host "`n== One lead by id, with its details"
$lead = Get-PplLead -First 1
$full = $lead | Get-PplLead
$full | Out-Default
"Owner: {0} <{1}>   Client folder: {2}" -f $full.ExtendedInfo.User.DisplayName, $full.ExtendedInfo.User.Email, $full.ClientFolderName

Write-Host "`n== A lead that does not exist: a non-terminating error record"
Get-PplLead -Id 999999 -ErrorVariable notFound -ErrorAction SilentlyContinue
$notFound | ForEach-Object {
    "ErrorId:  $($_.FullyQualifiedErrorId)"
    "Category: $($_.CategoryInfo.Category)"
    "Message:  $($_.Exception.Message)"
}

Stop-CrmSandbox
