using Sessions.Core.Organisations;

namespace Sessions.Benchmarks;

/// <summary>People's and organisations' names in the scripts a real Assembly sees (Latin with accents, Cyrillic, Arabic, Chinese, Greek, Devanagari).</summary>
public sealed class SyntheticNames(Random random)
{
    private static readonly (string Language, string[] Given, string[] Family)[] People =
    [
        ("en", ["Amina", "John", "Grace", "Peter", "Sarah", "David", "Wanjiru", "Kofi", "Olivia", "Samuel"], ["Otieno", "Smith", "Mensah", "Okafor", "Brown", "Kariuki", "Taylor", "Nkosi", "Wilson", "Banda"]),
        ("fr", ["Aïssatou", "Étienne", "Hélène", "François", "Mamadou", "Cécile", "Noël", "Zoé"], ["Diallo", "Lefèvre", "Ndiaye", "Girard", "Traoré", "Beaumont", "Camara", "Rousseau"]),
        ("es", ["José", "María", "Inés", "Ángel", "Lucía", "Andrés", "Begoña", "Raúl"], ["García", "Núñez", "Fernández", "Pérez", "Muñoz", "Jiménez", "Ibáñez", "Sánchez"]),
        ("ru", ["Анна", "Сергей", "Ольга", "Дмитрий", "Наталья", "Алексей", "Ирина", "Михаил"], ["Иванова", "Петров", "Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева", "Морозов"]),
        ("ar", ["محمد", "فاطمة", "أحمد", "ليلى", "يوسف", "مريم", "خالد", "نور"], ["الحسن", "العلي", "منصور", "حداد", "الخطيب", "سليمان", "عبد الله", "النجار"]),
        ("zh", ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋"], ["王", "李", "张", "刘", "陈", "杨", "黄", "赵"]),
        ("en", ["Γιώργος", "Μαρία", "Νίκος", "Ελένη"], ["Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Νικολάου"]),
        ("en", ["अनिल", "प्रिया", "राहुल", "सुनीता"], ["शर्मा", "पटेल", "वर्मा", "सिंह"]),
    ];

    private static readonly (string Language, string Format, string[] A, string[] B)[] Organisations =
    [
        ("en", "{0} {1} Network", ["Urban", "Slum Dwellers", "Women's", "Youth", "Housing", "Water", "Climate", "Land Rights", "Planners'", "Cities"], ["Alliance", "Coalition", "Forum", "Action", "Federation", "Initiative", "Collective", "Council"]),
        ("fr", "{1} pour {0}", ["l'habitat durable", "la ville inclusive", "le logement décent", "les femmes urbaines", "l'eau et l'assainissement", "la résilience des villes"], ["Association", "Fondation", "Réseau", "Collectif", "Institut", "Observatoire"]),
        ("es", "{1} por {0}", ["la vivienda digna", "las ciudades sostenibles", "el derecho a la ciudad", "los barrios populares", "el agua"], ["Fundación", "Red", "Asociación", "Colectivo", "Observatorio", "Instituto"]),
        ("ru", "{1} «{0}»", ["Городская среда", "Жильё для всех", "Устойчивый город", "Зелёные города", "Доступная вода"], ["Фонд", "Ассоциация", "Центр", "Союз", "Институт"]),
        ("ar", "{1} {0}", ["المدن المستدامة", "الإسكان اللائق", "التنمية الحضرية", "المياه للجميع", "المرأة في المدينة"], ["مؤسسة", "جمعية", "شبكة", "مركز", "منتدى"]),
        ("zh", "{0}{1}", ["城市可持续发展", "住房保障", "绿色城市", "社区营造", "城乡规划"], ["协会", "基金会", "研究中心", "联合会", "促进会"]),
    ];

    public (string Given, string Family, string Language) Person()
    {
        var (language, given, family) = People[random.Next(People.Length)];
        return (given[random.Next(given.Length)], family[random.Next(family.Length)], language);
    }

    /// <summary>A name unique by its serial number, as organisations' names are unique in the register.</summary>
    public (string Name, string Language) Organisation(int serial)
    {
        var (language, format, a, b) = Organisations[random.Next(Organisations.Length)];
        return (string.Format(System.Globalization.CultureInfo.InvariantCulture, format, a[random.Next(a.Length)], b[random.Next(b.Length)]) + $" {serial}", language);
    }

    public static OrganisationCategory[] StakeholderCategories =>
    [
        OrganisationCategory.NonGovernmentalOrganisation, OrganisationCategory.NonGovernmentalOrganisation, OrganisationCategory.NonGovernmentalOrganisation,
        OrganisationCategory.LocalOrRegionalGovernment, OrganisationCategory.PrivateSector, OrganisationCategory.AcademicAndResearch,
        OrganisationCategory.ProfessionalAssociation, OrganisationCategory.GrassrootsOrganisation, OrganisationCategory.Foundation, OrganisationCategory.Other,
    ];
}
