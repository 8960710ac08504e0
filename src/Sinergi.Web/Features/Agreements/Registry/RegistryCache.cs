using Microsoft.Extensions.Caching.Memory;

namespace Sinergi.Features.Agreements.Registry;

/// <summary>
/// Figures about a region's registry that take the database a whole pass over the region to
/// read (counts per status, the order of a filtered view, the OPD list of the filters), kept in memory under the registry
/// version they were read at (<see cref="Sinergi.Features.Regions.Region.RegistryVersion"/>). A change anywhere
/// raises the version, so the next reader misses and reads afresh: nothing stale is ever served,
/// and an unused entry simply ages out.
/// </summary>
public sealed class RegistryCache : IDisposable
{
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    /// <summary>The value under <paramref name="key"/>, read by <paramref name="read"/> when it is not kept yet.</summary>
    /// <param name="size">Its weight against the limit of 20,000: 1 unless it is a long list.</param>
    public Task<T> GetOrReadAsync<T>(object key, Func<Task<T>> read, Func<T, int>? size = null) =>
        KeepAsync(key, read, value => new MemoryCacheEntryOptions { Size = size?.Invoke(value) ?? 1, SlidingExpiration = TimeSpan.FromMinutes(10) });

    /// <summary>
    /// Reference data that only changes when <c>migrate</c> loads a new list (the urusan): kept
    /// for a few minutes whatever the registry does.
    /// </summary>
    public Task<T> GetOrReadReferenceAsync<T>(string name, Func<Task<T>> read) =>
        KeepAsync(name, read, _ => new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) });

    private async Task<T> KeepAsync<T>(object key, Func<Task<T>> read, Func<T, MemoryCacheEntryOptions> options)
    {
        if (entries.TryGetValue(key, out T? kept))
            return kept!;
        var value = await read();
        entries.Set(key, value, options(value));
        return value;
    }

    public void Dispose() => entries.Dispose();
}
