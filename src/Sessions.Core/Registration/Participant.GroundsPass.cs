using Sessions.Core.Audit;

namespace Sessions.Core.Registration;

/// <summary>The grounds pass: the photo on the badge and the identity data a session may ask for, erased after the session.</summary>
public partial class Participant
{
    /// <summary>The re-encoded photo (a <see cref="Files.StoredFile"/>), never the bytes as uploaded.</summary>
    public Guid? PhotoFileId { get; private set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    [Confidential]
    public string? Nationality { get; private set; }

    [Confidential]
    public string? IdentityDocumentNumber { get; private set; }

    [Confidential]
    public DateOnly? IdentityDocumentExpiresOn { get; private set; }

    /// <summary>When the retention job erased the photo and identity data.</summary>
    public DateTime? GroundsPassErasedAt { get; private set; }

    public GroundsPassState GroundsPass => new(PhotoFileId is not null, Nationality, IdentityDocumentNumber, IdentityDocumentExpiresOn);

    /// <summary>Takes the new photo; returns the one it replaces, whose file is to be deleted.</summary>
    public Guid? ReplacePhoto(Guid photoFileId)
    {
        var previous = PhotoFileId;
        PhotoFileId = photoFileId;
        return previous;
    }

    public void GiveIdentityDocument(IdentityDocument document)
    {
        Nationality = document.Nationality;
        IdentityDocumentNumber = document.DocumentNumber;
        IdentityDocumentExpiresOn = document.ExpiresOn;
    }

    /// <summary>Erases the photo and identity data; returns the photo whose file is to be deleted. Nothing happens to what is already erased.</summary>
    public Guid? EraseGroundsPass(DateTime at)
    {
        var photo = PhotoFileId;
        if (photo is null && Nationality is null && IdentityDocumentNumber is null && IdentityDocumentExpiresOn is null)
        {
            return null;
        }

        PhotoFileId = null;
        Nationality = null;
        IdentityDocumentNumber = null;
        IdentityDocumentExpiresOn = null;
        GroundsPassErasedAt = at;
        return photo;
    }
}
