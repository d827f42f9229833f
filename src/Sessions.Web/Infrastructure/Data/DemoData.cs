using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accreditation;
using Sessions.Core.Attendance;
using Sessions.Core.Bodies;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Core.Statements;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// The demo: the UN-Habitat Assembly and its second session (HSP/HA.2), the Executive Board, the
/// Committee of Permanent Representatives, the 193 member States and organisations of every category, and on
/// HSP/HA.2 a few approved delegations with a speakers list (two have spoken, the rest wait) and written statements
/// (three issued, one of them joint with co-sponsors and supporters, one in review, one awaiting a co-sponsor) and its documents
/// (<see cref="DemoDocuments"/>). Runs only on an empty database.
/// </summary>
public sealed class DemoData(SessionsDbContext db, IFileStore files, TimeProvider clock, ILogger<DemoData> logger)
{
    private const string Nairobi = "Africa/Nairobi";

    /// <summary>The venue in the six languages, as the UN writes it.</summary>
    private static TranslatedText Venue => Text(
        "United Nations Office at Nairobi",
        "مكتب الأمم المتحدة في نيروبي",
        "联合国内罗毕办事处",
        "Office des Nations Unies à Nairobi",
        "Отделение Организации Объединенных Наций в Найроби",
        "Oficina de las Naciones Unidas en Nairobi");

    /// <summary>Not the real membership of the Executive Board: its seats are labelled "demo" on screen.</summary>
    private static readonly string[] _executiveBoardDemoMembers =
    [
        "KE", "NG", "ZA", "EG", "MA", "CM", "SN", "ET", "GH", "ZW",
        "CN", "IN", "JP", "PK", "ID", "IR", "SA", "PH",
        "RU", "PL", "RO", "HU",
        "BR", "MX", "AR", "CO", "CL", "CU",
        "US", "FR", "DE", "GB", "ES", "SE", "CA", "FI",
    ];

    public async Task SeedAsync()
    {
        if (await db.Organisations.AnyAsync() || await db.Bodies.AnyAsync() || await db.Sessions.AnyAsync())
        {
            return;
        }

        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow().UtcDateTime;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var states = AddMemberStates(now);
            var organisations = AddOrganisations(now);
            await db.SaveChangesAsync();

            var assembly = new Body(
                Text(
                    "United Nations Habitat Assembly",
                    "جمعية الأمم المتحدة للموئل",
                    "联合国人居大会",
                    "Assemblée des Nations Unies pour les établissements humains",
                    "Ассамблея Организации Объединенных Наций по населенным пунктам",
                    "Asamblea de las Naciones Unidas sobre los Asentamientos Humanos"),
                BodyKind.Assembly, "HSP/HA", Body.DefaultObserverQuota(BodyKind.Assembly));
            foreach (var state in states.Values)
            {
                assembly.AddMember(state.Id, new DateOnly(2019, 5, 27), null);
            }

            var board = new Body(
                Text(
                    "Executive Board of the United Nations Human Settlements Programme",
                    "المجلس التنفيذي لبرنامج الأمم المتحدة للمستوطنات البشرية",
                    "联合国人类住区规划署执行局",
                    "Conseil exécutif du Programme des Nations Unies pour les établissements humains",
                    "Исполнительный совет Программы Организации Объединенных Наций по населенным пунктам",
                    "Junta Ejecutiva del Programa de las Naciones Unidas para los Asentamientos Humanos"),
                BodyKind.ExecutiveBoard, "HSP/EB", Body.DefaultObserverQuota(BodyKind.ExecutiveBoard));
            foreach (var code in _executiveBoardDemoMembers)
            {
                board.AddMember(states[code].Id, new DateOnly(2023, 6, 9), new DateOnly(2027, 6, 8), isDemo: true);
            }

            var committee = new Body(
                Text(
                    "Committee of Permanent Representatives to UN-Habitat",
                    "لجنة الممثلين الدائمين لدى موئل الأمم المتحدة",
                    "常驻联合国人居署代表委员会",
                    "Comité des représentants permanents auprès d'ONU-Habitat",
                    "Комитет постоянных представителей при ООН-Хабитат",
                    "Comité de Representantes Permanentes ante ONU-Hábitat"),
                BodyKind.CommitteeOfPermanentRepresentatives, "HSP/CPR", Body.DefaultObserverQuota(BodyKind.CommitteeOfPermanentRepresentatives));
            db.Bodies.AddRange(assembly, board, committee);
            await db.SaveChangesAsync();

            var secondAssembly = SecondAssembly(assembly.Id);
            var thirdAssembly = ThirdAssembly(assembly.Id);
            db.Sessions.AddRange(
                secondAssembly,
                thirdAssembly,
                Board(board.Id, 1, new DateOnly(2023, 3, 28), new DateOnly(2023, 3, 30), Text(
                    "First session of 2023 of the Executive Board of the United Nations Human Settlements Programme",
                    "الدورة الأولى لعام 2023 للمجلس التنفيذي لبرنامج الأمم المتحدة للمستوطنات البشرية",
                    "联合国人类住区规划署执行局2023年第一届会议",
                    "Première session de 2023 du Conseil exécutif du Programme des Nations Unies pour les établissements humains",
                    "Первая сессия 2023 года Исполнительного совета Программы Организации Объединенных Наций по населенным пунктам",
                    "Primer período de sesiones de 2023 de la Junta Ejecutiva del Programa de las Naciones Unidas para los Asentamientos Humanos")),
                Board(board.Id, 2, new DateOnly(2023, 6, 30), new DateOnly(2023, 7, 1), Text(
                    "Second session of 2023 of the Executive Board of the United Nations Human Settlements Programme",
                    "الدورة الثانية لعام 2023 للمجلس التنفيذي لبرنامج الأمم المتحدة للمستوطنات البشرية",
                    "联合国人类住区规划署执行局2023年第二届会议",
                    "Deuxième session de 2023 du Conseil exécutif du Programme des Nations Unies pour les établissements humains",
                    "Вторая сессия 2023 года Исполнительного совета Программы Организации Объединенных Наций по населенным пунктам",
                    "Segundo período de sesiones de 2023 de la Junta Ejecutiva del Programa de las Naciones Unidas para los Asentamientos Humanos")),
                Board(board.Id, 3, new DateOnly(2023, 11, 14), new DateOnly(2023, 11, 16), Text(
                    "Third session of 2023 of the Executive Board of the United Nations Human Settlements Programme",
                    "الدورة الثالثة لعام 2023 للمجلس التنفيذي لبرنامج الأمم المتحدة للمستوطنات البشرية",
                    "联合国人类住区规划署执行局2023年第三届会议",
                    "Troisième session de 2023 du Conseil exécutif du Programme des Nations Unies pour les établissements humains",
                    "Третья сессия 2023 года Исполнительного совета Программы Организации Объединенных Наций по населенным пунктам",
                    "Tercer período de sesiones de 2023 de la Junta Ejecutiva del Programa de las Naciones Unidas para los Asentamientos Humanos")),
                OpenEndedCommittee(committee.Id));
            await db.SaveChangesAsync();

            // The third session's online links go out a day before each meeting.
            var onlineLinks = new Reminder(thirdAssembly.Id, ReminderOccasion.OnlineMeeting);
            onlineLinks.Configure(true, [TimeSpan.FromDays(1)], thirdAssembly, now);
            db.Reminders.Add(onlineLinks);
            await db.SaveChangesAsync();
            var delegations = await AddSpeakersListAsync(secondAssembly, states, organisations);
            await AddWrittenStatementsAsync(secondAssembly, delegations, states, organisations);
            await DemoDocuments.AddAsync(db, files, secondAssembly, logger);
            await transaction.CommitAsync();
            logger.LogInformation("Demo data loaded in {Elapsed} ms", (int)clock.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private Dictionary<string, Organisation> AddMemberStates(DateTime now)
    {
        var states = new Dictionary<string, Organisation>();
        foreach (var code in UnMemberStates.Codes)
        {
            var state = new Organisation(Countries.Name(code, Languages.English), Languages.English, OrganisationCategory.MemberState)
            {
                CountryCode = code,
                CreatedAt = now,
            };
            foreach (var language in Languages.All.Where(l => l != Languages.English))
            {
                state.SetTranslatedName(language, Countries.Name(code, language));
            }

            states[code] = state;
            db.Organisations.Add(state);
        }

        return states;
    }

    /// <summary>The demo's organisations by their <see cref="DemoOrganisations.Entry.Key"/>.</summary>
    private Dictionary<string, Organisation> AddOrganisations(DateTime now)
    {
        var organisations = new Dictionary<string, Organisation>();
        foreach (var entry in DemoOrganisations.All)
        {
            var organisation = new Organisation(entry.Name, entry.Language, entry.Category)
            {
                Acronym = entry.Acronym,
                CountryCode = entry.CountryCode,
                Website = entry.Website,
                CreatedAt = now,
            };
            foreach (var (language, name) in entry.Translations)
            {
                organisation.SetTranslatedName(language, name);
            }

            organisations.Add(entry.Key, organisation);
            db.Organisations.Add(organisation);
        }

        return organisations;
    }

    private static Session SecondAssembly(int bodyId)
    {
        var session = new Session(bodyId, 2, "HSP/HA.2", Text(
            "Second session of the United Nations Habitat Assembly of the United Nations Human Settlements Programme",
            "الدورة الثانية لجمعية الأمم المتحدة للموئل التابعة لبرنامج الأمم المتحدة للمستوطنات البشرية",
            "联合国人类住区规划署联合国人居大会第二届会议",
            "Deuxième session de l'Assemblée des Nations Unies pour les établissements humains du Programme des Nations Unies pour les établissements humains",
            "Вторая сессия Ассамблеи Организации Объединенных Наций по населенным пунктам Программы Организации Объединенных Наций по населенным пунктам",
            "Segundo período de sesiones de la Asamblea de las Naciones Unidas sobre los Asentamientos Humanos del Programa de las Naciones Unidas para los Asentamientos Humanos"), Venue, Nairobi, new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 9));
        session.NominationDeadline = session.ToUtc(new DateTime(2023, 5, 5, 23, 59, 0));
        session.RegistrationDeadline = session.ToUtc(new DateTime(2023, 5, 22, 23, 59, 0));
        session.StatementDeadline = session.ToUtc(new DateTime(2023, 5, 26, 23, 59, 0));
        session.SetInscriptionWindow(session.ToUtc(new DateTime(2023, 5, 15, 9, 0, 0)), session.ToUtc(new DateTime(2023, 6, 2, 17, 0, 0)));
        // The items of the demo agenda in the six languages, in the wording of UN documents (the demo's own numbering).
        AddAgenda(session, [
            Six("Opening of the session.", "افتتاح الدورة.", "届会开幕。", "Ouverture de la session.", "Открытие сессии.", "Apertura del período de sesiones."),
            Six("Adoption of the agenda and organization of work.", "إقرار جدول الأعمال وتنظيم العمل.", "通过议程和安排工作。", "Adoption de l’ordre du jour et organisation des travaux.", "Утверждение повестки дня и организация работы.", "Aprobación del programa y organización de los trabajos."),
            Six("Credentials of representatives.", "وثائق تفويض الممثلين.", "代表的全权证书。", "Pouvoirs des représentants.", "Полномочия представителей.", "Credenciales de los representantes."),
            Six("Report of the Executive Director on the activities of the United Nations Human Settlements Programme, including coordination matters.",
                "تقرير المديرة التنفيذية عن أنشطة برنامج الأمم المتحدة للمستوطنات البشرية، بما في ذلك مسائل التنسيق.",
                "执行主任关于联合国人类住区规划署活动的报告，包括协调事项。",
                "Rapport de la Directrice exécutive sur les activités du Programme des Nations Unies pour les établissements humains, y compris les questions de coordination.",
                "Доклад Директора-исполнителя о деятельности Программы Организации Объединенных Наций по населенным пунктам, включая вопросы координации.",
                "Informe de la Directora Ejecutiva sobre las actividades del Programa de las Naciones Unidas para los Asentamientos Humanos, incluidas las cuestiones de coordinación."),
            Six("Report of the Executive Board on its work.", "تقرير المجلس التنفيذي عن أعماله.", "执行局关于其工作的报告。", "Rapport du Conseil exécutif sur ses travaux.", "Доклад Исполнительного совета о его работе.", "Informe de la Junta Ejecutiva sobre su labor."),
            Six("Implementation of the New Urban Agenda and the urban dimension of the 2030 Agenda for Sustainable Development.",
                "تنفيذ الخطة الحضرية الجديدة والبعد الحضري لخطة التنمية المستدامة لعام 2030.",
                "执行《新城市议程》和《2030年可持续发展议程》的城市层面。",
                "Mise en œuvre du Nouveau Programme pour les villes et de la dimension urbaine du Programme de développement durable à l’horizon 2030.",
                "Осуществление Новой программы развития городов и городского измерения Повестки дня в области устойчивого развития на период до 2030 года.",
                "Aplicación de la Nueva Agenda Urbana y de la dimensión urbana de la Agenda 2030 para el Desarrollo Sostenible."),
            Six("Adequate housing for all.", "السكن اللائق للجميع.", "人人享有适足住房。", "Un logement convenable pour tous.", "Достаточное жилье для всех.", "Vivienda adecuada para todos."),
            Six("Strategic plan of the United Nations Human Settlements Programme for the period 2026–2029.",
                "الخطة الاستراتيجية لبرنامج الأمم المتحدة للمستوطنات البشرية للفترة 2026-2029.",
                "2026-2029年期间联合国人类住区规划署战略计划。",
                "Plan stratégique du Programme des Nations Unies pour les établissements humains pour la période 2026-2029.",
                "Стратегический план Программы Организации Объединенных Наций по населенным пунктам на период 2026–2029 годов.",
                "Plan estratégico del Programa de las Naciones Unidas para los Asentamientos Humanos para el período 2026-2029."),
            Six("Dialogue on the special theme of the session: a sustainable urban future through inclusive and effective multilateralism.",
                "الحوار بشأن الموضوع الخاص للدورة: مستقبل حضري مستدام من خلال تعددية أطراف شاملة وفعالة.",
                "关于本届会议特别主题的对话：通过包容和有效的多边主义实现可持续的城市未来。",
                "Dialogue sur le thème spécial de la session : un avenir urbain durable grâce à un multilatéralisme inclusif et efficace.",
                "Диалог по специальной теме сессии: устойчивое будущее городов благодаря инклюзивной и эффективной многосторонности.",
                "Diálogo sobre el tema especial del período de sesiones: un futuro urbano sostenible mediante un multilateralismo inclusivo y eficaz."),
            Six("Dates and provisional agenda of the third session of the United Nations Habitat Assembly.",
                "موعد الدورة الثالثة لجمعية الأمم المتحدة للموئل وجدول أعمالها المؤقت.",
                "联合国人居大会第三届会议的日期和临时议程。",
                "Dates et ordre du jour provisoire de la troisième session de l’Assemblée des Nations Unies pour l’habitat.",
                "Сроки проведения и предварительная повестка дня третьей сессии Ассамблеи Организации Объединенных Наций по населенным пунктам.",
                "Fechas y programa provisional del tercer período de sesiones de la Asamblea de las Naciones Unidas sobre los Asentamientos Humanos."),
            Six("Adoption of the resolutions, decisions and the report of the session.", "اعتماد القرارات والمقررات وتقرير الدورة.", "通过本届会议的决议、决定和报告。", "Adoption des résolutions, des décisions et du rapport de la session.", "Принятие резолюций, решений и доклада о работе сессии.", "Aprobación de las resoluciones, las decisiones y el informe del período de sesiones."),
            Six("Closure of the session.", "اختتام الدورة.", "届会闭幕。", "Clôture de la session.", "Закрытие сессии.", "Clausura del período de sesiones."),
        ]);
        AddPlenaryMeetings(session, "Plenary Hall, Conference Building");
        NameOpeningAndClosing(session);
        HoldHybrid(session);
        return session;
    }

    private static Session ThirdAssembly(int bodyId)
    {
        var session = new Session(bodyId, 3, "HSP/HA.3", Text(
            "Third session of the United Nations Habitat Assembly of the United Nations Human Settlements Programme",
            "الدورة الثالثة لجمعية الأمم المتحدة للموئل التابعة لبرنامج الأمم المتحدة للمستوطنات البشرية",
            "联合国人类住区规划署联合国人居大会第三届会议",
            "Troisième session de l'Assemblée des Nations Unies pour les établissements humains du Programme des Nations Unies pour les établissements humains",
            "Третья сессия Ассамблеи Организации Объединенных Наций по населенным пунктам Программы Организации Объединенных Наций по населенным пунктам",
            "Tercer período de sesiones de la Asamblea de las Naciones Unidas sobre los Asentamientos Humanos del Programa de las Naciones Unidas para los Asentamientos Humanos"), Venue, Nairobi, new DateOnly(2027, 5, 31), new DateOnly(2027, 6, 4));
        session.NominationDeadline = session.ToUtc(new DateTime(2027, 4, 30, 23, 59, 0));
        session.RegistrationDeadline = session.ToUtc(new DateTime(2027, 5, 17, 23, 59, 0));
        session.StatementDeadline = session.ToUtc(new DateTime(2027, 5, 21, 23, 59, 0));
        session.SetInscriptionWindow(session.ToUtc(new DateTime(2027, 5, 10, 9, 0, 0)), session.ToUtc(new DateTime(2027, 5, 28, 17, 0, 0)));
        AddAgenda(session, [
            "Opening of the session.",
            "Election of officers.",
            "Adoption of the agenda and organization of work.",
            "Credentials of representatives.",
            "Report of the Executive Director on the activities of the United Nations Human Settlements Programme.",
            "Report of the Executive Board on its work.",
            "Implementation of the strategic plan of the United Nations Human Settlements Programme for the period 2026–2029.",
            "Dates and provisional agenda of the fourth session of the United Nations Habitat Assembly.",
            "Adoption of the resolutions, decisions and the report of the session.",
            "Closure of the session.",
        ]);
        AddPlenaryMeetings(session, "Plenary Hall, Conference Building");
        HoldHybrid(session);
        return session;
    }

    private static Session Board(int bodyId, int number, DateOnly opensOn, DateOnly closesOn, TranslatedText title)
    {
        var session = new Session(bodyId, number, $"HSP/EB.{opensOn.Year}.{number}", title, Venue, Nairobi, opensOn, closesOn);
        session.RegistrationDeadline = session.ToUtc(opensOn.AddDays(-14).ToDateTime(new TimeOnly(23, 59)));
        AddAgenda(session, [
            "Opening of the session.",
            "Adoption of the agenda and organization of work.",
            "Adoption of the report of the previous session.",
            "Report of the Executive Director on the activities of the United Nations Human Settlements Programme.",
            "Financial, budgetary and administrative matters.",
            "Normative and operational activities of the United Nations Human Settlements Programme.",
            "Other matters.",
            "Closure of the session.",
        ]);
        AddPlenaryMeetings(session, "Conference Room 2");
        return session;
    }

    /// <summary>A text written in English with its translations into the five other UN languages.</summary>
    private static TranslatedText Text(string en, string ar, string zh, string fr, string ru, string es)
    {
        var text = TranslatedText.English(en);
        text.Translate(Languages.Arabic, ar);
        text.Translate(Languages.Chinese, zh);
        text.Translate(Languages.French, fr);
        text.Translate(Languages.Russian, ru);
        text.Translate(Languages.Spanish, es);
        return text;
    }

    private static Session OpenEndedCommittee(int bodyId)
    {
        var session = new Session(bodyId, 2, "HSP/OECPR.2", Text(
            "Second open-ended meeting of the Committee of Permanent Representatives to UN-Habitat",
            "الاجتماع الثاني المفتوح العضوية للجنة الممثلين الدائمين لدى موئل الأمم المتحدة",
            "常驻联合国人居署代表委员会第二次不限成员名额会议",
            "Deuxième réunion à composition non limitée du Comité des représentants permanents auprès d'ONU-Habitat",
            "Второе совещание открытого состава Комитета постоянных представителей при ООН-Хабитат",
            "Segunda reunión de composición abierta del Comité de Representantes Permanentes ante ONU-Hábitat"), Venue, Nairobi, new DateOnly(2023, 5, 29), new DateOnly(2023, 6, 2));
        AddAgenda(session, [
            "Opening of the meeting.",
            "Adoption of the agenda and organization of work.",
            "Preparations for the second session of the United Nations Habitat Assembly.",
            "Draft resolutions and decisions for consideration by the Assembly.",
            "Other matters.",
            "Closure of the meeting.",
        ]);
        AddPlenaryMeetings(session, "Conference Room 1");
        return session;
    }

    /// <summary>
    /// Approved delegations of every capacity on HSP/HA.2 and the speakers list of its item 6, with no inscription
    /// window so that a demo user can still ask for the floor; the first two in protocol order have spoken.
    /// </summary>
    private async Task<Dictionary<Organisation, Delegation>> AddSpeakersListAsync(Session session, Dictionary<string, Organisation> states, Dictionary<string, Organisation> organisations)
    {
        // Member States by country code, every other organisation by its demo key: two lookups that cannot be confused.
        var demo = new (Organisation Organisation, Capacity Capacity, string GivenName, string FamilyName, InscriptionKind Kind, LevelOfRepresentation Level, string? Group)[]
        {
            (states["KE"], Capacity.Member, "Wanjiru", "Kamau", InscriptionKind.GroupStatement, LevelOfRepresentation.Minister, "the Group of 77 and China"),
            (states["BR"], Capacity.Member, "Ana", "Souza", InscriptionKind.Statement, LevelOfRepresentation.Minister, null),
            (states["JP"], Capacity.Member, "Haruto", "Sato", InscriptionKind.Statement, LevelOfRepresentation.ViceMinister, null),
            (states["FR"], Capacity.Member, "Claire", "Martin", InscriptionKind.Statement, LevelOfRepresentation.HeadOfDelegationOrAmbassador, null),
            (states["EG"], Capacity.Member, "Omar", "Hassan", InscriptionKind.Statement, LevelOfRepresentation.Other, null),
            (organisations["holy-see"], Capacity.ObserverState, "Paolo", "Rossi", InscriptionKind.Statement, LevelOfRepresentation.HeadOfDelegationOrAmbassador, null),
            (organisations["unep"], Capacity.UnSystem, "Grace", "Otieno", InscriptionKind.Statement, LevelOfRepresentation.Other, null),
            (organisations["african-union"], Capacity.IntergovernmentalOrganisation, "Kwame", "Mensah", InscriptionKind.Statement, LevelOfRepresentation.Other, null),
            (organisations["sdi"], Capacity.Stakeholder, "Thandi", "Nkosi", InscriptionKind.Statement, LevelOfRepresentation.Other, null),
        };
        var letter = await files.SaveAsync(new MemoryStream("%PDF-1.4\n% Demo credentials letter\n%%EOF\n"u8.ToArray()), "credentials.pdf", UploadRule.Pdf, null);
        db.StoredFiles.Add(letter);
        var registeredAt = session.ToUtc(new DateTime(2023, 5, 2, 10, 0, 0));
        var delegations = new List<(Delegation Delegation, Participant Speaker)>();
        foreach (var entry in demo)
        {
            var delegation = new Delegation(session.Id, entry.Organisation.Id, entry.Capacity, "demo", registeredAt);
            delegation.AttachLetter(letter.Id);
            var email = $"{entry.GivenName}.{entry.FamilyName}@demo.example".ToLowerInvariant();
            var speaker = delegation.Nominate(new ParticipantDetails("", entry.GivenName, entry.FamilyName, ParticipantFunction.HeadOfDelegation, email, Languages.English, true), ParticipantStatus.Nominated, registeredAt);

            // Member States in the room, observers online: the report of the session then says most observers attended online.
            speaker.AttendAs(Capacities.IsObserver(entry.Capacity) ? AttendanceMode.Online : AttendanceMode.InPerson);
            delegation.Submit(registeredAt);
            delegation.Approve("demo", registeredAt);
            speaker.Approve(GroundsPassRequirements.None);
            db.Delegations.Add(delegation);
            delegations.Add((delegation, speaker));
        }

        await db.SaveChangesAsync();

        var item = session.AgendaItems.Single(a => a.Number == "6");
        var opensOn = session.ToUtc(new DateTime(2023, 6, 5, 9, 0, 0));
        var list = new SpeakersList(session.Id, item.Id, null, opensOn);
        list.SetInscriptionWindow(null, null, opensOn);
        for (var i = 0; i < delegations.Count; i++)
        {
            var (delegation, speaker) = delegations[i];
            var entry = demo[i];
            list.Inscribe(new InscriptionRequest(delegation.Id, delegation.Capacity, entry.Kind, entry.Level, speaker.Id, entry.Group), opensOn.AddMinutes(7 * i));
        }

        var brazil = delegations.Single(d => d.Delegation.OrganisationId == states["BR"].Id);
        list.Inscribe(new InscriptionRequest(brazil.Delegation.Id, Capacity.Member, InscriptionKind.RightOfReply, LevelOfRepresentation.Minister, brazil.Speaker.Id, ReplyRound: ReplyRound.First), opensOn.AddHours(2));

        db.SpeakersLists.Add(list);
        await db.SaveChangesAsync();

        // Everyone took part in the first two meetings, each the way they registered to attend.
        foreach (var meeting in session.Meetings.OrderBy(m => m.Number).Take(2))
        {
            foreach (var (_, participant) in delegations)
            {
                var method = participant.Attendance == AttendanceMode.Online ? AttendanceMethod.Self : AttendanceMethod.Scan;
                db.Attendance.Add(new AttendanceRecord(participant.Id, meeting.Id, AttendanceStatus.Present, method, meeting.StartsAt.AddMinutes(5), null, participant.Attendance));
            }
        }

        // With ids given, the first two in protocol order have spoken, as after the opening of the debate.
        var spokeAt = session.ToUtc(new DateTime(2023, 6, 5, 10, 15, 0));
        foreach (var seconds in new[] { 287, 342 })
        {
            var called = list.CallNext(spokeAt);
            list.StartTimer(called.Id, spokeAt);
            spokeAt = spokeAt.AddSeconds(seconds);
            list.FinishSpeaking(called.Id, spokeAt);
            spokeAt = spokeAt.AddSeconds(20);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        logger.LogInformation("Demo speakers list on {Symbol} item {Item}: {Count} inscriptions", session.Symbol, item.Number, list.Inscriptions.Count);
        return delegations.Select((d, i) => (demo[i].Organisation, d.Delegation)).ToDictionary(d => d.Organisation, d => d.Delegation);
    }

    /// <summary>
    /// Written statements on HSP/HA.2 from its demo delegations, submitted before the deadline: Kenya's and the African
    /// Union's issued under the INF series, Slum Dwellers International's joint statement issued under the NGO series with
    /// three co-sponsors (accredited to Habitat III) and two supporters, Brazil's in review, UNEP's waiting for UNDP.
    /// </summary>
    private async Task AddWrittenStatementsAsync(Session session, Dictionary<Organisation, Delegation> delegations, Dictionary<string, Organisation> states, Dictionary<string, Organisation> organisations)
    {
        var (hic, uclg, huairou) = (organisations["hic"].Id, organisations["uclg"].Id, organisations["huairou"].Id);
        var accreditedAt = new DateTime(2016, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var id in new[] { organisations["sdi"].Id, hic, uclg, huairou })
        {
            db.Accreditations.Add(new Accreditation(id, AccreditationBasis.HabitatIII, AccreditationStatus.Granted, null, accreditedAt));
        }

        var rules = StatementRules.ForSession(session.Id);
        var item = session.AgendaItems.ToDictionary(a => a.Number, a => a.Id);
        var submittedAt = session.ToUtc(new DateTime(2023, 5, 18, 11, 0, 0));
        var issuedAt = session.ToUtc(new DateTime(2023, 5, 31, 15, 0, 0));
        var numbers = new Dictionary<string, int>();
        WrittenStatement Submit(Organisation by, StatementTier tier, string agendaItem, string title, string language, string text, (int, StatementTier)[] coSponsors, string[] supporters, int minutesLater) =>
            WrittenStatement.Submit(
                new StatementSubmission(session.Id, item[agendaItem], delegations[by], tier, title, language, StatementFormat.Text, null, text,
                    text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, coSponsors, supporters, "demo"),
                rules,
                session,
                submittedAt.AddMinutes(minutesLater));
        void Issue(WrittenStatement statement)
        {
            var series = StatementSymbols.Series(rules.SeriesPatternFor(statement.Capacity), session.Symbol);
            numbers[series] = numbers.GetValueOrDefault(series) + 1;
            statement.Issue(series, numbers[series], DateOnly.FromDateTime(session.ToLocal(issuedAt)), "demo", issuedAt);
        }

        var statements = new List<WrittenStatement>();
        var kenya = Submit(states["KE"], StatementTier.State, "7", "Adequate housing for all: the experience of Kenya", Languages.English,
            "Kenya welcomes the focus of this session on adequate housing for all.\n\nThrough its affordable housing programme, Kenya has committed to deliver 200,000 homes a year, financed by a national housing fund and delivered with county governments and the private sector.\n\nKenya calls on Member States to share what works, and on the United Nations Human Settlements Programme to support national housing strategies that leave no one behind.",
            [], [], 0);
        Issue(kenya);
        statements.Add(kenya);

        var africanUnion = Submit(organisations["african-union"], StatementTier.IntergovernmentalOrganisation, "6", "L’Agenda 2063 et le Nouveau Programme pour les villes", Languages.French,
            "L’Union africaine salue les progrès accomplis dans la mise en œuvre du Nouveau Programme pour les villes sur le continent.\n\nL’urbanisation rapide de l’Afrique est une chance pour la transformation structurelle, à condition que la planification urbaine, le financement des infrastructures et la gouvernance locale suivent le rythme.\n\nL’Union africaine invite les États membres à intégrer la dimension urbaine dans leurs plans nationaux de développement.",
            [], [], 30);
        Issue(africanUnion);
        statements.Add(africanUnion);

        var joint = Submit(organisations["sdi"], StatementTier.OtherAccreditation, "7", "Community-led upgrading of informal settlements", Languages.English,
            "Over one billion people live in informal settlements. Their organisations know what their neighbourhoods need.\n\nWe ask Member States to recognise community savings groups as partners in upgrading, to secure tenure for residents, and to channel finance to community-led projects.\n\nWe ask the United Nations Human Settlements Programme to count settlements and residents with the communities themselves, so that no one is left out of the data.",
            [(hic, StatementTier.OtherAccreditation), (uclg, StatementTier.OtherAccreditation), (huairou, StatementTier.OtherAccreditation)],
            ["Muungano wa Wanavijiji", "Homeless People’s Federation Philippines"], 60);
        joint.Answer(hic, true, "demo", submittedAt.AddDays(1));
        joint.Answer(uclg, true, "demo", submittedAt.AddDays(2));
        joint.Answer(huairou, true, "demo", submittedAt.AddDays(2));
        Issue(joint);
        statements.Add(joint);

        statements.Add(Submit(states["BR"], StatementTier.State, "9", "Multilateralism for a sustainable urban future", Languages.Spanish,
            "Brasil reafirma su compromiso con un multilateralismo inclusivo y eficaz.\n\nLas ciudades son el lugar donde se cumplen, o no, los Objetivos de Desarrollo Sostenible.",
            [], [], 90));
        statements.Add(Submit(organisations["unep"], StatementTier.UnSystem, "6", "Cities and the triple planetary crisis", Languages.English,
            "Cities produce most of the world’s emissions and waste, and suffer much of the harm of climate change, nature loss and pollution.\n\nUNEP and UNDP will support cities in planning for net-zero, nature-positive and pollution-free development.",
            [(organisations["undp"].Id, StatementTier.UnSystem)], [], 120));

        db.WrittenStatements.AddRange(statements);
        await db.SaveChangesAsync();
        logger.LogInformation("Demo written statements on {Symbol}: {Count}, of which {Issued} issued", session.Symbol, statements.Count, statements.Count(s => s.Status == StatementStatus.Issued));
    }

    /// <summary>Items numbered from 1; a title given as a plain string is in English only (readers of other languages see it).</summary>
    private static void AddAgenda(Session session, string[] titles) => AddAgenda(session, titles.Select(TranslatedText.English).ToArray());

    private static void AddAgenda(Session session, TranslatedText[] titles)
    {
        for (var i = 0; i < titles.Length; i++)
        {
            session.AddAgendaItem((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), titles[i]);
        }
    }

    /// <summary>A text written in English with its translations into the five other UN languages.</summary>
    private static TranslatedText Six(string en, string ar, string zh, string fr, string ru, string es)
    {
        var text = TranslatedText.English(en);
        text.Translate(Languages.Arabic, ar);
        text.Translate(Languages.Chinese, zh);
        text.Translate(Languages.French, fr);
        text.Translate(Languages.Russian, ru);
        text.Translate(Languages.Spanish, es);
        return text;
    }

    /// <summary>The first meeting opens the session and the last closes it: they carry those names beside their numbers.</summary>
    private static void NameOpeningAndClosing(Session session)
    {
        var meetings = session.Meetings.OrderBy(m => m.Number).ToList();
        meetings[0].Rename(Six("Opening plenary meeting", "الجلسة العامة الافتتاحية", "开幕全体会议", "Séance plénière d’ouverture", "Пленарное заседание, посвященное открытию сессии", "Sesión plenaria de apertura"));
        meetings[^1].Rename(Six("Closing plenary meeting", "الجلسة العامة الختامية", "闭幕全体会议", "Séance plénière de clôture", "Заключительное пленарное заседание", "Sesión plenaria de clausura"));
    }

    /// <summary>Hybrid, every plenary meeting with its online link (a made-up address: the demo only shows where it goes).</summary>
    private static void HoldHybrid(Session session)
    {
        session.HoldAs(SessionFormat.Hybrid);
        foreach (var meeting in session.Meetings)
        {
            meeting.SetOnlineLink($"https://meet.demo.example/{session.Symbol.Replace('/', '-').Replace('.', '-').ToLowerInvariant()}/meeting-{meeting.Number}");
        }
    }

    /// <summary>Two plenary meetings a day, 10:00–13:00 and 15:00–18:00 at the venue, numbered in order.</summary>
    private static void AddPlenaryMeetings(Session session, string room)
    {
        for (var day = session.OpensOn; day <= session.ClosesOn; day = day.AddDays(1))
        {
            foreach (var (starts, ends) in new[] { (new TimeOnly(10, 0), new TimeOnly(13, 0)), (new TimeOnly(15, 0), new TimeOnly(18, 0)) })
            {
                session.AddMeeting(session.NextMeetingNumber(), session.ToUtc(day.ToDateTime(starts)), session.ToUtc(day.ToDateTime(ends)), room);
            }
        }
    }
}
