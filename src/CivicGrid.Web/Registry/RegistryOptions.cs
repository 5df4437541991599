using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Registry;

public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>
    /// Where the keys that encrypt ID numbers and phones live, relative to the content root. Keep it
    /// out of the database and its backups: a stolen database without this folder reads nothing.
    /// </summary>
    [Required]
    public string KeyFolder { get; set; } = "data/keys";

    /// <summary>Where uploaded ledgers wait between their dry run and their import, relative to the content root.</summary>
    [Required]
    public string ImportFolder { get; set; } = "data/registry-imports";

    /// <summary>The largest ledger file accepted; 100,000 persons as .xlsx are about 10 MB.</summary>
    [Range(1024, long.MaxValue)]
    public long ImportMaxBytes { get; set; } = 50L * 1024 * 1024;
}
