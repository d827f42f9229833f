using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sessions.Core.Data;

/// <summary>
/// Inserts entities with prepared, parameterised INSERTs, their columns and value conversions read from
/// the EF model: as fast as raw SQL, and it follows the schema when a column is added. <see cref="Insert"/>
/// writes one row and sets its store-generated key (RETURNING, on SQLite and PostgreSQL);
/// <see cref="InsertManyAsync"/> writes many rows per statement and does not read their keys back.
/// For bulk writes (a notice to 100,000 recipients) where one SaveChanges per row, or change tracking of
/// them all, would be far too slow. Not audited: the caller writes the one audit entry that describes the batch.
/// </summary>
public sealed class TableWriter<T> : IDisposable
    where T : class
{
    // SQLite accepts up to 32,766 parameters in a statement, PostgreSQL 65,535; past ~100 rows a statement gains nothing.
    private const int MaxParameters = 30_000;
    private const int MaxRowsPerStatement = 100;

    private readonly DbConnection _connection;
    private readonly DbCommand _command;
    private readonly List<(IProperty Property, DbParameter Parameter)> _columns = [];
    private readonly IProperty? _generatedKey;
    private readonly DbParameter[] _parameters;
    private readonly string _insertInto;
    private DbCommand? _many;
    private DbParameter[][]? _manyParameters;

    public TableWriter(DbContext db, DbConnection connection)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        _connection = connection;
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
        _parameters = _columns.Select(c => c.Parameter).ToArray();
        _insertInto = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ";
        _command.CommandText = $"{_insertInto}({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))}){returning}";
    }

    public DbTransaction? Transaction { get; set; }

    public void Insert(T entity)
    {
        _command.Transaction = Transaction;
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
        _command.Transaction = Transaction;
        Bind(entity);
        if (_generatedKey is null)
        {
            await _command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        SetKey(entity, await _command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>
    /// Writes the rows, as many per statement as the parameter limit allows (the rest one by one), streaming:
    /// at most one statement's rows are held. Keys are not read back. Returns how many rows were written.
    /// </summary>
    public async Task<int> InsertManyAsync(IEnumerable<T> entities, CancellationToken cancellationToken)
    {
        var perStatement = Math.Clamp(MaxParameters / Math.Max(1, _columns.Count), 1, MaxRowsPerStatement);
        var buffer = new List<T>(perStatement);
        var written = 0;
        foreach (var entity in entities)
        {
            buffer.Add(entity);
            if (buffer.Count < perStatement)
            {
                continue;
            }

            var many = _many ?? CreateMany(perStatement);
            many.Transaction = Transaction;
            for (var row = 0; row < buffer.Count; row++)
            {
                Bind(buffer[row], _manyParameters![row]);
            }

            await many.ExecuteNonQueryAsync(cancellationToken);
            written += buffer.Count;
            buffer.Clear();
        }

        foreach (var entity in buffer)
        {
            await InsertAsync(entity, cancellationToken);
            written++;
        }

        return written;
    }

    private DbCommand CreateMany(int rows)
    {
        var command = _connection.CreateCommand();
        _manyParameters = new DbParameter[rows][];
        var values = new List<string>(rows);
        for (var row = 0; row < rows; row++)
        {
            _manyParameters[row] = new DbParameter[_columns.Count];
            for (var column = 0; column < _columns.Count; column++)
            {
                var parameter = _columns[column].Property.GetRelationalTypeMapping().CreateParameter(command, $"@r{row}c{column}", null, nullable: true);
                command.Parameters.Add(parameter);
                _manyParameters[row][column] = parameter;
            }

            values.Add($"({string.Join(", ", _manyParameters[row].Select(p => p.ParameterName))})");
        }

        command.CommandText = _insertInto + string.Join(", ", values);
        _many = command;
        return command;
    }

    private void Bind(T entity) => Bind(entity, _parameters);

    private void Bind(T entity, DbParameter[] parameters)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            var property = _columns[i].Property;
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            var converter = property.GetTypeMapping().Converter;
            if (converter is not null && value is not null)
            {
                value = converter.ConvertToProvider(value);
            }

            parameters[i].Value = value ?? DBNull.Value;
        }
    }

    private void SetKey(T entity, object? id) =>
        _generatedKey!.PropertyInfo!.SetValue(entity, Convert.ChangeType(id, _generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose()
    {
        _command.Dispose();
        _many?.Dispose();
    }
}
