using Sessions.Core.Accreditation;
using Sessions.Core.Common;
using Sessions.Core.Organisations;

namespace Sessions.Tests.Organisations;

public sealed class OrganisationImportTests
{
    private static List<ImportedOrganisation> Read(string csv, KnownOrganisations? known = null)
    {
        var vocabulary = new ImportVocabulary();
        vocabulary.AddCategory("Non-governmental / civil society organisation", OrganisationCategory.NonGovernmentalOrganisation);
        vocabulary.AddCategory("Organisation non gouvernementale / de la société civile", OrganisationCategory.NonGovernmentalOrganisation);
        var rows = OrganisationImport.Read(Csv.Parse(csv), vocabulary);
        OrganisationImport.Classify(rows, known ?? new KnownOrganisations());
        return rows;
    }

    [Theory]
    [InlineData("  Plain name ", "Plain name")]
    [InlineData("Two\r\nlines", "Two lines")]
    [InlineData("Tab\tand \n\t  break", "Tab and break")]
    [InlineData("Bell\u0007\u0000NUL\u2028separator\u0085", "Bell NUL separator")]
    [InlineData("برنامج\nالأمم المتحدة", "برنامج الأمم المتحدة")]
    public void Control_characters_in_a_cell_fold_to_one_space(string cell, string text)
    {
        Assert.Equal(text, OrganisationImport.CellText(cell));
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order_and_case()
    {
        var rows = Read("country;CATEGORY;name;name_fr;Acronym\nFR;Other;City of Paris;Ville de Paris;CoP\n");
        var row = Assert.Single(rows);
        Assert.Equal("City of Paris", row.Name);
        Assert.Equal(Languages.English, row.Language);
        Assert.Equal("Ville de Paris", row.Names[Languages.French]);
        Assert.Equal(OrganisationCategory.Other, row.Category);
        Assert.Equal("FR", row.CountryCode);
        Assert.Equal(ImportRowStatus.New, row.Status);
    }

    [Fact]
    public void Categories_countries_and_accreditation_are_read_from_names_or_labels_in_any_language()
    {
        var rows = Read("Name,Category,Country,Accreditation,AccreditationStatus\n" +
                        "A,Organisation non gouvernementale / de la société civile,Allemagne,EcosocSpecial,\n" +
                        "B,non-governmental / CIVIL society organisation,Германия,HabitatIII,Pending\n");
        Assert.All(rows, r => Assert.Equal(OrganisationCategory.NonGovernmentalOrganisation, r.Category));
        Assert.All(rows, r => Assert.Equal("DE", r.CountryCode));
        Assert.Equal(AccreditationBasis.EcosocSpecial, rows[0].Accreditation);
        Assert.Equal(AccreditationStatus.Granted, rows[0].AccreditationStatus);
        Assert.Equal(AccreditationStatus.Pending, rows[1].AccreditationStatus);
    }

    [Fact]
    public void Invalid_rows_say_why()
    {
        var rows = Read(
            "Name,Category,Country,Email,Website,Language\n" +
            ",Other,,,,\n" +
            "Valid,Nonsense,,,,\n" +
            "Valid 2,Other,Atlantis,,,\n" +
            "Valid 3,Other,,not-an-email,,\n" +
            $"{new string('x', 401)},Other,,,,\n" +
            "Valid 4,,,,not a website,\n" +
            "Valid 5,Other,,,,klingon\n");
        Assert.All(rows, r => Assert.Equal(ImportRowStatus.Invalid, r.Status));
        Assert.Equal(ImportProblem.MissingName, rows[0].Problems.Single().Problem);
        Assert.Equal(new RowProblem(ImportProblem.UnknownCategory, "Nonsense"), rows[1].Problems.Single());
        Assert.Equal(new RowProblem(ImportProblem.UnknownCountry, "Atlantis"), rows[2].Problems.Single());
        Assert.Equal(new RowProblem(ImportProblem.BadEmail, "not-an-email"), rows[3].Problems.Single());
        Assert.Equal(ImportProblem.NameTooLong, rows[4].Problems.Single().Problem);
        Assert.Equal([ImportProblem.MissingCategory, ImportProblem.BadWebsite], rows[5].Problems.Select(p => p.Problem));
        Assert.Equal(new RowProblem(ImportProblem.UnknownLanguage, "klingon"), rows[6].Problems.Single());
        Assert.All(rows, r => Assert.False(r.CanKeep));
    }

    [Fact]
    public void Duplicates_inside_the_file_point_to_the_first_row()
    {
        var rows = Read(
            "Name,Category,Acronym,Website\n" +
            "Habitat International Coalition,Other,HIC,hic-net.org\n" +
            "HABITAT  international coalition.,Other,,\n" +
            "Another Coalition,Other,H.I.C.,\n" +
            "Third,Other,,https://www.hic-net.org/\n");
        Assert.Equal(ImportRowStatus.New, rows[0].Status);
        Assert.Equal((ImportRowStatus.DuplicateInFile, DuplicateField.Name, 2), (rows[1].Status, rows[1].MatchedOn!.Value, rows[1].DuplicateOfRow!.Value));
        Assert.Equal((ImportRowStatus.DuplicateInFile, DuplicateField.Acronym, 2), (rows[2].Status, rows[2].MatchedOn!.Value, rows[2].DuplicateOfRow!.Value));
        Assert.Equal((ImportRowStatus.DuplicateInFile, DuplicateField.Website, 2), (rows[3].Status, rows[3].MatchedOn!.Value, rows[3].DuplicateOfRow!.Value));
        Assert.False(rows[1].CanKeep);
        Assert.True(rows[2].CanKeep);
    }

    [Fact]
    public void Duplicates_of_known_organisations_are_found_by_original_or_translated_name_first()
    {
        var known = new KnownOrganisations();
        known.Add(7, "UN-Habitat", ["un habitat", NameNormaliser.Normalise("Programme des Nations Unies pour les établissements humains")], "unhabitat", "unhabitat.org");
        var rows = Read(
            "Name,Category,Acronym\n" +
            "programme des nations unies pour les etablissements humains,Other,\n" +
            "Something else,Other,UN-HABITAT\n", known);
        Assert.Equal((ImportRowStatus.DuplicateOfExisting, DuplicateField.Name, 7), (rows[0].Status, rows[0].MatchedOn!.Value, rows[0].ExistingOrganisationId!.Value));
        Assert.Equal((ImportRowStatus.DuplicateOfExisting, DuplicateField.Acronym, 7), (rows[1].Status, rows[1].MatchedOn!.Value, rows[1].ExistingOrganisationId!.Value));
    }

    [Fact]
    public void A_file_without_a_name_column_or_without_rows_is_refused()
    {
        Assert.Contains("no Name column", Assert.Throws<DomainException>(() => Read("Title,Acronym\nx,y\n")).Message, StringComparison.Ordinal);
        Assert.Equal("The file has a header row but no organisations.", Assert.Throws<DomainException>(() => Read("Name,Acronym\n")).Message);
        Assert.Equal("The file is empty.", Assert.Throws<DomainException>(() => Read("")).Message);
    }

    [Fact]
    public void More_than_twenty_thousand_rows_are_refused()
    {
        var csv = "Name\n" + string.Join("\n", Enumerable.Range(0, OrganisationImport.MaxRows + 1).Select(i => $"Org {i}"));
        var error = Assert.Throws<DomainException>(() => Read(csv));
        Assert.Equal("The file has more than {0} rows. Split it into smaller files.", error.Message);
    }

    [Fact]
    public void Twenty_thousand_rows_with_duplicates_are_sorted_with_look_ups()
    {
        var known = new KnownOrganisations();
        for (var i = 0; i < 20_000; i += 2)
        {
            known.Add(i + 1, $"Org {i}", [NameNormaliser.Normalise($"Org {i}")], "", "");
        }

        var lines = Enumerable.Range(0, 19_999).Select(i => $"Org {i},Other").Append("ORG 1,Other");
        var rows = Read("Name,Category\n" + string.Join("\n", lines), known);
        Assert.Equal(20_000, rows.Count);
        Assert.Equal(10_000, rows.Count(r => r.Status == ImportRowStatus.DuplicateOfExisting));
        Assert.Equal(9_999, rows.Count(r => r.Status == ImportRowStatus.New));
        Assert.Equal(3, rows.Single(r => r.Status == ImportRowStatus.DuplicateInFile).DuplicateOfRow);
    }
}
