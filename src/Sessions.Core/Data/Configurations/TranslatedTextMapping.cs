using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Common;

namespace Sessions.Core.Data.Configurations;

/// <summary>
/// How a <see cref="TranslatedText"/> is stored: as columns of its owner, the original under the property's own name
/// ("Title") so existing queries and indexes keep reading it, its language and one column per translation ("Title_ar").
/// </summary>
public static class TranslatedTextMapping
{
    public static ComplexPropertyBuilder<TranslatedText> IsTranslatedText(this ComplexPropertyBuilder<TranslatedText> builder, string column, int maxLength)
    {
        builder.IsRequired();
        return builder.Columns(column, maxLength);
    }

    /// <summary>A text a record may lack (a meeting's name): all its columns are empty when it has none.</summary>
    public static ComplexPropertyBuilder<TranslatedText> IsOptionalTranslatedText(this ComplexPropertyBuilder<TranslatedText> builder, string column, int maxLength)
    {
        builder.IsRequired(false);
        return builder.Columns(column, maxLength);
    }

    private static ComplexPropertyBuilder<TranslatedText> Columns(this ComplexPropertyBuilder<TranslatedText> builder, string column, int maxLength)
    {
        builder.Property(t => t.Original).HasColumnName(column).HasMaxLength(maxLength).IsRequired();
        builder.Property(t => t.OriginalLanguage).HasColumnName(column + "Language").HasMaxLength(2).IsRequired();
        builder.Property(t => t.Ar).HasColumnName(column + "_ar").HasMaxLength(maxLength);
        builder.Property(t => t.Zh).HasColumnName(column + "_zh").HasMaxLength(maxLength);
        builder.Property(t => t.En).HasColumnName(column + "_en").HasMaxLength(maxLength);
        builder.Property(t => t.Fr).HasColumnName(column + "_fr").HasMaxLength(maxLength);
        builder.Property(t => t.Ru).HasColumnName(column + "_ru").HasMaxLength(maxLength);
        builder.Property(t => t.Es).HasColumnName(column + "_es").HasMaxLength(maxLength);
        return builder;
    }
}
