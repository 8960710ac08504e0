namespace Sinergi.Data;

/// <summary>A row guarded against lost updates: <see cref="Version"/> is the concurrency token, raised on every save.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>A row that keeps when it was created and last changed; <see cref="AppDbContext"/> stamps both from the app's clock.</summary>
public interface ITimestamped
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}
