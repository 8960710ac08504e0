namespace Sinergi.Tenancy;

/// <summary>A row owned by one region; the DbContext keeps a user inside their region with it.</summary>
public interface IRegionOwned
{
    string RegionCode { get; }
}
