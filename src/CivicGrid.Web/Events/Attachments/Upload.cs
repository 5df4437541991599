namespace CivicGrid.Web.Events.Attachments;

/// <summary>A file as it arrives, from a form or the API.</summary>
public sealed record Upload(string FileName, long Length, Func<Stream> Open)
{
    public static Upload From(IFormFile file) => new(file.FileName, file.Length, file.OpenReadStream);
}
