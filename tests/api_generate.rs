//! `pcenter generate` from the outside: the real binary filling an empty store.

mod binary;

use binary::*;

#[test]
fn generate_fills_an_empty_store_once_and_refuses_to_mix_with_other_data() {
    let demo = Demo::new();
    let run = demo.run(
        MANDATORY_DAY,
        &["generate", "--customers", "2000", "--seed", "7"],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stderr, "", "no bar without a terminal");
    let line = run.stdout.trim_end();
    assert_eq!(run.stdout.lines().count(), 1, "{run:?}");
    assert!(line.starts_with("Generated 2000 customers ("), "{line}");
    assert!(line.contains(" confirmed, "), "{line}");
    assert!(line.contains(" in national clouds, "), "{line}");
    let store = demo.store_path().display().to_string();
    assert!(
        line.ends_with(&format!(" subscriptions) in {store}")),
        "{line}"
    );

    let list = demo.run(MANDATORY_DAY, &["customers", "list", "--format", "csv"]);
    assert_eq!(list.code, Some(0), "{list:?}");
    assert_eq!(list.stdout.lines().count(), 1 + 2000);

    let report = demo.run(MANDATORY_DAY, &["report", "compliance", "--format", "json"]);
    let summary = &report.json()["summary"];
    let count = |key: &str| summary[key].as_u64().expect(key);
    assert_eq!(count("customers"), 2000);
    let public = count("confirmed") + count("notConfirmed");
    let share = count("confirmed") as f64 / public as f64;
    assert!((0.64..=0.76).contains(&share), "{summary}");
    assert!((1..=60).contains(&count("notSupported")), "{summary}");

    let before = demo.snapshot();
    let again = demo.run(MANDATORY_DAY, &["generate", "--customers", "5"]);
    let description = again.refused(6, 400);
    assert!(description.contains("empty store"), "{description}");
    assert_eq!(demo.snapshot(), before);
}

#[test]
fn generate_needs_a_role_that_may_create_customers() {
    let demo = Demo::new();
    let run = demo.run_as(
        "helpdesk-agent",
        MANDATORY_DAY,
        &["generate", "--customers", "10"],
    );
    run.refused(7, 403);
    assert!(demo.snapshot().customers.is_empty());
}

#[test]
fn generate_says_its_maximum_and_takes_no_number_past_it() {
    let demo = Demo::new();
    for (value, said) in [
        (
            "10000001",
            "--customers: 10000001 is more than generate makes: at most 10,000,000 customers",
        ),
        (
            "99999999999999999999999",
            "--customers: 99999999999999999999999 is more than generate makes: at most 10,000,000",
        ),
        ("1e9", "--customers: '1e9' is not a whole number"),
    ] {
        let run = demo.run(MANDATORY_DAY, &["generate", "--customers", value]);
        assert_eq!(run.code, Some(2), "{run:?}");
        assert!(
            run.stderr.starts_with(&format!("pcenter: {said}")),
            "{run:?}"
        );
    }
    let seed = [
        "generate",
        "--customers",
        "1",
        "--seed",
        "18446744073709551616",
    ];
    let run = demo.run(MANDATORY_DAY, &seed);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.contains("at most 18446744073709551615"),
        "{run:?}"
    );
    let largest = [
        "generate",
        "--customers",
        "3",
        "--seed",
        "18446744073709551615",
    ];
    assert_eq!(demo.run(MANDATORY_DAY, &largest).code, Some(0));
}
