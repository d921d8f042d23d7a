//! Fixtures shared by the directory's tests, and the tests of order, access and upsert.

use super::*;

/// A tiny xorshift generator: the tests draw the same rows on every run.
pub(super) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

pub(super) fn row(name: &str, domain: &str) -> ListingRow {
    ListingRow {
        company_name: name.into(),
        domain: domain.into(),
        cloud: Cloud::Public,
        status: AgreementStatus::NotConfirmed,
        agreement: None,
        subscriptions: 0,
    }
}

/// Names in many scripts and cases, names that are prefixes of others, a final sigma, and domains
/// with and without `.onmicrosoft.com`.
pub(super) fn varied() -> Vec<ListingRow> {
    let mut rows = vec![
        row("Zoë Bakery", "zoebakery.onmicrosoft.com"),
        row("ÉCOLE Lumière", "ecolelumiere.onmicrosoft.com"),
        row("école du Nord", "ecoledunord.onmicrosoft.com"),
        row(
            "Hanbit Logistics 한빛물류",
            "hanbitlogistics.onmicrosoft.com",
        ),
        row("山田商事株式会社", "yamadashoji.onmicrosoft.com"),
        row("ΟΔΟΣ Ταξίδια", "odostaxidia.onmicrosoft.com"),
        row("Contoso", "contoso.onmicrosoft.com"),
        row("Contoso Ltd", "contosoltd.onmicrosoft.com"),
        row("contoso", "contoso2.onmicrosoft.com"),
        row("Fabrikam", "fabrikam.com"),
        row("Straße Bau GmbH", "strassebau.onmicrosoft.com"),
        row("İstanbul Tekstil", "istanbultekstil.onmicrosoft.com"),
        row("\u{212a}elvin Labs", "kelvinlabs.onmicrosoft.com"),
        row("Ab", "ab.onmicrosoft.com"),
        row("A", "a.onmicrosoft.com"),
        row("Northwind Traders", "nwt.onmicrosoft.com"),
        // Stored as typed on a keyboard that sends the accent as a combining mark.
        row("Noe\u{308}l Cafe\u{301}", "noelcafe.onmicrosoft.com"),
    ];
    let clouds = Cloud::ALL;
    for (i, row) in rows.iter_mut().enumerate() {
        row.cloud = clouds[i % 4];
        row.status = AgreementStatus::of(row.cloud, i % 3 == 0);
        row.subscriptions = if i == 3 {
            u32::MAX
        } else {
            (i as u32) * 7919 % 23
        };
    }
    rows
}

const FRAGMENTS: &[&str] = &[
    "a", "e", "Co", "ntoso", "Zoë", "ÉCOLE", "école", "한빛", "山田", "ΟΔΟΣ", "σ", "ς", " ", "-",
    "Ltd", "Straße", "İ", "\u{212a}", "north", "WIND", "ab", "x", "Ü", "0", "e\u{308}", "ë",
];

/// A company name of one to four fragments; one in fifty holds a control character, which
/// validation refuses but the directory must still search exactly.
pub(super) fn random_name(rng: &mut Rng) -> String {
    let mut name: String = (0..1 + rng.below(4))
        .map(|_| *rng.pick(FRAGMENTS))
        .collect();
    if rng.below(50) == 0 {
        let at = *rng.pick(&name.char_indices().map(|(i, _)| i).collect::<Vec<_>>());
        name.insert(at, *rng.pick(&['\t', '\n', '\u{1f}']));
    }
    name
}

pub(super) fn random_rows(rng: &mut Rng, count: usize) -> Vec<ListingRow> {
    (0..count)
        .map(|i| {
            let letters: String = (0..1 + rng.below(6))
                .map(|_| *rng.pick(&['a', 'b', 'c', 'o', 'n', 's', '1']))
                .collect();
            let ending = if rng.below(10) == 0 {
                ".com"
            } else {
                DOMAIN_SUFFIX
            };
            let cloud = *rng.pick(&Cloud::ALL);
            ListingRow {
                company_name: random_name(rng),
                domain: format!("{letters}z{i}{ending}"),
                cloud,
                status: AgreementStatus::of(cloud, rng.below(2) == 0),
                agreement: None,
                subscriptions: rng.next() as u32 % 1000,
            }
        })
        .collect()
}

/// The rows sorted by key: what a directory of them must list.
fn in_key_order(mut rows: Vec<ListingRow>) -> Vec<ListingRow> {
    rows.sort_by_key(|r| sort_key(&r.company_name, &r.domain));
    rows
}

fn listed(directory: &Directory) -> Vec<ListingRow> {
    directory.rows().map(|e| e.to_row()).collect()
}

#[test]
fn the_sort_key_orders_by_lower_case_name_then_domain() {
    assert_eq!(
        sort_key("Zoë ÉCOLE", "z.onmicrosoft.com"),
        "zoë école\u{1f}z.onmicrosoft.com"
    );
    assert_eq!(sort_key("ΟΔΟΣ", "o"), "οδος\u{1f}o");
    assert!(sort_key("Ab", "z") < sort_key("abc", "a"));
    assert!(sort_key("contoso", "a") < sort_key("Contoso", "b"));
}

#[test]
fn rows_in_any_order_come_out_in_key_order() {
    let mut rng = Rng::new(7);
    let mut rows = varied();
    rows.extend(random_rows(&mut rng, 500));
    let expected = in_key_order(rows.clone());
    rng.shuffle(&mut rows);
    let directory = Directory::from_rows(rows.clone());
    assert_eq!(directory.len(), rows.len());
    assert_eq!(listed(&directory), expected);
    assert_eq!(Directory::from_rows(expected.clone()), directory);
    for rank in 1..directory.len() {
        assert!(directory.key(rank - 1) < directory.key(rank), "rank {rank}");
    }
}

#[test]
fn rank_of_finds_every_row_whatever_the_case_of_its_name() {
    let mut rng = Rng::new(8);
    let mut rows = varied();
    rows.extend(random_rows(&mut rng, 300));
    let directory = Directory::from_rows(rows);
    for (rank, entry) in directory.rows().enumerate() {
        let found = directory.rank_of(entry.company_name, entry.domain());
        assert_eq!(found, Some(rank), "{entry:?}");
        let upper = entry.company_name.to_uppercase();
        if upper.to_lowercase() == entry.company_name.to_lowercase() {
            assert_eq!(directory.rank_of(&upper, entry.domain()), Some(rank));
        }
    }
    assert_eq!(
        directory.rank_of("Contoso", "contoso3.onmicrosoft.com"),
        None
    );
    assert_eq!(directory.rank_of("Contos", "contoso.onmicrosoft.com"), None);
    assert_eq!(Directory::new().rank_of("A", "a"), None);
}

#[test]
fn access_gives_each_field_back() {
    let directory = Directory::from_rows(varied());
    assert!(directory.get(directory.len()).is_none());
    assert!(Directory::new().is_empty() && Directory::new().get(0).is_none());
    let rank = directory.rank_of("Fabrikam", "fabrikam.com").unwrap();
    let fabrikam = directory.get(rank).unwrap();
    assert_eq!(fabrikam.domain(), "fabrikam.com");
    assert_eq!(fabrikam.domain_prefix(), "fabrikam.com");
    assert_eq!(fabrikam.to_row(), varied()[9]);
    let hanbit = directory
        .get(
            directory
                .rank_of(
                    "HANBIT LOGISTICS 한빛물류",
                    "hanbitlogistics.onmicrosoft.com",
                )
                .unwrap(),
        )
        .unwrap();
    assert_eq!(hanbit.domain_prefix(), "hanbitlogistics");
    assert_eq!(hanbit.subscriptions, u32::MAX);
    assert_eq!(directory.get(0).unwrap().company_name, "A");
}

#[test]
fn a_name_and_domain_given_twice_keep_the_last_row() {
    let mut later = row("CONTOSO", "contoso.onmicrosoft.com");
    later.subscriptions = 9;
    let directory = Directory::from_rows([
        row("Contoso", "contoso.onmicrosoft.com"),
        row("B", "b"),
        later.clone(),
    ]);
    assert_eq!(listed(&directory), vec![row("B", "b"), later]);
}

#[test]
fn upsert_updates_in_place_and_inserts_in_order() {
    let mut rng = Rng::new(9);
    let all = random_rows(&mut rng, 400);
    let (first, rest) = all.split_at(250);
    let mut directory = Directory::from_rows(first.to_vec());
    let mut expected = first.to_vec();
    for row in rest {
        let rank = directory.upsert(row);
        assert_eq!(directory.get(rank).unwrap().to_row(), *row);
        expected.push(row.clone());
    }
    assert_eq!(directory, Directory::from_rows(expected.clone()));
    // Updates: status, cloud, subscriptions and the case of the name.
    for i in (0..expected.len()).step_by(7) {
        let row = &mut expected[i];
        row.cloud = Cloud::UsGovernment;
        row.status = AgreementStatus::NotSupported;
        row.subscriptions += 1;
        if i % 2 == 0 {
            row.company_name = row.company_name.to_uppercase();
            if sort_key(&row.company_name, &row.domain)
                != sort_key(&all[i].company_name, &row.domain)
            {
                row.company_name = all[i].company_name.clone();
            }
        }
        let len = directory.len();
        let rank = directory.upsert(row);
        assert_eq!(directory.len(), len);
        assert_eq!(directory.get(rank).unwrap().to_row(), *row);
    }
    assert_eq!(listed(&directory), in_key_order(expected.clone()));
    let needle = expected[3].company_name.clone();
    assert_eq!(
        directory.search(&needle),
        Directory::from_rows(expected).search(&needle)
    );
}

#[test]
fn rows_cost_no_allocation_of_their_own() {
    let rows: Vec<ListingRow> = (0..1000)
        .map(|i| {
            row(
                &format!("Company number {i:05} Ltd"),
                &format!("companynumber{i:05}.onmicrosoft.com"),
            )
        })
        .collect();
    let mut directory = Directory::from_rows(rows);
    let per_row = directory.heap_bytes() / directory.len();
    assert!((80..=130).contains(&per_row), "{per_row} bytes per row");
    let before = directory.heap_bytes();
    directory.upsert(&row(
        "Company number 00500a",
        "companynumber00500a.onmicrosoft.com",
    ));
    assert!(directory.heap_bytes() < before + before / 16);
}

#[test]
fn the_rows_of_a_name_prefix_are_one_run_found_by_search() {
    let mut rng = Rng::new(7);
    let names = [
        "Contoso",
        "contoso Labs",
        "Café Zoë",
        "CAFÉ azteca",
        "Coho",
        "Adatum",
        "Zebra",
    ];
    let rows: Vec<ListingRow> = (0..400)
        .map(|i| {
            let name: &&str = rng.pick(&names);
            row(name, &format!("d{i}.onmicrosoft.com"))
        })
        .collect();
    let directory = Directory::from_rows(rows);
    for prefix in [
        "c",
        "co",
        "contoso",
        "contoso l",
        "café",
        "caf",
        "z",
        "zz",
        "",
        "a",
    ] {
        let folded = crate::domain::compare::folded(prefix);
        let expected: Vec<usize> = (0..directory.len())
            .filter(|&rank| {
                let entry = directory.get(rank).unwrap();
                crate::domain::compare::folded(entry.company_name).starts_with(&folded)
            })
            .collect();
        let found: Vec<usize> = directory.ranks_with_name_prefix(&folded).collect();
        assert_eq!(found, expected, "prefix {prefix:?}");
    }
}
