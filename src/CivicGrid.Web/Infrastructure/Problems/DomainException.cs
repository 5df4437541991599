namespace CivicGrid.Web.Infrastructure.Problems;

/// <summary>
/// A request the domain refuses. <see cref="MessageKey"/> names a localised text in
/// <c>Text.resx</c>; the one exception handler turns it into problem+json (API) and pages
/// show the same text beside the form.
/// </summary>
public sealed class DomainException(int status, string messageKey, params object[] args) : Exception(messageKey)
{
    public int Status { get; } = status;
    public string MessageKey { get; } = messageKey;
    public object[] Args { get; } = args;
    /// <summary>Field → message keys, for 400s that point at the fields that are wrong.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; init; } = new Dictionary<string, string[]>();
    /// <summary>More members of the problem+json, e.g. the problems of an uploaded file, one by one.</summary>
    public IDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    public static DomainException NotFound(string messageKey = "Problem.NotFound", params object[] args) => new(StatusCodes.Status404NotFound, messageKey, args);
    public static DomainException Conflict(string messageKey, params object[] args) => new(StatusCodes.Status409Conflict, messageKey, args);
    public static DomainException Forbidden(string messageKey, params object[] args) => new(StatusCodes.Status403Forbidden, messageKey, args);
    public static DomainException BadRequest(string messageKey, params object[] args) => new(StatusCodes.Status400BadRequest, messageKey, args);

    /// <summary>429: too many tries; the response tells when to try again (Retry-After).</summary>
    public static DomainException TooMany(TimeSpan retryAfter, string messageKey, params object[] args) =>
        new(StatusCodes.Status429TooManyRequests, messageKey, args) { RetryAfter = retryAfter };

    /// <summary>For 429: how long the caller should wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static DomainException Invalid(IReadOnlyDictionary<string, string[]> fieldErrors) =>
        new(StatusCodes.Status400BadRequest, "Problem.Invalid") { FieldErrors = fieldErrors };
}
