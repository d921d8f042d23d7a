//! The colours the real dashboard writes to its terminal, in a pseudo-terminal: none with
//! `NO_COLOR` (the focus kept in reverse video), the classic codes of the 16 colours where
//! `TERM` has fewer than 256, and Partner Center's blue where it has 256.
#![cfg(unix)]

mod pty;

use pty::Dashboard;

/// All the dashboard wrote, from start to quit, in a terminal that `env` describes.
fn output_in(env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start_in(dir.path(), &["--demo", "--today", "2018-09-14"], env);
    dashboard.wait_for_screen(&["Customers", "of 19 (19 customers)"]);
    dashboard.type_bytes(b"q");
    let status = dashboard.wait_for_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    dashboard.raw_output()
}

/// The parameters of every SGR sequence (`ESC [ … m`) in `output`, in order.
fn sgr_parameters(output: &str) -> Vec<&str> {
    output
        .split("\x1b[")
        .skip(1)
        .filter_map(|rest| {
            let end = rest.find(|c: char| ('@'..='~').contains(&c))?;
            (rest.as_bytes()[end] == b'm').then_some(&rest[..end])
        })
        .collect()
}

/// Whether one SGR sequence of `output` has `codes` among its parameters (ratatui sets the
/// foreground and background in one sequence).
fn writes_sgr(output: &str, codes: &str) -> bool {
    sgr_parameters(output)
        .iter()
        .any(|p| format!(";{p};").contains(&format!(";{codes};")))
}

fn sets_a_colour(parameters: &str) -> bool {
    parameters.split(';').any(|p| {
        matches!(
            p.parse::<u16>(),
            Ok(30..=38 | 40..=48 | 58 | 90..=97 | 100..=107)
        )
    })
}

#[test]
fn with_no_color_nothing_is_coloured_and_the_selected_row_stays_in_reverse_video() {
    let output = output_in(&[("NO_COLOR", "1")]);
    let coloured: Vec<&str> = sgr_parameters(&output)
        .into_iter()
        .filter(|p| sets_a_colour(p))
        .collect();
    assert!(coloured.is_empty(), "colour codes written: {coloured:?}");
    // From the reverse video set for the selected row to its text, nothing turns it off.
    let row = output
        .find("Atelier Lumière SARL")
        .expect("the selected row is drawn");
    let reverse = output[..row]
        .rfind("\x1b[7m")
        .expect("the selected row is in reverse video");
    let between = &output[reverse..row];
    for parameters in sgr_parameters(between) {
        let turns_off = parameters
            .split(';')
            .any(|p| p.is_empty() || p == "0" || p == "27");
        assert!(
            !turns_off,
            "ESC[{parameters}m undoes the reverse video: {between:?}"
        );
    }
}

#[test]
fn a_terminal_with_16_colours_gets_the_classic_colour_codes() {
    for term in ["linux", "xterm"] {
        let output = output_in(&[("TERM", term)]);
        assert!(
            !output.contains("38;5;") && !output.contains("48;5;"),
            "TERM={term} gets a 256-colour code"
        );
        // The header: bright white on blue.
        assert!(writes_sgr(&output, "97;44"), "TERM={term}");
    }
}

#[test]
fn a_terminal_with_256_colours_gets_partner_centers_blue() {
    for env in [
        &[("TERM", "xterm-256color")][..],
        &[("TERM", "xterm"), ("COLORTERM", "truecolor")],
    ] {
        let output = output_in(env);
        // The header: white on Partner Center's blue.
        assert!(writes_sgr(&output, "38;5;231;48;5;32"), "{env:?}");
    }
}
