/// A country the simulated people live in: how their names, phones, money and chats look.
struct SimLocale: Sendable {
    /// A name as written in its own script, and in Latin letters for email addresses.
    struct Name: Sendable {
        let native: String
        let latin: String

        init(_ native: String, _ latin: String? = nil) {
            self.native = native
            self.latin = latin ?? native
        }
    }

    let code: String
    let language: SimLanguage
    /// The calling code without `+`.
    let callingCode: String
    /// Mobile numbers start with this, after the calling code.
    let mobilePrefix: String
    /// How the national number is grouped when a vendor pretty-prints it, e.g. [1, 4, 4].
    let groups: [Int]
    let countryISO: String
    let country: String
    let city: String
    let region: String
    let timeZoneID: String
    /// Hours from UTC, as NLPearl writes time zones.
    let utcOffset: Double
    let currency: String
    /// A typical deal in this currency.
    let dealSize: ClosedRange<Int>
    let givenNames: [Name]
    let familyNames: [Name]
    let companies: [Name]
    let mailDomains: [String]

    var nationalLength: Int { groups.reduce(0, +) }

    /// A street in the locale's main city, for postal addresses.
    var street: String {
        switch countryISO {
        case "CL": "Av. Providencia"
        case "MX": "Av. Insurgentes Sur"
        case "ES": "Calle de Alcalá"
        case "BR": "Rua Augusta"
        case "US": "Market Street"
        case "GB": "Baker Street"
        case "DE": "Friedrichstraße"
        case "FR": "Rue de la République"
        case "JP": "銀座通り"
        case "CN": "深南大道"
        case "AE": "شارع الشيخ زايد"
        case "EG": "شارع التحرير"
        default: "MG Road"
        }
    }

    /// The weight of each locale among generated people.
    static let all: [(SimLocale, Int)] = [
        (chile, 5), (mexico, 3), (spain, 2), (brazil, 4), (unitedStates, 4), (unitedKingdom, 2),
        (germany, 2), (france, 2), (japan, 2), (china, 2), (emirates, 1), (egypt, 1), (india, 2),
    ]

    private static let spanishGiven: [Name] = [
        Name("Ana"), Name("Carlos"), Name("Valentina"), Name("Matías", "Matias"), Name("Sofía", "Sofia"),
        Name("José", "Jose"), Name("Camila"), Name("Joaquín", "Joaquin"), Name("Isidora"), Name("Benjamín", "Benjamin"),
        Name("María José", "Mariajose"), Name("Ignacio"), Name("Florencia"), Name("Tomás", "Tomas"),
        Name("Martina"), Name("Agustín", "Agustin"), Name("Renata"), Name("Diego"), Name("Lucía", "Lucia"),
        Name("Andrés", "Andres"), Name("Ximena"), Name("Nicolás", "Nicolas"), Name("Paz"), Name("Rodrigo"),
    ]
    private static let spanishFamily: [Name] = [
        Name("Pérez", "Perez"), Name("González", "Gonzalez"), Name("Muñoz", "Munoz"), Name("Rojas"),
        Name("Díaz", "Diaz"), Name("Soto"), Name("Contreras"), Name("Silva"), Name("Martínez", "Martinez"),
        Name("Sepúlveda", "Sepulveda"), Name("Morales"), Name("Fernández", "Fernandez"), Name("López", "Lopez"),
        Name("Araya"), Name("Castillo"), Name("Núñez", "Nunez"), Name("Hernández", "Hernandez"),
        Name("Ibáñez", "Ibanez"), Name("Vergara"), Name("de la Fuente", "Delafuente"), Name("Olmedo"),
        Name("Ruiz-Tagle", "Ruiztagle"),
    ]

    static let chile = SimLocale(
        code: "es-CL", language: .spanish, callingCode: "56", mobilePrefix: "9", groups: [1, 4, 4],
        countryISO: "CL", country: "Chile", city: "Santiago", region: "Región Metropolitana",
        timeZoneID: "America/Santiago", utcOffset: -3, currency: "CLP", dealSize: 250_000...4_500_000,
        givenNames: spanishGiven, familyNames: spanishFamily,
        companies: [Name("Viña Los Robles", "vinalosrobles"), Name("Inmobiliaria Andes", "inmobiliariaandes"),
                    Name("Constructora Pacífico SpA", "constructorapacifico"), Name("Seguros Cordillera", "seguroscordillera"),
                    Name("Clínica Bellavista", "clinicabellavista"), Name("Transportes Sur Ltda.", "transportessur")],
        mailDomains: ["correo.example", "mail.example.com", "empresa.example"])

    static let mexico = SimLocale(
        code: "es-MX", language: .spanish, callingCode: "52", mobilePrefix: "55", groups: [2, 4, 4],
        countryISO: "MX", country: "México", city: "Ciudad de México", region: "CDMX",
        timeZoneID: "America/Mexico_City", utcOffset: -6, currency: "MXN", dealSize: 4_000...90_000,
        givenNames: spanishGiven, familyNames: spanishFamily,
        companies: [Name("Grupo Azteca Logística", "grupoazteca"), Name("Tequilera Los Altos", "tequileraaltos"),
                    Name("Farmacias del Valle", "farmaciasvalle"), Name("Desarrollos Monterrey", "desarrollosmty")],
        mailDomains: ["correo.example", "mail.example.com"])

    static let spain = SimLocale(
        code: "es-ES", language: .spanish, callingCode: "34", mobilePrefix: "6", groups: [3, 3, 3],
        countryISO: "ES", country: "España", city: "Madrid", region: "Comunidad de Madrid",
        timeZoneID: "Europe/Madrid", utcOffset: 1, currency: "EUR", dealSize: 300...9_000,
        givenNames: spanishGiven, familyNames: spanishFamily,
        companies: [Name("Bodegas Ribera", "bodegasribera"), Name("Talleres Ibéricos S.L.", "talleresibericos"),
                    Name("Hostal La Giralda", "hostalgiralda")],
        mailDomains: ["correo.example", "example.es"])

    static let brazil = SimLocale(
        code: "pt-BR", language: .portuguese, callingCode: "55", mobilePrefix: "119", groups: [2, 5, 4],
        countryISO: "BR", country: "Brasil", city: "São Paulo", region: "SP",
        timeZoneID: "America/Sao_Paulo", utcOffset: -3, currency: "BRL", dealSize: 1_500...40_000,
        givenNames: [Name("João", "Joao"), Name("Maria Eduarda", "Mariaeduarda"), Name("Thiago"), Name("Ana Clara", "Anaclara"),
                     Name("Gabriel"), Name("Júlia", "Julia"), Name("Lucas"), Name("Beatriz"), Name("Rafael"),
                     Name("Letícia", "Leticia"), Name("Vinícius", "Vinicius"), Name("Luíza", "Luiza"), Name("Conceição", "Conceicao")],
        familyNames: [Name("Silva"), Name("Santos"), Name("Oliveira"), Name("Souza"), Name("Rodrigues"),
                      Name("Ferreira"), Name("Gonçalves", "Goncalves"), Name("Araújo", "Araujo"), Name("Simões", "Simoes"),
                      Name("Magalhães", "Magalhaes")],
        companies: [Name("Construtora Horizonte", "construtorahorizonte"), Name("Café Serra Azul", "cafeserraazul"),
                    Name("Agropecuária Três Rios", "agrotresrios"), Name("Clínica Sorriso", "clinicasorriso")],
        mailDomains: ["correio.example", "mail.example.com.br"])

    static let unitedStates = SimLocale(
        code: "en-US", language: .english, callingCode: "1", mobilePrefix: "415", groups: [3, 3, 4],
        countryISO: "US", country: "United States", city: "San Francisco", region: "CA",
        timeZoneID: "America/Los_Angeles", utcOffset: -8, currency: "USD", dealSize: 400...12_000,
        givenNames: [Name("John"), Name("Emily"), Name("Michael"), Name("Olivia"), Name("DeShawn"), Name("Madison"),
                     Name("Tyler"), Name("Hannah"), Name("Chris"), Name("Ava"), Name("Jordan"), Name("Brianna")],
        familyNames: [Name("Doe"), Name("Smith"), Name("Johnson"), Name("Williams"), Name("O'Connor", "Oconnor"),
                      Name("Nguyen"), Name("Garcia"), Name("Miller"), Name("Washington"), Name("Kowalski")],
        companies: [Name("Acme Corp", "acme"), Name("Stark Industries", "starkindustries"), Name("Blue Ridge Dental", "blueridgedental"),
                    Name("Golden Gate Realty", "goldengaterealty"), Name("Northwind Traders", "northwind")],
        mailDomains: ["example.com", "mail.example.com", "example.org"])

    static let unitedKingdom = SimLocale(
        code: "en-GB", language: .english, callingCode: "44", mobilePrefix: "7", groups: [4, 6],
        countryISO: "GB", country: "United Kingdom", city: "London", region: "England",
        timeZoneID: "Europe/London", utcOffset: 0, currency: "GBP", dealSize: 300...8_000,
        givenNames: [Name("Oliver"), Name("Amelia"), Name("Harry"), Name("Isla"), Name("George"), Name("Siobhán", "Siobhan"),
                     Name("Priya"), Name("Callum")],
        familyNames: [Name("Taylor"), Name("Brown"), Name("Davies"), Name("Evans"), Name("Wilson"), Name("Patel"),
                      Name("Fitzgerald"), Name("Llewellyn")],
        companies: [Name("Thames Valley Lettings", "thamesvalley"), Name("Brighton Bikes Ltd", "brightonbikes"),
                    Name("Highland Whisky Co.", "highlandwhisky")],
        mailDomains: ["example.co.uk", "example.com"])

    static let germany = SimLocale(
        code: "de-DE", language: .german, callingCode: "49", mobilePrefix: "15", groups: [3, 8],
        countryISO: "DE", country: "Deutschland", city: "Berlin", region: "Berlin",
        timeZoneID: "Europe/Berlin", utcOffset: 1, currency: "EUR", dealSize: 500...15_000,
        givenNames: [Name("Jürgen", "Juergen"), Name("Lena"), Name("Maximilian"), Name("Sophie"), Name("Lukas"),
                     Name("Anja"), Name("Björn", "Bjoern"), Name("Greta")],
        familyNames: [Name("Müller", "Mueller"), Name("Schmidt"), Name("Schneider"), Name("Weiß", "Weiss"),
                      Name("Hoffmann"), Name("Schäfer", "Schaefer"), Name("Groß", "Gross"), Name("Becker")],
        companies: [Name("Müller & Söhne GmbH", "muellersoehne"), Name("Brauerei Alpenblick", "alpenblick"),
                    Name("Autohaus Rheinland AG", "autohausrheinland")],
        mailDomains: ["beispiel.example", "example.de"])

    static let france = SimLocale(
        code: "fr-FR", language: .french, callingCode: "33", mobilePrefix: "6", groups: [1, 2, 2, 2, 2],
        countryISO: "FR", country: "France", city: "Lyon", region: "Auvergne-Rhône-Alpes",
        timeZoneID: "Europe/Paris", utcOffset: 1, currency: "EUR", dealSize: 400...12_000,
        givenNames: [Name("Élodie", "Elodie"), Name("Théo", "Theo"), Name("Chloé", "Chloe"), Name("François", "Francois"),
                     Name("Inès", "Ines"), Name("Mathis"), Name("Zoé", "Zoe"), Name("Raphaël", "Raphael")],
        familyNames: [Name("Dupont"), Name("Lefèvre", "Lefevre"), Name("Moreau"), Name("Girard"), Name("Rousseau"),
                      Name("Bénard", "Benard"), Name("Fontaine")],
        companies: [Name("Boulangerie Dupont SARL", "boulangeriedupont"), Name("Château Margaux Vins", "chateauvins"),
                    Name("Agence Côte d'Azur", "agencecotedazur")],
        mailDomains: ["exemple.example", "example.fr"])

    static let japan = SimLocale(
        code: "ja-JP", language: .japanese, callingCode: "81", mobilePrefix: "90", groups: [2, 4, 4],
        countryISO: "JP", country: "日本", city: "東京", region: "東京都",
        timeZoneID: "Asia/Tokyo", utcOffset: 9, currency: "JPY", dealSize: 50_000...1_500_000,
        givenNames: [Name("陽翔", "Haruto"), Name("結衣", "Yui"), Name("蓮", "Ren"), Name("さくら", "Sakura"),
                     Name("大輝", "Daiki"), Name("美咲", "Misaki"), Name("翔太", "Shota")],
        familyNames: [Name("佐藤", "Sato"), Name("鈴木", "Suzuki"), Name("高橋", "Takahashi"), Name("田中", "Tanaka"),
                      Name("渡辺", "Watanabe"), Name("山本", "Yamamoto")],
        companies: [Name("株式会社さくら商事", "sakura-shoji"), Name("富士精密工業", "fuji-seimitsu"), Name("東京デジタル合同会社", "tokyo-digital")],
        mailDomains: ["example.jp", "mail.example.jp"])

    static let china = SimLocale(
        code: "zh-CN", language: .chinese, callingCode: "86", mobilePrefix: "13", groups: [3, 4, 4],
        countryISO: "CN", country: "中国", city: "深圳", region: "广东",
        timeZoneID: "Asia/Shanghai", utcOffset: 8, currency: "CNY", dealSize: 3_000...80_000,
        givenNames: [Name("伟", "Wei"), Name("芳", "Fang"), Name("娜", "Na"), Name("强", "Qiang"), Name("静", "Jing"),
                     Name("子涵", "Zihan"), Name("浩然", "Haoran")],
        familyNames: [Name("王", "Wang"), Name("李", "Li"), Name("张", "Zhang"), Name("刘", "Liu"), Name("陈", "Chen"),
                      Name("欧阳", "Ouyang")],
        companies: [Name("深圳华星科技有限公司", "huaxing-tech"), Name("杭州云帆电子商务", "yunfan"), Name("上海明珠贸易", "mingzhu-trade")],
        mailDomains: ["example.cn", "mail.example.cn"])

    static let emirates = SimLocale(
        code: "ar-AE", language: .arabic, callingCode: "971", mobilePrefix: "5", groups: [2, 3, 4],
        countryISO: "AE", country: "الإمارات", city: "دبي", region: "دبي",
        timeZoneID: "Asia/Dubai", utcOffset: 4, currency: "AED", dealSize: 2_000...45_000,
        givenNames: [Name("محمد", "Mohammed"), Name("فاطمة", "Fatima"), Name("أحمد", "Ahmed"), Name("مريم", "Mariam"),
                     Name("خالد", "Khalid"), Name("نورة", "Noura")],
        familyNames: [Name("الهاشمي", "Alhashimi"), Name("المنصوري", "Almansoori"), Name("الشامسي", "Alshamsi"),
                      Name("القاسمي", "Alqasimi")],
        companies: [Name("شركة النخبة للتجارة", "alnokhba"), Name("مجموعة الواحة العقارية", "alwaha-realestate")],
        mailDomains: ["example.ae", "mail.example.com"])

    static let egypt = SimLocale(
        code: "ar-EG", language: .arabic, callingCode: "20", mobilePrefix: "10", groups: [2, 4, 4],
        countryISO: "EG", country: "مصر", city: "القاهرة", region: "القاهرة",
        timeZoneID: "Africa/Cairo", utcOffset: 2, currency: "EGP", dealSize: 15_000...400_000,
        givenNames: [Name("يوسف", "Youssef"), Name("سلمى", "Salma"), Name("عمر", "Omar"), Name("هدى", "Hoda")],
        familyNames: [Name("عبد الله", "Abdallah"), Name("حسن", "Hassan"), Name("مصطفى", "Mostafa"), Name("السيد", "Elsayed")],
        companies: [Name("النيل للمقاولات", "elnile-contracting"), Name("مصر للبرمجيات", "misr-software")],
        mailDomains: ["example.eg", "mail.example.com"])

    static let india = SimLocale(
        code: "hi-IN", language: .hindi, callingCode: "91", mobilePrefix: "9", groups: [5, 5],
        countryISO: "IN", country: "भारत", city: "मुंबई", region: "महाराष्ट्र",
        timeZoneID: "Asia/Kolkata", utcOffset: 5.5, currency: "INR", dealSize: 20_000...600_000,
        givenNames: [Name("आरव", "Aarav"), Name("प्रिया", "Priya"), Name("विवान", "Vivaan"), Name("अनन्या", "Ananya"),
                     Name("रोहित", "Rohit"), Name("दीपिका", "Deepika")],
        familyNames: [Name("शर्मा", "Sharma"), Name("वर्मा", "Verma"), Name("गुप्ता", "Gupta"), Name("पटेल", "Patel"),
                      Name("अय्यर", "Iyer")],
        companies: [Name("टाटा सॉल्यूशंस", "tata-solutions"), Name("गंगा टेक्सटाइल्स", "ganga-textiles"), Name("Infinite Loop Pvt Ltd", "infiniteloop")],
        mailDomains: ["example.in", "mail.example.com"])
}
