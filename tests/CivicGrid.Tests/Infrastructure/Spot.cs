namespace CivicGrid.Tests.Infrastructure;

/// <summary>A position on the ground, WGS-84.</summary>
public sealed record Spot(double Latitude, double Longitude);
