namespace CivicGrid.Web.Registry.Persons;

public static class Ages
{
    /// <summary>Whole years on <paramref name="day"/>; a person born on 29 February turns a year older on 1 March.</summary>
    public static int On(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return (day.Month, day.Day).CompareTo((birthDate.Month, birthDate.Day)) < 0 ? age - 1 : age;
    }
}
