# A short real session against the local sandbox: what the README's first command runs.
# Run it with: dotnet run --project tools/CrmTools.Host -c Release -- examples/demo.ps1
# Each step is sent to Out-Default, as an interactive prompt formats each command's output on its own.

function Show-Step([string] $Text) { $Host.UI.WriteLine([ConsoleColor]::Cyan, $Host.UI.RawUI.BackgroundColor, "`n== $Text") }

Show-Step 'Start the sandbox (a local emulator of the services)'
$sandbox = Start-CrmSandbox
$sandbox | Out-Default

Show-Step "Connect to ProPipelines with the sandbox's API key"
Connect-Ppl -BaseUri $sandbox.PplUri -ApiKey $sandbox.PplApiKey -Verbose
Get-CrmConnection | Out-Default

Show-Step 'The ten most recently created leads still to do, in the default table view (with the total)'
Get-PplLead -Status todo -OrderBy creation_date -First 10 -IncludeTotalCount | Out-Default

Show-Step 'One lead by id, with its details'
$lead = Get-PplLead -First 1
$full = $lead | Get-PplLead
$full | Out-Default
"Owner: {0} <{1}>   Team: {2}   Client folder: {3}" -f $full.ExtendedInfo.User.DisplayName, $full.ExtendedInfo.User.Email, $full.TeamName, $full.ClientFolderName | Out-Default

Show-Step 'A lead that does not exist: a non-terminating error record, and the pipeline goes on'
Get-PplLead -Id 999999, $lead.Id -ErrorVariable notFound -ErrorAction SilentlyContinue | Out-Default
$notFound | ForEach-Object {
    "ErrorId:  $($_.FullyQualifiedErrorId)"
    "Category: $($_.CategoryInfo.Category)"
    "Target:   $($_.TargetObject)"
    "Message:  $($_.Exception.Message)"
} | Out-Default

Stop-CrmSandbox
