//! The demo's shop in each shipped language (`regulars demo --language lv`): its name,
//! currency, prices and rewards, and the names its customers have.

/// Names to draw customers from. Where surnames change with gender (Latvian), the first names
/// from `female_from` on take the feminine surnames.
#[derive(Debug)]
pub struct Names {
    pub first: &'static [&'static str],
    pub female_from: usize,
    pub last: &'static [&'static str],
    pub last_female: Option<&'static [&'static str]>,
}

impl Names {
    /// "First Last" for the indexes drawn.
    pub fn full(&self, first: usize, last: usize) -> String {
        let f = self.first[first % self.first.len()];
        let surnames = match self.last_female {
            Some(feminine) if first % self.first.len() >= self.female_from => feminine,
            _ => self.last,
        };
        format!("{f} {}", surnames[last % surnames.len()])
    }
}

/// A demo shop: what `config.toml` says for it.
pub struct DemoShop {
    pub language: &'static str,
    pub name: &'static str,
    pub currency: &'static str,
    /// One point for every this much spent (the price level: a coffee costs about 3 of them).
    pub per: &'static str,
    pub min_spend: &'static str,
    pub owner_pin_above: &'static str,
    /// (id, name, cost in points).
    pub rewards: [(&'static str, &'static str, i64); 3],
    pub names: Names,
}

pub const ENGLISH: Names = Names {
    first: &[
        "Aoife", "Ben", "Chloe", "Daniel", "Emma", "Finn", "Grace", "Hugo", "Isla", "Jack", "Kate",
        "Liam", "Maya", "Noah", "Olivia", "Paul", "Quinn", "Rosa", "Sean", "Tara", "Uma", "Victor",
        "Wendy", "Xavier", "Yara", "Zoe", "Ciara", "Oisín", "Niamh", "Cillian", "Zoë", "José",
    ],
    female_from: 0,
    last: &[
        "Byrne", "Murphy", "Kelly", "O'Brien", "Walsh", "Smith", "Doyle", "Lynch", "Ryan", "Nolan",
        "García", "Novak", "Müller", "Rossi", "Dubois", "Silva", "Nowak", "Jensen", "Costa", "Kim",
    ],
    last_female: None,
};

const SERBIAN_CYRILLIC: Names = Names {
    first: &[
        "Ђорђе",
        "Милош",
        "Никола",
        "Марко",
        "Стефан",
        "Лазар",
        "Душан",
        "Вук",
        "Јована",
        "Милица",
        "Ана",
        "Теодора",
        "Ивана",
        "Катарина",
        "Јелена",
        "Љиљана",
    ],
    female_from: 8,
    last: &[
        "Петровић",
        "Јовановић",
        "Николић",
        "Ђорђевић",
        "Марковић",
        "Илић",
        "Стојановић",
        "Ћирић",
        "Живковић",
        "Лукић",
        "Павловић",
        "Шарац",
    ],
    last_female: None,
};

const SERBIAN_LATIN: Names = Names {
    first: &[
        "Đorđe", "Miloš", "Nikola", "Marko", "Stefan", "Lazar", "Dušan", "Vuk", "Jovana", "Milica",
        "Ana", "Teodora", "Ivana", "Katarina", "Jelena", "Ljiljana",
    ],
    female_from: 8,
    last: &[
        "Petrović",
        "Jovanović",
        "Nikolić",
        "Đorđević",
        "Marković",
        "Ilić",
        "Stojanović",
        "Ćirić",
        "Živković",
        "Lukić",
        "Pavlović",
        "Šarac",
    ],
    last_female: None,
};

pub const SHOPS: [DemoShop; 6] = [
    DemoShop {
        language: "en",
        name: "Corner Café",
        currency: "EUR",
        per: "1.00",
        min_spend: "2.00",
        owner_pin_above: "20.00",
        rewards: [
            ("coffee", "Free coffee", 40),
            ("cake", "Slice of cake", 60),
            ("beans", "Bag of beans", 150),
        ],
        names: ENGLISH,
    },
    DemoShop {
        language: "lv",
        name: "Kafejnīca Ķiploks",
        currency: "EUR",
        per: "1.00",
        min_spend: "2.00",
        owner_pin_above: "20.00",
        rewards: [
            ("coffee", "Bezmaksas kafija", 40),
            ("cake", "Kūkas gabals", 60),
            ("beans", "Kafijas pupiņu paka", 150),
        ],
        names: Names {
            first: &[
                "Jānis",
                "Andris",
                "Kristaps",
                "Mārtiņš",
                "Edgars",
                "Artūrs",
                "Roberts",
                "Pēteris",
                "Līga",
                "Anna",
                "Ilze",
                "Inese",
                "Dace",
                "Zane",
                "Laura",
                "Ieva",
            ],
            female_from: 8,
            last: &[
                "Bērziņš",
                "Kalniņš",
                "Ozoliņš",
                "Jansons",
                "Krūmiņš",
                "Balodis",
                "Eglītis",
                "Zariņš",
                "Pētersons",
                "Vītols",
                "Kļaviņš",
                "Lūsis",
            ],
            last_female: Some(&[
                "Bērziņa",
                "Kalniņa",
                "Ozoliņa",
                "Jansone",
                "Krūmiņa",
                "Balode",
                "Eglīte",
                "Zariņa",
                "Pētersone",
                "Vītola",
                "Kļaviņa",
                "Lūse",
            ]),
        },
    },
    DemoShop {
        language: "sr-Cyrl",
        name: "Кафана Ђерам",
        currency: "RSD",
        per: "100",
        min_spend: "200",
        owner_pin_above: "2000",
        rewards: [
            ("coffee", "Бесплатна кафа", 40),
            ("cake", "Парче торте", 60),
            ("beans", "Кесица кафе у зрну", 150),
        ],
        names: SERBIAN_CYRILLIC,
    },
    DemoShop {
        language: "sr-Latn",
        name: "Kafana Đeram",
        currency: "RSD",
        per: "100",
        min_spend: "200",
        owner_pin_above: "2000",
        rewards: [
            ("coffee", "Besplatna kafa", 40),
            ("cake", "Parče torte", 60),
            ("beans", "Kesica kafe u zrnu", 150),
        ],
        names: SERBIAN_LATIN,
    },
    DemoShop {
        language: "fil",
        name: "Kapihan ni Aling Nena",
        currency: "PHP",
        per: "50.00",
        min_spend: "100.00",
        owner_pin_above: "1000.00",
        rewards: [
            ("coffee", "Libreng kape", 40),
            ("cake", "Isang hiwa ng cake", 60),
            ("beans", "Isang supot ng barako", 150),
        ],
        names: Names {
            first: &[
                "Juan", "Jose", "Mark", "Paolo", "Miguel", "Niño", "Carlo", "Rafael", "Maria",
                "Ana", "Kristine", "Jasmine", "Angelica", "Rosario", "Liza", "Joy",
            ],
            female_from: 8,
            last: &[
                "Dela Cruz",
                "Santos",
                "Reyes",
                "Garcia",
                "Mendoza",
                "Bautista",
                "Ramos",
                "Aquino",
                "Villanueva",
                "Castillo",
                "Peña",
                "Magsaysay",
            ],
            last_female: None,
        },
    },
    DemoShop {
        language: "te",
        name: "శ్రీ టిఫిన్స్",
        currency: "INR",
        per: "50.00",
        min_spend: "100.00",
        owner_pin_above: "1000.00",
        rewards: [
            ("coffee", "ఉచిత ఫిల్టర్ కాఫీ", 40),
            ("cake", "ఉచిత ఇడ్లీ", 60),
            ("beans", "కాఫీ పొడి ప్యాకెట్", 150),
        ],
        names: Names {
            first: &[
                "శ్రీనివాస్",
                "రవి",
                "వెంకట్",
                "సురేష్",
                "కిరణ్",
                "రాజేష్",
                "ప్రసాద్",
                "మహేష్",
                "లక్ష్మి",
                "సుజాత",
                "అనూష",
                "దివ్య",
                "పద్మ",
                "శ్రావణి",
                "స్వాతి",
                "కవిత",
            ],
            female_from: 8,
            last: &["రావు", "రెడ్డి", "నాయుడు", "శర్మ", "చౌదరి", "వర్మ", "గుప్తా", "శాస్త్రి"],
            last_female: None,
        },
    },
];

/// The demo shop for a language tag as shipped (`lv`, `sr-Cyrl`…).
pub fn shop(language: &str) -> Option<&'static DemoShop> {
    SHOPS.iter().find(|s| s.language == language)
}

impl DemoShop {
    /// Writes this shop's name, currency, language, prices and rewards into `config.toml`
    /// (the rest of the file is kept as it is).
    pub fn write_config(&self, path: &std::path::Path) -> std::io::Result<()> {
        use toml_edit::{DocumentMut, Item, Table, value};
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let mut doc: DocumentMut = text.parse().unwrap_or_default();
        let shop = doc["shop"].or_insert(Table::new().into());
        shop["name"] = value(self.name);
        shop["currency"] = value(self.currency);
        shop["language"] = value(self.language);
        let program = doc["program"].or_insert(Table::new().into());
        program["per"] = value(self.per);
        program["min_spend"] = value(self.min_spend);
        let mut rewards = toml_edit::ArrayOfTables::new();
        for (id, name, cost) in self.rewards {
            let mut t = Table::new();
            t["id"] = value(id);
            t["name"] = value(name);
            t["cost"] = value(cost);
            rewards.push(t);
        }
        program["rewards"] = Item::ArrayOfTables(rewards);
        doc["staff"].or_insert(Table::new().into())["owner_pin_above"] =
            value(self.owner_pin_above);
        std::fs::write(path, doc.to_string())
    }
}
