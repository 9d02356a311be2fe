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

Show-Step 'Bulk: create leads from objects (as from Import-Csv), then delete them in one batched request'
$created = @(
    [pscustomobject]@{ Title = 'Demo Corp'; Description = 'Email: demo@corp.example'; Tag = 'demo' }
    [pscustomobject]@{ Title = 'Zoë & Co'; Description = 'Email: zoe@co.example'; Tag = 'demo' }
) | New-PplLead
$created | Out-Default
$created | Remove-PplLead -Confirm:$false
"Delete requests sent: {0}" -f $sandbox.Sandbox.Control.CountRequests('delete_multiple') | Out-Default

Show-Step 'Nimble: connect with an OAuth token pair, list contacts'
Connect-Nimble -BaseUri $sandbox.NimbleUri -AccessToken $sandbox.NimbleAccessToken -RefreshToken $sandbox.NimbleRefreshToken `
    -ClientId $sandbox.NimbleClientId -ClientSecret $sandbox.NimbleClientSecret -RedirectUri $sandbox.NimbleRedirectUri
Get-NimbleContact -First 5 | Out-Default

Show-Step 'Lime Go: drain the event feed (spooled on disk until the pipeline took each event), then deals through GraphQL'
$null = $sandbox.Sandbox.LimeGo.EnqueueEvents(5)
Connect-LimeGo -BaseUri $sandbox.LimeGoUri -ApiKey $sandbox.LimeGoApiKey
Get-LimeGoFeed -SpoolPath ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'crmtools-demo-spool')) | Out-Default
Get-LimeGoDeal -First 5 | Out-Default

Show-Step 'Userlike -> Lime CRM: a chat conversation becomes a person and a history note (a second send is skipped)'
Connect-LimeCrm -BaseUri $sandbox.LimeCrmUri -ApiKey $sandbox.LimeCrmApiKey
$json = '{"_type": "conversation", "id": 4711, "status": "open", "created_at": "2024-02-22T15:48:45Z", "contact": {"id": 99, "name": "Anna Berg", "email": "anna.berg@acme.example"}, "transcript": [{"sent_at": "2024-02-22T15:49:07Z", "type": "message", "body_plain": "Hello, I have a question.", "sender": {"type": "contact", "id": 99}}, {"sent_at": "2024-02-22T15:49:23Z", "type": "message", "body_plain": "Hello, how can I help you?", "operator_name": "Peter Testman", "sender": {"type": "operator", "id": 1}}]}'
($json | ConvertFrom-UserlikeConversation).Transcript | Out-Default
$json | Send-UserlikeConversationToLimeCrm | Out-Default
$json | Send-UserlikeConversationToLimeCrm | Out-Default

Stop-CrmSandbox
