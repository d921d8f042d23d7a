use super::super::tests::{random_name, random_rows, varied, Rng};
use super::super::{Directory, ListingRow};
use crate::domain::agreement::Contact;
use crate::domain::customer::{Address, Customer, CustomerFilter};

fn customer(row: &ListingRow) -> Customer {
    Customer {
        id: "id".into(),
        company_name: row.company_name.clone(),
        domain: row.domain.clone(),
        cloud: row.cloud,
        address: Address {
            country: "US".into(),
            line1: "1 Main St".into(),
            line2: None,
            city: "Redmond".into(),
            state: "WA".into(),
            postal_code: "98052".into(),
        },
        primary_contact: Contact::default(),
        created_at: "2018-09-14T10:00:00Z".parse().unwrap(),
        created_by: "Megan".into(),
    }
}

/// The ranks the Customers list filter keeps, one customer at a time.
fn filtered(directory: &Directory, needle: &str) -> Vec<u32> {
    let filter = CustomerFilter::new(needle);
    directory
        .rows()
        .enumerate()
        .filter(|(_, entry)| filter.matches(&customer(&entry.to_row())))
        .map(|(rank, _)| rank as u32)
        .collect()
}

/// Checks the search against the filter.
fn agrees(directory: &Directory, needle: &str) -> Vec<u32> {
    let expected = filtered(directory, needle);
    assert_eq!(directory.search(needle), expected, "{needle:?}");
    expected
}

fn names(directory: &Directory, ranks: &[u32]) -> Vec<String> {
    ranks
        .iter()
        .map(|&r| directory.get(r as usize).unwrap().company_name.to_string())
        .collect()
}

#[test]
fn the_search_agrees_with_the_filter_on_varied_names() {
    let directory = Directory::from_rows(varied());
    let needles = [
        "",
        "   ",
        "zoë",
        "ZOË",
        "  Zoë  ",
        "zoe",
        "école",
        "ÉCOLE",
        "ecole",
        "Lumière",
        "한빛",
        "山田",
        "οδος",
        "ΟΔΟΣ",
        "ς",
        "σ",
        "ταξίδια",
        "contoso",
        "CONTOSO LTD",
        "contoso2",
        "bakery.onmicrosoft",
        "onmicrosoft",
        "co",
        ".com",
        "nordecoledunord",
        "lumièreecole",
        "nord\u{1f}eco",
        "lumière\u{1f}",
        "\n",
        "a\nb",
        "\u{1f}",
        "a\u{1f}a",
        "\t",
        "straße",
        "strasse",
        "i̇stanbul",
        "istanbul",
        "k",
        "\u{212a}",
        "kelvin",
        "a",
        "ab",
        "zzz",
        "fabrikam.com",
        "fabrikam.co",
        "m.onmicrosoft.com\n",
    ];
    for needle in needles {
        agrees(&directory, needle);
    }
}

#[test]
fn the_search_finds_what_a_reader_expects() {
    let directory = Directory::from_rows(varied());
    let found = |needle: &str| names(&directory, &agrees(&directory, needle));
    assert_eq!(found("ÉCOLE"), ["école du Nord", "ÉCOLE Lumière"]);
    assert_eq!(found("zoe"), ["Zoë Bakery"]);
    assert_eq!(found("Zoe\u{308}"), ["Zoë Bakery"], "a combining diaeresis");
    assert_eq!(found("ZOË"), ["Zoë Bakery"]);
    assert_eq!(
        found("noël café"),
        ["Noe\u{308}l Cafe\u{301}"],
        "a name stored decomposed"
    );
    assert_eq!(found("noe\u{308}l"), ["Noe\u{308}l Cafe\u{301}"]);
    assert_eq!(found("한빛"), ["Hanbit Logistics 한빛물류"]);
    assert_eq!(found("ΟΔΟΣ"), ["ΟΔΟΣ Ταξίδια"]);
    assert_eq!(found("nordecole"), Vec::<String>::new());
    assert_eq!(found("nord\u{1f}ecole"), Vec::<String>::new());
    assert_eq!(found("a\nb"), Vec::<String>::new());
    assert_eq!(found("onmicrosoft").len(), directory.len() - 1);
    assert_eq!(found("").len(), directory.len());
}

#[test]
fn the_search_agrees_with_the_filter_on_random_rows_and_needles() {
    let mut rng = Rng::new(11);
    let mut rows = varied();
    rows.extend(random_rows(&mut rng, 3000));
    let directory = Directory::from_rows(rows);
    let mut total = 0;
    for _ in 0..400 {
        let entry = directory.get(rng.below(directory.len())).unwrap();
        let source: String = match rng.below(5) {
            0 => entry.company_name.to_string(),
            1 => entry.company_name.to_uppercase(),
            2 => entry.domain().to_string(),
            3 => format!("{}{}", entry.company_name.to_lowercase(), entry.domain()),
            _ => random_name(&mut rng),
        };
        let chars: Vec<char> = source.chars().collect();
        let start = rng.below(chars.len().max(1));
        let end = (start + 1 + rng.below(6)).min(chars.len());
        let mut needle: String = chars[start.min(end)..end].iter().collect();
        if rng.below(8) == 0 {
            needle = format!(" {needle}\t");
        }
        total += agrees(&directory, &needle).len();
    }
    // The needles are mostly taken from rows: most find something.
    assert!(total > 400, "{total}");
}

#[test]
fn a_search_over_no_rows_finds_nothing() {
    let directory = Directory::new();
    assert!(directory.search("").is_empty());
    assert!(directory.search("a").is_empty());
}

#[test]
fn a_common_letter_counts_each_row_once() {
    let rows: Vec<ListingRow> = (0..200)
        .map(|i| super::super::tests::row("aaaa", &format!("aaa{i}.onmicrosoft.com")))
        .collect();
    let directory = Directory::from_rows(rows);
    let all: Vec<u32> = (0..200).collect();
    assert_eq!(agrees(&directory, "a"), all);
    assert_eq!(agrees(&directory, "aa"), all);
}

#[test]
fn every_single_character_agrees_with_the_filter_before_and_after_rows_are_added() {
    let mut rng = Rng::new(5);
    let mut rows = varied();
    rows.extend(random_rows(&mut rng, 500));
    let (first, later) = rows.split_at(rows.len() / 2);
    let mut directory = Directory::from_rows(first.to_vec());
    let characters: Vec<String> = (b' '..=b'~')
        .map(|byte| char::from(byte).to_string())
        .chain(["ä", "山", "É", "\u{1f}"].map(String::from))
        .collect();
    let mut found = 0;
    for character in &characters {
        found += agrees(&directory, character).len();
    }
    // Added after the one-character search was first used, as a change made meanwhile is.
    for row in later {
        directory.upsert(row);
    }
    for character in &characters {
        found += agrees(&directory, character).len();
    }
    assert!(found > 1000, "{found}");
}
