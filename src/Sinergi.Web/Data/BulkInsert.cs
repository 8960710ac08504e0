using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sinergi.Data;

/// <summary>
/// Writes many new rows of one table through one command, reused row after row, inside the
/// context's open transaction. EF Core sends a command per row on SQLite and spends far more time
/// on each than SQLite does: an import of 10,000 agreements (some 50,000 rows with their lists,
/// history and search text) took ten seconds in SaveChanges alone. The table, its columns, value
/// converters and parameter types all come from the EF model, so a row is written as SaveChanges
/// would write it; what SaveChanges adds on top (timestamps, relationship fix-up) is the caller's.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    private readonly DbCommand _command;
    private readonly IProperty[] _columns;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly IProperty? _generatedKey;

    private BulkInsert(AppDbContext db, IEntityType type, IProperty[] columns, IProperty? generatedKey)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the context's transaction, so that a failure saves nothing.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

        _columns = columns;
        _generatedKey = generatedKey;
        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(Column))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => ParameterName(i)))})"
            + (generatedKey is null ? "" : $" RETURNING {Column(generatedKey)}");
        // The parameters are made once, typed as EF types them, and take each row's values in turn.
        _mappings = columns.Select(p => (RelationalTypeMapping)p.GetTypeMapping()).ToArray();
        for (var i = 0; i < columns.Length; i++)
            _command.Parameters.Add(_mappings[i].CreateParameter(_command, ParameterName(i), null, columns[i].IsNullable));
    }

    /// <summary>A value as the column stores it: through the property's converter, as EF's own parameters do.</summary>
    private static object? ToProvider(RelationalTypeMapping mapping, object? value) => value switch
    {
        null => null,
        _ when mapping.Converter is { } converter => converter.ConvertToProvider(value),
        Enum e => Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>Rows of an entity type with only mapped CLR properties; a key the database generates is read back into the entity.</summary>
    public static BulkInsert<T> Of<T>(AppDbContext db) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (type.GetProperties().FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is a shadow property, which bulk inserts cannot read.");
        var key = type.FindPrimaryKey()!.Properties;
        var generated = key is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only : null;
        return new BulkInsert<T>(new BulkInsert(db, type, type.GetProperties().Where(p => p != generated).ToArray(), generated), generated);
    }

    /// <summary>The join rows of a many-to-many navigation: (owner, related entity) pairs.</summary>
    public static BulkJoinInsert OfJoin(AppDbContext db, ISkipNavigation navigation)
    {
        var join = navigation.JoinEntityType;
        var own = navigation.ForeignKey;
        var other = join.GetForeignKeys().Single(fk => fk != own);
        if (own.Properties.Count != 1 || other.Properties.Count != 1)
            throw new NotSupportedException($"The join of {navigation.Name} has a composite key, which bulk inserts do not write.");
        return new BulkJoinInsert(new BulkInsert(db, join, [own.Properties[0], other.Properties[0]], null),
            own.PrincipalKey.Properties[0].GetGetter(), other.PrincipalKey.Properties[0].GetGetter());
    }

    /// <summary>Writes one row (values in column order); returns the generated key, if the table has one.</summary>
    public async Task<object?> InsertAsync(object?[] values, CancellationToken ct)
    {
        for (var i = 0; i < _columns.Length; i++)
            _command.Parameters[i].Value = ToProvider(_mappings[i], values[i]) ?? DBNull.Value;
        if (_generatedKey is null)
        {
            await _command.ExecuteNonQueryAsync(ct);
            return null;
        }
        return await _command.ExecuteScalarAsync(ct);
    }

    public IReadOnlyList<IProperty> Columns => _columns;

    private static string ParameterName(int index) => $"@p{index}";

    public void Dispose() => _command.Dispose();
}

/// <summary>Bulk inserts of one entity type; see <see cref="BulkInsert"/>.</summary>
internal sealed class BulkInsert<T>(BulkInsert rows, IProperty? generatedKey) : IDisposable where T : class
{
    private readonly IClrPropertyGetter[] _getters = rows.Columns.Select(p => p.GetGetter()).ToArray();

    public async Task InsertAsync(T entity, CancellationToken ct)
    {
        var key = await rows.InsertAsync(_getters.Select(g => g.GetClrValue(entity)).ToArray(), ct);
        if (generatedKey is not null)
            generatedKey.PropertyInfo!.SetValue(entity, Convert.ChangeType(key, generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => rows.Dispose();
}

/// <summary>Bulk inserts of a many-to-many join table; see <see cref="BulkInsert"/>.</summary>
internal sealed class BulkJoinInsert(BulkInsert rows, IClrPropertyGetter ownKey, IClrPropertyGetter otherKey) : IDisposable
{
    public Task InsertAsync(object owner, object related, CancellationToken ct) =>
        rows.InsertAsync([ownKey.GetClrValue(owner), otherKey.GetClrValue(related)], ct);

    public void Dispose() => rows.Dispose();
}
