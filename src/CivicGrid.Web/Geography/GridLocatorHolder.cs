namespace CivicGrid.Web.Geography;

/// <summary>
/// The one grid index all requests share (a singleton). When grids change, a new
/// <see cref="GridLocator"/> is built aside and swapped in whole: a request keeps the locator it
/// read, so it never sees a half-built index.
/// </summary>
public sealed class GridLocatorHolder
{
    private GridLocator _current = GridLocator.Empty;

    public GridLocator Current => Volatile.Read(ref _current);

    /// <summary>Makes <paramref name="locator"/> the current index and returns the one it replaces.</summary>
    public GridLocator Replace(GridLocator locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        return Interlocked.Exchange(ref _current, locator);
    }

    public GridPlacement Locate(double latitude, double longitude, double toleranceMetres) =>
        Current.Locate(latitude, longitude, toleranceMetres);
}
