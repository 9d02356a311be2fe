# CrmTools root module.
#
# The cmdlets are compiled (CrmTools.dll). Their signatures name engine types, and PowerShell
# inspects those types while importing a binary module, before the module's own initializer
# runs. So this tiny script installs the dependency resolver first (a private
# AssemblyLoadContext on PowerShell 7, an AssemblyResolve handler on 5.1; see
# src/CrmTools/Loading/ModuleInitializer.cs) and then imports the cmdlets.
$assembly = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'CrmTools.dll'))
[CrmTools.Loading.ModuleInitializer]::Install()
Import-Module -Assembly $assembly
Export-ModuleMember -Cmdlet *
