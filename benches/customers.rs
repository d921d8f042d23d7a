//! The Customers screen over synthetic directories of 10k, 100k and 1M customers: drawing a
//! frame (80x24 and 140x40) and filtering (`Directory::search`, what each filter key runs).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pcenter::app::App;
use pcenter::book::Book;
use pcenter::directory::{Directory, ListingRow};
use pcenter::domain::cloud::Cloud;
use pcenter::domain::role::Role;
use pcenter::domain::status::AgreementStatus;
use pcenter::service::Actor;
use pcenter::ui;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::hint::black_box;
use std::time::Duration;

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
const TERMINALS: [(u16, u16); 2] = [(80, 24), (140, 40)];
/// A common word, a letter most rows hold, a name in another script, and an accent typed as a
/// combining mark (put in normal form C once per keystroke; the names are in it already).
const NEEDLES: [&str; 4] = ["contoso", "a", "山田", "zoe\u{308}"];

/// Company names as people write them, in several languages and scripts; each has an ASCII
/// domain base.
const NAMES: [(&str, &str); 16] = [
    ("Contoso", "contoso"),
    ("Fabrikam", "fabrikam"),
    ("Northwind Traders", "northwind"),
    ("Bäckerei Müller", "baeckereimueller"),
    ("Société Générale des Eaux", "societegenerale"),
    ("Café São Paulo", "cafesaopaulo"),
    ("山田商事", "yamadashoji"),
    ("東京デザイン", "tokyodesign"),
    ("한빛물류", "hanbit"),
    ("Nguyễn & Cộng sự", "nguyen"),
    ("Øresund Shipping", "oresund"),
    ("Łódź Logistyka", "lodz"),
    ("Ελληνική Τεχνική", "elliniki"),
    ("Московский Хлеб", "moskhleb"),
    ("Zoë's Flowers", "zoesflowers"),
    ("Alpine Ski House", "alpineski"),
];
const FORMS: [&str; 8] = [
    "GmbH",
    "Ltd",
    "S.A.",
    "Inc.",
    "株式会社",
    "Oy",
    "AB",
    "s.r.o.",
];

fn directory(size: usize) -> Directory {
    Directory::from_rows((0..size).map(|i| {
        let (name, base) = NAMES[i % NAMES.len()];
        let form = FORMS[(i / NAMES.len()) % FORMS.len()];
        let cloud = if i % 97 == 0 {
            Cloud::Germany
        } else {
            Cloud::Public
        };
        ListingRow {
            company_name: format!("{name} {} {form}", i / (NAMES.len() * FORMS.len())),
            domain: format!("{base}{i}.onmicrosoft.com"),
            cloud,
            status: AgreementStatus::of(cloud, i % 10 < 7),
            agreement: None,
            subscriptions: (i % 5) as u32,
        }
    }))
}

fn app(directory: Directory, size: (u16, u16)) -> App {
    let actor = Actor {
        agent: "Bench Agent".into(),
        role: Role::AdminAgent,
        business_date: "2019-03-01".parse().expect("a date"),
        access: Default::default(),
    };
    App::with_directory(
        actor,
        "Bench".into(),
        Book::default(),
        std::sync::Arc::new(std::sync::RwLock::new(directory)),
        None,
        size,
    )
}

fn benches(c: &mut Criterion) {
    let directories: Vec<(usize, Directory)> = SIZES.iter().map(|&s| (s, directory(s))).collect();
    let mut frames = c.benchmark_group("customers_frame");
    for (size, directory) in &directories {
        for (width, height) in TERMINALS {
            let app = app(directory.clone(), (width, height));
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
            let id = BenchmarkId::new(format!("{width}x{height}"), size);
            frames.bench_function(id, |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| ui::render(frame, black_box(&app)))
                        .expect("draw");
                })
            });
        }
    }
    frames.finish();
    let mut filter = c.benchmark_group("customers_filter");
    for (size, directory) in &directories {
        filter.throughput(Throughput::Elements(*size as u64));
        for needle in NEEDLES {
            filter.bench_with_input(BenchmarkId::new(needle, size), directory, |b, d| {
                b.iter(|| d.search(black_box(needle)))
            });
        }
    }
    filter.finish();
}

criterion_group! {
    name = customers;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = benches
}
criterion_main!(customers);
