namespace Sinergi.Tests.Testing;

/// <summary>The real time, until a test sets or moves it: then every instant the app reads comes from here.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
