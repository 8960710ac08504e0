namespace Sinergi.Web.Domain;

/// <summary>A row owned by one region; the DbContext keeps a user inside their region with it.</summary>
public interface IRegionOwned
{
    string RegionCode { get; }
}

/// <summary>A row guarded against lost updates: <see cref="Version"/> is the concurrency token.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
