//! `orders create` and `subscriptions set-seats` given hostile IDs and quantities.

use crate::binary::*;
use crate::{assert_printable, pasted_page};

#[test]
fn orders_and_seat_changes_refuse_hostile_ids_and_quantities_plainly() {
    let demo = Demo::new();
    let before = demo.snapshot_after_seeding();
    let contoso = "contosoelectronics.onmicrosoft.com";
    let hidden_offer = format!("\u{202E}{E3}");
    let run = demo.run(
        MANDATORY_DAY,
        &[
            "orders",
            "create",
            "--customer",
            contoso,
            "--offer",
            &hidden_offer,
            "--quantity",
            "5",
        ],
    );
    assert_printable(&run);
    assert!(
        run.refused(6, 800004)
            .contains("No offer has the ID \\u{202e}8BBCEA40"),
        "{run:?}"
    );
    let page = pasted_page();
    let run = demo.run(
        MANDATORY_DAY,
        &[
            "orders",
            "create",
            "--customer",
            &page,
            "--offer",
            E3,
            "--quantity",
            "5",
        ],
    );
    let description = run.refused(8, 404);
    assert!(description.len() < 200, "{description}");
    for quantity in ["12\u{1b}[2J", "99999999999", "-3", "", "\u{202E}7"] {
        let run = demo.run(
            MANDATORY_DAY,
            &[
                "subscriptions",
                "set-seats",
                "--customer",
                contoso,
                "--subscription",
                CONTOSO_E3,
                &format!("--quantity={quantity}"),
            ],
        );
        assert_eq!(run.code, Some(2), "{quantity:?}: {run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "one plain line: {run:?}");
        assert!(run.stderr.contains("--quantity"), "{run:?}");
        assert_printable(&run);
    }
    let run = demo.run(
        MANDATORY_DAY,
        &[
            "subscriptions",
            "set-seats",
            "--customer",
            contoso,
            "--subscription",
            CONTOSO_E3,
            "--quantity",
            "0",
        ],
    );
    assert!(run.refused(6, 400).contains("Enter at least 1 seat."));
    let run = demo.run(
        MANDATORY_DAY,
        &[
            "subscriptions",
            "set-seats",
            "--customer",
            contoso,
            "--subscription",
            "\x1b]0;owned\x07",
            "--quantity",
            "3",
        ],
    );
    assert_printable(&run);
    assert!(run
        .refused(8, 404)
        .contains("No subscription has the ID \\u{1b}]0;owned\\u{7}."));
    assert_eq!(demo.snapshot(), before);
}

#[test]
fn a_usage_error_repeating_a_page_prints_one_short_line() {
    let demo = Demo::new();
    let page = format!("{}\u{202E}", pasted_page());
    let run = demo.run(
        MANDATORY_DAY,
        &[
            "subscriptions",
            "set-seats",
            "--customer",
            "x",
            "--subscription",
            "y",
            "--quantity",
            &page,
        ],
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1);
    assert!(run.stderr.len() < 500, "{}", run.stderr.len());
    assert!(run.stderr.contains("--quantity"), "{}", run.stderr);
    // The value is cut after 40 characters, as every message quotes one.
    assert!(run.stderr.contains(" ipsum …' is not"), "{}", run.stderr);
    assert_printable(&run);
}
