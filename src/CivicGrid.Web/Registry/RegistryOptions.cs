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
}
