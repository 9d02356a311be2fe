using System.Linq;
using CrmTools.Engine.Nimble.Models;
using CrmTools.Tests.Harness;
using Xunit;

namespace CrmTools.Tests.Nimble
{
    public class NimbleNoteTests : NimbleTestBase
    {
        public NimbleNoteTests(SandboxFixture fixture) : base(fixture)
        {
            Nimble.Reseed();
        }

        [Fact]
        public void Notes_are_created_on_several_contacts_listed_per_contact_updated_and_removed()
        {
            var r = RunConnected(@"
                $ids = @(Get-NimbleContact -RecordType person -IdOnly -First 2)
                $note = New-NimbleContactNote -ContactId $ids -Note ""Called about the renewal.`nWants a quote.""
                $note
                @(Get-NimbleContactNote -ContactId $ids[1]).Count
                ($note | Set-NimbleContactNote -Note 'Quote sent.').NotePreview
                (Get-NimbleContactNote -Id $note.Id).Contacts.Count
                $note | Remove-NimbleContactNote -Force
                @($ids[0] | Get-NimbleContactNote).Count").EnsureSuccess();
            var note = (NimbleContactNote)r.Output[0].BaseObject;
            Assert.Equal("Called about the renewal.", note.NotePreview);
            Assert.Equal(2, note.Contacts!.Count);
            Assert.Equal(new object[] { 1, "Quote sent.", 2, 0 }, r.Objects.Skip(1).ToArray());
        }

        [Fact]
        public void A_note_needs_one_to_ten_contacts_and_a_missing_note_is_not_found()
        {
            var r = RunConnected(@"
                $ids = @(Get-NimbleContact -IdOnly -First 11)
                New-NimbleContactNote -ContactId $ids -Note x
                Get-NimbleContactNote -Id 000000000000000000000000");
            Assert.Equal(2, r.Errors.Count);
            Assert.StartsWith("Nimble.InvalidArgument", r.Errors[0].FullyQualifiedErrorId);
            Assert.Contains("1 to 10 contacts", r.Errors[0].Exception.Message);
            Assert.StartsWith("Nimble.NoteNotFound", r.Errors[1].FullyQualifiedErrorId);
            Assert.Equal(0, Count("/api/v1/contacts/notes", "POST"));
        }
    }
}
