using Sessions.Core.Organisations;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>Organisations of every category for the demo, each named in its own language with translations.</summary>
public static class DemoOrganisations
{
    /// <param name="Key">How the demo names this organisation: never an acronym or a country code, which collide (AU is Australia and the African Union).</param>
    public sealed record Entry(string Key, string Name, string Language, OrganisationCategory Category, string? Acronym, string? CountryCode, string? Website, IReadOnlyDictionary<string, string> Translations);

    private static Dictionary<string, string> Names(string? ar = null, string? zh = null, string? en = null, string? fr = null, string? ru = null, string? es = null)
    {
        var names = new Dictionary<string, string>();
        foreach (var (language, name) in new[] { ("ar", ar), ("zh", zh), ("en", en), ("fr", fr), ("ru", ru), ("es", es) })
        {
            if (name is not null)
            {
                names[language] = name;
            }
        }

        return names;
    }

    public static readonly IReadOnlyList<Entry> All =
    [
        new("palestine", "State of Palestine", "en", OrganisationCategory.ObserverState, null, "PS", "https://palestineun.org",
            Names(ar: "دولة فلسطين", zh: "巴勒斯坦国", fr: "État de Palestine", ru: "Государство Палестина", es: "Estado de Palestina")),
        new("holy-see", "Holy See", "en", OrganisationCategory.ObserverState, null, "VA", "https://www.vatican.va",
            Names(ar: "الكرسي الرسولي", zh: "教廷", fr: "Saint-Siège", ru: "Святейший Престол", es: "Santa Sede")),

        new("undp", "United Nations Development Programme", "en", OrganisationCategory.UnSystemEntity, "UNDP", "US", "https://www.undp.org",
            Names(ar: "برنامج الأمم المتحدة الإنمائي", zh: "联合国开发计划署", fr: "Programme des Nations Unies pour le développement", ru: "Программа развития Организации Объединённых Наций", es: "Programa de las Naciones Unidas para el Desarrollo")),
        new("unep", "United Nations Environment Programme", "en", OrganisationCategory.UnSystemEntity, "UNEP", "KE", "https://www.unep.org",
            Names(ar: "برنامج الأمم المتحدة للبيئة", zh: "联合国环境规划署", fr: "Programme des Nations Unies pour l'environnement", ru: "Программа Организации Объединённых Наций по окружающей среде", es: "Programa de las Naciones Unidas para el Medio Ambiente")),
        new("unicef", "United Nations Children's Fund", "en", OrganisationCategory.UnSystemEntity, "UNICEF", "US", "https://www.unicef.org",
            Names(ar: "منظمة الأمم المتحدة للطفولة", zh: "联合国儿童基金会", fr: "Fonds des Nations Unies pour l'enfance", ru: "Детский фонд Организации Объединённых Наций", es: "Fondo de las Naciones Unidas para la Infancia")),
        new("who", "World Health Organization", "en", OrganisationCategory.UnSystemEntity, "WHO", "CH", "https://www.who.int",
            Names(ar: "منظمة الصحة العالمية", zh: "世界卫生组织", fr: "Organisation mondiale de la Santé", ru: "Всемирная организация здравоохранения", es: "Organización Mundial de la Salud")),
        new("unhcr", "Office of the United Nations High Commissioner for Refugees", "en", OrganisationCategory.UnSystemEntity, "UNHCR", "CH", "https://www.unhcr.org",
            Names(ar: "مفوضية الأمم المتحدة السامية لشؤون اللاجئين", zh: "联合国难民事务高级专员办事处", fr: "Haut-Commissariat des Nations Unies pour les réfugiés", ru: "Управление Верховного комиссара Организации Объединённых Наций по делам беженцев", es: "Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados")),
        new("world-bank", "World Bank Group", "en", OrganisationCategory.UnSystemEntity, "WBG", "US", "https://www.worldbank.org",
            Names(ar: "مجموعة البنك الدولي", zh: "世界银行集团", fr: "Groupe de la Banque mondiale", ru: "Группа Всемирного банка", es: "Grupo Banco Mundial")),

        new("african-union", "African Union", "en", OrganisationCategory.IntergovernmentalOrganisation, "AU", "ET", "https://au.int",
            Names(ar: "الاتحاد الأفريقي", zh: "非洲联盟", fr: "Union africaine", ru: "Африканский союз", es: "Unión Africana")),
        new("european-union", "European Union", "en", OrganisationCategory.IntergovernmentalOrganisation, "EU", "BE", "https://european-union.europa.eu",
            Names(ar: "الاتحاد الأوروبي", zh: "欧洲联盟", fr: "Union européenne", ru: "Европейский союз", es: "Unión Europea")),
        new("arab-league", "جامعة الدول العربية", "ar", OrganisationCategory.IntergovernmentalOrganisation, "LAS", "EG", "http://www.leagueofarabstates.net",
            Names(zh: "阿拉伯国家联盟", en: "League of Arab States", fr: "Ligue des États arabes", ru: "Лига арабских государств", es: "Liga de los Estados Árabes")),
        new("oecd", "Organisation for Economic Co-operation and Development", "en", OrganisationCategory.IntergovernmentalOrganisation, "OECD", "FR", "https://www.oecd.org",
            Names(ar: "منظمة التعاون والتنمية في الميدان الاقتصادي", zh: "经济合作与发展组织", fr: "Organisation de coopération et de développement économiques", ru: "Организация экономического сотрудничества и развития", es: "Organización para la Cooperación y el Desarrollo Económicos")),
        new("cis", "Содружество Независимых Государств", "ru", OrganisationCategory.IntergovernmentalOrganisation, "СНГ", "BY", "https://e-cis.info",
            Names(ar: "رابطة الدول المستقلة", zh: "独立国家联合体", en: "Commonwealth of Independent States", fr: "Communauté des États indépendants", es: "Comunidad de Estados Independientes")),

        new("nairobi-county", "Nairobi City County Government", "en", OrganisationCategory.LocalOrRegionalGovernment, null, "KE", "https://nairobi.go.ke",
            Names(fr: "Gouvernement du comté de la ville de Nairobi", es: "Gobierno del Condado de la Ciudad de Nairobi")),
        new("paris", "Ville de Paris", "fr", OrganisationCategory.LocalOrRegionalGovernment, null, "FR", "https://www.paris.fr",
            Names(ar: "مدينة باريس", zh: "巴黎市", en: "City of Paris", ru: "Город Париж", es: "Ciudad de París")),
        new("mexico-city", "Gobierno de la Ciudad de México", "es", OrganisationCategory.LocalOrRegionalGovernment, null, "MX", "https://www.cdmx.gob.mx",
            Names(en: "Government of Mexico City", fr: "Gouvernement de la ville de Mexico")),
        new("shanghai", "上海市人民政府", "zh", OrganisationCategory.LocalOrRegionalGovernment, null, "CN", "https://www.shanghai.gov.cn",
            Names(en: "Shanghai Municipal People's Government", fr: "Gouvernement populaire municipal de Shanghai")),
        new("moscow", "Правительство Москвы", "ru", OrganisationCategory.LocalOrRegionalGovernment, null, "RU", "https://www.mos.ru",
            Names(en: "Moscow City Government", fr: "Gouvernement de la ville de Moscou")),
        new("arab-towns", "منظمة المدن العربية", "ar", OrganisationCategory.LocalOrRegionalGovernment, "ATO", "KW", "https://www.ato.net",
            Names(en: "Arab Towns Organization", fr: "Organisation des villes arabes", es: "Organización de Ciudades Árabes")),
        new("french-mayors", "Association des maires de France", "fr", OrganisationCategory.LocalOrRegionalGovernment, "AMF", "FR", "https://www.amf.asso.fr",
            Names(en: "Association of Mayors of France", es: "Asociación de Alcaldes de Francia")),
        new("russian-cities", "Ассоциация городов России", "ru", OrganisationCategory.LocalOrRegionalGovernment, null, "RU", null,
            Names(en: "Association of Russian Cities", fr: "Association des villes de Russie")),
        new("uclg", "United Cities and Local Governments", "en", OrganisationCategory.LocalOrRegionalGovernment, "UCLG", "ES", "https://www.uclg.org",
            Names(fr: "Cités et Gouvernements Locaux Unis", es: "Ciudades y Gobiernos Locales Unidos", ar: "منظمة المدن المتحدة والحكومات المحلية")),

        new("hic", "Habitat International Coalition", "en", OrganisationCategory.NonGovernmentalOrganisation, "HIC", null, "https://www.hic-net.org",
            Names(fr: "Coalition internationale de l'habitat", es: "Coalición Internacional para el Hábitat")),
        new("sdi", "Slum Dwellers International", "en", OrganisationCategory.NonGovernmentalOrganisation, "SDI", "ZA", "https://sdinet.org", Names()),
        new("huairou", "Huairou Commission", "en", OrganisationCategory.NonGovernmentalOrganisation, null, "US", "https://huairou.org", Names()),
        new("habitat-for-humanity", "Habitat for Humanity International", "en", OrganisationCategory.NonGovernmentalOrganisation, null, "US", "https://www.habitat.org",
            Names(es: "Hábitat para la Humanidad Internacional", fr: "Habitat pour l'humanité International")),

        new("arup", "Arup Group", "en", OrganisationCategory.PrivateSector, "Arup", "GB", "https://www.arup.com", Names()),
        new("cscec", "中国建筑集团有限公司", "zh", OrganisationCategory.PrivateSector, "CSCEC", "CN", "https://www.cscec.com",
            Names(en: "China State Construction Engineering Corporation")),
        new("bouygues", "Bouygues Construction", "fr", OrganisationCategory.PrivateSector, null, "FR", "https://www.bouygues-construction.com", Names()),

        new("nairobi-university", "University of Nairobi", "en", OrganisationCategory.AcademicAndResearch, "UoN", "KE", "https://www.uonbi.ac.ke",
            Names(fr: "Université de Nairobi", es: "Universidad de Nairobi")),
        new("unam", "Universidad Nacional Autónoma de México", "es", OrganisationCategory.AcademicAndResearch, "UNAM", "MX", "https://www.unam.mx",
            Names(en: "National Autonomous University of Mexico", fr: "Université nationale autonome du Mexique")),
        new("tsinghua", "清华大学", "zh", OrganisationCategory.AcademicAndResearch, null, "CN", "https://www.tsinghua.edu.cn",
            Names(en: "Tsinghua University", fr: "Université Tsinghua", ru: "Университет Цинхуа")),
        new("paris-urbanism", "École d'urbanisme de Paris", "fr", OrganisationCategory.AcademicAndResearch, "EUP", "FR", "https://www.eup.fr",
            Names(en: "Paris School of Urban Planning")),

        new("cacp", "中国城市规划协会", "zh", OrganisationCategory.ProfessionalAssociation, "CACP", "CN", "http://www.cacp.org.cn",
            Names(en: "China Association of City Planning", fr: "Association chinoise d'urbanisme")),
        new("isocarp", "International Society of City and Regional Planners", "en", OrganisationCategory.ProfessionalAssociation, "ISOCARP", "NL", "https://isocarp.org",
            Names(fr: "Association internationale des urbanistes", es: "Sociedad Internacional de Planificadores Urbanos y Regionales")),
        new("commonwealth-planners", "Commonwealth Association of Planners", "en", OrganisationCategory.ProfessionalAssociation, "CAP", "GB", "https://www.commonwealth-planners.org", Names()),
        new("rtpi", "Royal Town Planning Institute", "en", OrganisationCategory.ProfessionalAssociation, "RTPI", "GB", "https://www.rtpi.org.uk", Names()),

        new("muungano", "Muungano wa Wanavijiji", "en", OrganisationCategory.GrassrootsOrganisation, null, "KE", "https://www.muungano.net", Names()),
        new("fucvam", "Federación Uruguaya de Cooperativas de Vivienda por Ayuda Mutua", "es", OrganisationCategory.GrassrootsOrganisation, "FUCVAM", "UY", "https://www.fucvam.org.uy",
            Names(en: "Uruguayan Federation of Mutual Aid Housing Cooperatives")),
        new("mahila", "Mahila Housing Trust", "en", OrganisationCategory.GrassrootsOrganisation, "MHT", "IN", "https://www.mahilahousingtrust.org", Names()),

        new("habitat-colombia", "Fundación Hábitat Colombia", "es", OrganisationCategory.Foundation, "FHC", "CO", "https://www.fundacionhabitatcolombia.org",
            Names(en: "Habitat Colombia Foundation", fr: "Fondation Habitat Colombie")),
        new("gates", "Bill & Melinda Gates Foundation", "en", OrganisationCategory.Foundation, null, "US", "https://www.gatesfoundation.org",
            Names(fr: "Fondation Bill et Melinda Gates", es: "Fundación Bill y Melinda Gates")),
        new("housing-foundation", "Fondation pour le logement des défavorisés", "fr", OrganisationCategory.Foundation, null, "FR", "https://www.fondationpourlelogement.fr",
            Names(en: "Foundation for the Housing of the Disadvantaged")),
        new("urban-economics", "Фонд «Институт экономики города»", "ru", OrganisationCategory.Foundation, "ИЭГ", "RU", "https://www.urbaneconomics.ru",
            Names(en: "Institute for Urban Economics Foundation")),

        new("wuc", "World Urban Campaign", "en", OrganisationCategory.Other, "WUC", "KE", "https://www.worldurbancampaign.org",
            Names(fr: "Campagne urbaine mondiale", es: "Campaña Urbana Mundial")),
        new("right-to-the-city", "Global Platform for the Right to the City", "en", OrganisationCategory.Other, "GPR2C", null, "https://www.right2city.org",
            Names(fr: "Plateforme globale pour le droit à la ville", es: "Plataforma Global por el Derecho a la Ciudad")),
    ];
}
