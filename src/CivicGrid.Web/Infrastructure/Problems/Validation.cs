namespace CivicGrid.Web.Infrastructure.Problems;

/// <summary>Collects field errors (as message keys) and throws them together, so a client fixes everything at once.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public Validation Require(bool condition, string field, string messageKey)
    {
        if (!condition)
        {
            Add(field, messageKey);
        }

        return this;
    }

    public Validation Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Require(!required, field, "Validation.Required");
        }

        return Require(value.Length <= maxLength, field, "Validation.TooLong");
    }

    public void Add(string field, string messageKey)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(messageKey);
    }

    public bool IsValid => _errors.Count == 0;

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw DomainException.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
