using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sessions.Core.Data;

/// <summary>
/// Inserts entities with one prepared, parameterised INSERT per table, its columns and value conversions
/// read from the EF model: as fast as raw SQL, and it follows the schema when a column is added.
/// Store-generated integer keys come back through RETURNING (SQLite and PostgreSQL) and are set on the entity.
/// For bulk writes (a notice to 100,000 recipients) where one SaveChanges per row, or change tracking of
/// them all, would be far too slow. Not audited: the caller writes the one audit entry that describes the batch.
/// </summary>
public sealed class TableWriter<T> : IDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly List<(IProperty Property, DbParameter Parameter)> _columns = [];
    private readonly IProperty? _generatedKey;

    public TableWriter(DbContext db, DbConnection connection)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        _command = connection.CreateCommand();
        var names = new List<string>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never && (property.ClrType == typeof(int) || property.ClrType == typeof(long)))
            {
                _generatedKey = property;
                continue;
            }

            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property: the writer cannot read it.");
            }

            var parameter = property.GetRelationalTypeMapping().CreateParameter(_command, "@p" + _columns.Count, null, nullable: true);
            _command.Parameters.Add(parameter);
            _columns.Add((property, parameter));
            names.Add(property.GetColumnName(store)!);
        }

        var returning = _generatedKey is null ? "" : $" RETURNING \"{_generatedKey.GetColumnName(store)}\"";
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))}){returning}";
    }

    public DbTransaction? Transaction
    {
        get => _command.Transaction;
        set => _command.Transaction = value;
    }

    public void Insert(T entity)
    {
        Bind(entity);
        if (_generatedKey is null)
        {
            _command.ExecuteNonQuery();
            return;
        }

        SetKey(entity, _command.ExecuteScalar());
    }

    public async Task InsertAsync(T entity, CancellationToken cancellationToken)
    {
        Bind(entity);
        if (_generatedKey is null)
        {
            await _command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        SetKey(entity, await _command.ExecuteScalarAsync(cancellationToken));
    }

    private void Bind(T entity)
    {
        foreach (var (property, parameter) in _columns)
        {
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            var converter = property.GetTypeMapping().Converter;
            if (converter is not null && value is not null)
            {
                value = converter.ConvertToProvider(value);
            }

            parameter.Value = value ?? DBNull.Value;
        }
    }

    private void SetKey(T entity, object? id) =>
        _generatedKey!.PropertyInfo!.SetValue(entity, Convert.ChangeType(id, _generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => _command.Dispose();
}
