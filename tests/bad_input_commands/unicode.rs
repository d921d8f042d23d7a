//! Text typed with its accents as combining marks (`Zoe` + U+0308, as some keyboards and copies
//! from a PDF give it) is the same text as the stored one wherever text is matched: the filter,
//! a domain, the "same contact is already confirmed" check of a command and of an import.

use crate::binary::*;

const ZOE_NFD: &str = "Zoe\u{308}";
const CHOCOLATERIE: &str = "chocolateriezoe.onmicrosoft.com";

#[test]
fn the_filter_finds_a_name_whatever_the_encoding_of_its_accents() {
    let demo = Demo::new();
    for filter in [ZOE_NFD, "CHOCOLATERIE ZOE\u{308}", "zoë"] {
        let run = demo.run(
            MANDATORY_DAY,
            &["customers", "list", "--filter", filter, "--format", "csv"],
        );
        assert_eq!(run.code, Some(0), "{run:?}");
        let rows: Vec<&str> = run.stdout.lines().skip(1).collect();
        assert_eq!(rows.len(), 1, "{filter:?}: {}", run.stdout);
        assert!(rows[0].contains("Chocolaterie Zoë"), "{}", run.stdout);
    }
}

#[test]
fn a_domain_is_found_in_normal_form_c() {
    let demo = Demo::new();
    // The Kelvin sign U+212A is the letter K in normal form C.
    for named in [
        "\u{212A}iwifarmsupplies",
        "\u{212A}IWIFARMSUPPLIES.onmicrosoft.com",
    ] {
        let show = demo
            .run(MANDATORY_DAY, &["customers", "show", named])
            .json();
        assert_eq!(
            show["companyProfile"]["domain"], "kiwifarmsupplies.onmicrosoft.com",
            "{named:?}"
        );
    }
}

#[test]
fn the_current_contact_typed_with_combining_accents_is_already_confirmed() {
    let demo = Demo::new();
    let before = demo.snapshot_after_seeding();
    let args = [
        "agreements",
        "create",
        "--customer",
        CHOCOLATERIE,
        "--first-name",
        ZOE_NFD,
        "--last-name",
        "Dubois",
        "--email",
        "zoe.dubois@chocolateriezoe.be",
        "--phone",
        "+32 2 511 22 33",
        "--date",
        "2018-11-01",
    ];
    let run = demo.run(MANDATORY_DAY, &args);
    let description = run.refused(9, 600061);
    assert!(description.contains("already exists"), "{description}");
    assert_eq!(demo.snapshot(), before);
}

#[test]
fn an_import_row_of_the_current_contact_with_combining_accents_is_unchanged() {
    let demo = Demo::new();
    let before = demo.snapshot_after_seeding();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backlog.csv");
    std::fs::write(
        &file,
        format!(
            "TenantId,Domain,Date,First Name,Last Name,Phone,Email\n,{CHOCOLATERIE},2018-08-13,{ZOE_NFD},Dubois,+32 2 511 22 33,zoe.dubois@chocolateriezoe.be\n"
        ),
    )
    .unwrap();
    let run = demo.run(
        MANDATORY_DAY,
        &["agreements", "import", file.to_str().unwrap()],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.contains(
            "line 2: unchanged: Chocolaterie Zoë (chocolateriezoe.onmicrosoft.com), the same contact is already confirmed"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(demo.snapshot(), before);
}
