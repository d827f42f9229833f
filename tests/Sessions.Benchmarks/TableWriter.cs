using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sessions.Benchmarks;

/// <summary>
/// Inserts entities with one prepared, parameterised INSERT per table, its columns and value conversions
/// read from the EF model: as fast as raw SQL, and it follows the schema when a column is added.
/// Store-generated integer keys come back through RETURNING and are set on the entity.
/// </summary>
public sealed class TableWriter<T> : IDisposable
    where T : class
{
    private readonly SqliteCommand _command;
    private readonly List<(IProperty Property, DbParameter Parameter)> _columns = [];
    private readonly IProperty? _generatedKey;

    public TableWriter(DbContext db, SqliteConnection connection)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        _command = connection.CreateCommand();
        var names = new List<string>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never && property.ClrType == typeof(int))
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

    public SqliteTransaction? Transaction
    {
        get => _command.Transaction;
        set => _command.Transaction = value;
    }

    public void Insert(T entity)
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

        if (_generatedKey is null)
        {
            _command.ExecuteNonQuery();
            return;
        }

        var id = Convert.ToInt32(_command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        _generatedKey.PropertyInfo!.SetValue(entity, id);
    }

    public void Dispose() => _command.Dispose();
}
