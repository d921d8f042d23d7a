//! Small built-in word lists, one set per language, from which generated customers are named.
//! A word written `display|ascii` carries its own ASCII spelling (for scripts that are not Latin,
//! and for Vietnamese); other words are spelled in ASCII by [`ascii`].

/// A city with its region and a postal code of that city, and how the country is dialled and
/// which top-level domain its companies use.
pub struct Place {
    pub country: &'static str,
    pub city: &'static str,
    pub state: &'static str,
    pub postal_code: &'static str,
    pub dial: &'static str,
    pub tld: &'static str,
}

/// Words for companies and people of one language, and where they are.
pub struct Locale {
    /// How often this language is picked, relative to the others.
    pub weight: u32,
    /// Company name shapes: `{w}` a word, `{t}` a trade, `{l}` a last name, `{s}` a legal form.
    pub templates: &'static [&'static str],
    pub words: &'static [&'static str],
    pub trades: &'static [&'static str],
    pub forms: &'static [&'static str],
    pub first_names: &'static [&'static str],
    pub last_names: &'static [&'static str],
    pub streets: &'static [&'static str],
    /// Whether the house number comes before the street name.
    pub number_first: bool,
    pub places: &'static [Place],
}

const fn place(
    country: &'static str,
    city: &'static str,
    state: &'static str,
    postal_code: &'static str,
    dial: &'static str,
    tld: &'static str,
) -> Place {
    Place {
        country,
        city,
        state,
        postal_code,
        dial,
        tld,
    }
}

/// The text shown for a word.
pub fn display(word: &str) -> &str {
    word.split_once('|').map_or(word, |(shown, _)| shown)
}

/// Appends the word's ASCII spelling in lower-case letters a-z only.
pub fn ascii(word: &str, into: &mut String) {
    if let Some((_, spelled)) = word.split_once('|') {
        into.extend(spelled.chars().filter(char::is_ascii_lowercase));
        return;
    }
    for c in word.chars() {
        let folded = match c.to_lowercase().next().unwrap_or(c) {
            c @ 'a'..='z' => c.to_string(),
            'ä' | 'æ' => "ae".into(),
            'ö' | 'ø' | 'œ' => "oe".into(),
            'ü' => "ue".into(),
            'ß' => "ss".into(),
            'à' | 'á' | 'â' | 'ã' | 'å' => "a".into(),
            'ç' => "c".into(),
            'è' | 'é' | 'ê' | 'ë' => "e".into(),
            'ì' | 'í' | 'î' | 'ï' => "i".into(),
            'ñ' => "n".into(),
            'ò' | 'ó' | 'ô' | 'õ' => "o".into(),
            'ù' | 'ú' | 'û' => "u".into(),
            _ => String::new(),
        };
        into.push_str(&folded);
    }
}

#[rustfmt::skip]
pub const LOCALES: &[Locale] = &[
    Locale {
        weight: 30,
        templates: &["{w} {t}", "{w} {t} {s}", "{l} {t} {s}", "{l} & {l} {t}"],
        words: &["Blue Ridge", "Summit", "Harbor", "Evergreen", "Pinecrest", "Silverline", "Redwood", "Oakmont", "Bright Path", "Lakeside", "Ironclad", "Northgate"],
        trades: &["Logistics", "Consulting", "Dental", "Software", "Builders", "Manufacturing", "Analytics", "Outfitters", "Health", "Media"],
        forms: &["Inc.", "LLC", "Ltd", "Group", "Co."],
        first_names: &["James", "Olivia", "Liam", "Emma", "Noah", "Ava", "William", "Sophia", "Ethan", "Grace", "Jack", "Chloe", "Priya", "Aiden"],
        last_names: &["Smith", "Johnson", "Williams", "Brown", "Taylor", "Anderson", "Thompson", "Carter", "Mitchell", "Walker", "Hughes", "Patel", "O'Connor"],
        streets: &["Main Street", "Oak Avenue", "Market Street", "Lake Washington Blvd NE", "High Street", "Queen Street", "Elm Road"],
        number_first: true,
        places: &[
            place("US", "Seattle", "WA", "98101", "1", "com"),
            place("US", "Austin", "TX", "78701", "1", "com"),
            place("US", "Chicago", "IL", "60601", "1", "com"),
            place("US", "Boston", "MA", "02108", "1", "com"),
            place("GB", "London", "Greater London", "EC1A 1BB", "44", "co.uk"),
            place("GB", "Manchester", "Greater Manchester", "M1 1AE", "44", "co.uk"),
            place("AU", "Sydney", "NSW", "2000", "61", "com.au"),
            place("CA", "Toronto", "ON", "M5H 2N2", "1", "ca"),
            place("IE", "Dublin", "Dublin", "D02 XY45", "353", "ie"),
            place("NZ", "Auckland", "Auckland", "1010", "64", "co.nz"),
        ],
    },
    Locale {
        weight: 15,
        templates: &["{t} {l}", "{w} {t} {s}", "{l} {t} {s}"],
        words: &["Nordlicht", "Alpen", "Rhein", "Sonnenschein", "Elbtal", "Edelweiß", "Bergblick", "Hanse", "Schwarzwald", "Isar"],
        trades: &["Bäckerei", "Maschinenbau", "Logistik", "Elektrotechnik", "Brauerei", "Möbelwerkstatt", "Softwarehaus", "Apotheke", "Metallbau", "Gärtnerei"],
        forms: &["GmbH", "AG", "GmbH & Co. KG", "e.K."],
        first_names: &["Jürgen", "Sören", "Lukas", "Anna", "Jörg", "Katharina", "Matthias", "Lea", "Björn", "Sophie", "Felix", "Hannah", "Günther", "Mia"],
        last_names: &["Müller", "Schröder", "Weiß", "Bäcker", "Schäfer", "Köhler", "Fischer", "Wagner", "Becker", "Hoffmann", "Krüger", "Groß", "Schulz"],
        streets: &["Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Königsallee", "Marktplatz", "Gartenweg", "Lindenstraße"],
        number_first: false,
        places: &[
            place("DE", "Berlin", "Berlin", "10115", "49", "de"),
            place("DE", "München", "Bayern", "80331", "49", "de"),
            place("DE", "Hamburg", "Hamburg", "20095", "49", "de"),
            place("DE", "Köln", "Nordrhein-Westfalen", "50667", "49", "de"),
            place("AT", "Wien", "Wien", "1010", "43", "at"),
            place("CH", "Zürich", "Zürich", "8001", "41", "ch"),
        ],
    },
    Locale {
        weight: 12,
        templates: &["{t} {l}", "{w} {t} {s}", "{t} {w} {s}"],
        words: &["Étoile", "Océan", "Lumière", "Horizon", "Soleil", "Mistral", "Azur", "Cèdre", "Rivière", "Château"],
        trades: &["Boulangerie", "Conseil", "Transports", "Informatique", "Pâtisserie", "Électricité", "Immobilier", "Librairie"],
        forms: &["SARL", "SAS", "SA"],
        first_names: &["Élodie", "François", "Hélène", "Jérôme", "Chloé", "Noël", "Amélie", "Théo", "Léa", "Benoît", "Zoé", "Gaël"],
        last_names: &["Lefèvre", "Dubois", "Moreau", "Lambert", "Girard", "Rousseau", "Fournier", "Bélanger", "Gauthier", "Mercier", "Faure"],
        streets: &["rue de Rivoli", "avenue Victor Hugo", "boulevard Haussmann", "rue de la République", "place Bellecour", "rue Sainte-Catherine"],
        number_first: true,
        places: &[
            place("FR", "Paris", "Île-de-France", "75001", "33", "fr"),
            place("FR", "Lyon", "Auvergne-Rhône-Alpes", "69002", "33", "fr"),
            place("FR", "Marseille", "Provence-Alpes-Côte d'Azur", "13001", "33", "fr"),
            place("BE", "Bruxelles", "Bruxelles-Capitale", "1000", "32", "be"),
            place("CA", "Montréal", "QC", "H2Y 1C6", "1", "ca"),
        ],
    },
    Locale {
        weight: 12,
        templates: &["{t} {l} {s}", "{w} {t} {s}", "{t} {w}"],
        words: &["Sol", "Mar Azul", "Montaña", "Olivo", "Alhambra", "Estrella", "Río Verde", "Peñalara", "Aurora", "Brisa"],
        trades: &["Construcciones", "Distribuciones", "Tecnología", "Alimentación", "Consultoría", "Transportes", "Panadería", "Viñedos"],
        forms: &["S.L.", "S.A.", "S.A. de C.V."],
        first_names: &["José", "María", "Íñigo", "Lucía", "Andrés", "Begoña", "Martín", "Sofía", "Álvaro", "Inés", "Raúl", "Núria"],
        last_names: &["García", "Martínez", "Fernández", "López", "Pérez", "Sánchez", "Gómez", "Muñoz", "Jiménez", "Ruiz", "Álvarez", "Castaño"],
        streets: &["Calle Mayor", "Gran Vía", "Paseo de la Castellana", "Avenida Diagonal", "Calle de Alcalá", "Avenida Reforma"],
        number_first: false,
        places: &[
            place("ES", "Madrid", "Madrid", "28013", "34", "es"),
            place("ES", "Barcelona", "Cataluña", "08001", "34", "es"),
            place("ES", "Sevilla", "Andalucía", "41001", "34", "es"),
            place("MX", "Ciudad de México", "CDMX", "06000", "52", "com.mx"),
            place("MX", "Guadalajara", "Jalisco", "44100", "52", "com.mx"),
        ],
    },
    Locale {
        weight: 8,
        templates: &["{w}{t}", "{s} {w}{t}", "{w}{t} {s}"],
        words: &["한빛|hanbit", "푸른|pureun", "새솔|saesol", "대한|daehan", "미래|mirae", "누리|nuri", "하늘|haneul", "동방|dongbang", "아라|ara", "세종|sejong"],
        trades: &["물류|mulryu", "전자|jeonja", "건설|geonseol", "식품|sikpum", "소프트|soft", "제약|jeyak", "통상|tongsang", "디자인|design"],
        forms: &["주식회사", "(주)"],
        first_names: &["민준|minjun", "서연|seoyeon", "지훈|jihun", "하은|haeun", "도윤|doyun", "지우|jiwoo", "수빈|subin", "현우|hyunwoo", "예린|yerin", "태윤|taeyoon"],
        last_names: &["김|kim", "이|lee", "박|park", "최|choi", "정|jung", "강|kang", "조|cho", "윤|yoon", "장|jang", "한|han"],
        streets: &["테헤란로", "세종대로", "해운대로", "강남대로", "을지로"],
        number_first: false,
        places: &[
            place("KR", "서울", "서울특별시", "06236", "82", "co.kr"),
            place("KR", "부산", "부산광역시", "48058", "82", "co.kr"),
            place("KR", "인천", "인천광역시", "21999", "82", "co.kr"),
        ],
    },
    Locale {
        weight: 8,
        templates: &["{s}{w}{t}", "{w}{t}{s}", "{l}{t}"],
        words: &["桜|sakura", "富士|fuji", "日の出|hinode", "大和|yamato", "青空|aozora", "北斗|hokuto", "東洋|toyo", "光|hikari", "若葉|wakaba"],
        trades: &["商事|shoji", "電機|denki", "物産|bussan", "工業|kogyo", "製作所|seisakusho", "食品|shokuhin", "建設|kensetsu", "ソフト|soft"],
        forms: &["株式会社", "有限会社"],
        first_names: &["翔太|shota", "陽菜|hina", "大輝|daiki", "結衣|yui", "健一|kenichi", "美咲|misaki", "拓海|takumi", "さくら|sakura", "蓮|ren", "葵|aoi"],
        last_names: &["佐藤|sato", "鈴木|suzuki", "高橋|takahashi", "田中|tanaka", "伊藤|ito", "渡辺|watanabe", "山本|yamamoto", "中村|nakamura", "小林|kobayashi"],
        streets: &["丸の内", "梅田", "みなとみらい", "栄", "天神"],
        number_first: false,
        places: &[
            place("JP", "千代田区", "東京都", "100-0005", "81", "co.jp"),
            place("JP", "大阪市", "大阪府", "530-0001", "81", "co.jp"),
            place("JP", "横浜市", "神奈川県", "220-0012", "81", "co.jp"),
            place("JP", "福岡市", "福岡県", "810-0001", "81", "co.jp"),
        ],
    },
    Locale {
        weight: 8,
        templates: &["{w}{t}{s}", "{w}{t}"],
        words: &["华星|huaxing", "东方|dongfang", "长城|changcheng", "金桥|jinqiao", "天成|tiancheng", "鸿图|hongtu", "远航|yuanhang", "瑞丰|ruifeng", "新元|xinyuan", "蓝海|lanhai"],
        trades: &["科技|keji", "贸易|maoyi", "物流|wuliu", "电子|dianzi", "软件|ruanjian", "食品|shipin", "建设|jianshe", "咨询|zixun"],
        forms: &["有限公司", "股份有限公司"],
        first_names: &["伟|wei", "芳|fang", "娜|na", "敏|min", "静|jing", "强|qiang", "磊|lei", "婷|ting", "杰|jie", "晓明|xiaoming", "思远|siyuan"],
        last_names: &["王|wang", "李|li", "张|zhang", "刘|liu", "陈|chen", "杨|yang", "黄|huang", "赵|zhao", "吴|wu", "周|zhou"],
        streets: &["南京东路", "长安街", "深南大道", "中山路", "人民路"],
        number_first: false,
        places: &[
            place("CN", "上海", "上海市", "200001", "86", "com.cn"),
            place("CN", "北京", "北京市", "100005", "86", "com.cn"),
            place("CN", "深圳", "广东省", "518000", "86", "com.cn"),
            place("TW", "台北", "臺北市", "100", "886", "com.tw"),
        ],
    },
    Locale {
        weight: 7,
        templates: &["{s} {t} {w}", "{s} {w}"],
        words: &["Minh Phát|minhphat", "Hòa Bình|hoabinh", "Sao Việt|saoviet", "Thành Công|thanhcong", "Phú Quý|phuquy", "Ánh Dương|anhduong", "Tân Tiến|tantien", "Kim Long|kimlong"],
        trades: &["Thương mại|thuongmai", "Công nghệ|congnghe", "Xây dựng|xaydung", "Vận tải|vantai", "Thực phẩm|thucpham", "Dịch vụ|dichvu"],
        forms: &["Công ty TNHH", "Công ty Cổ phần"],
        first_names: &["Minh", "Anh", "Hương|huong", "Đức|duc", "Lan", "Tuấn|tuan", "Thảo|thao", "Quang", "Ngọc|ngoc", "Hải|hai"],
        last_names: &["Nguyễn|nguyen", "Trần|tran", "Lê|le", "Phạm|pham", "Hoàng|hoang", "Huỳnh|huynh", "Phan", "Vũ|vu", "Võ|vo", "Đặng|dang"],
        streets: &["Đường Lê Lợi", "Phố Huế", "Đường Nguyễn Huệ", "Đường Trần Phú", "Phố Hàng Bài"],
        number_first: true,
        places: &[
            place("VN", "Hà Nội", "Hà Nội", "100000", "84", "vn"),
            place("VN", "Thành phố Hồ Chí Minh", "Hồ Chí Minh", "700000", "84", "com.vn"),
            place("VN", "Đà Nẵng", "Đà Nẵng", "550000", "84", "vn"),
        ],
    },
];
