//! Command lines that cannot be run: one line naming what to fix, exit code 2, nothing opened.

use super::*;

/// Runs pcenter with `args` on a data directory that does not exist yet; returns the output and
/// whether the run created it.
fn refused(args: &[&str]) -> (Output, bool) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let output = run(pcenter().arg("--data-dir").arg(&data).args(args));
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?}: {}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "", "{args:?}");
    (output, data.exists())
}

/// The one plain line of a refused command line.
fn refusal(args: &[&str]) -> String {
    let (output, created) = refused(args);
    assert!(!created, "{args:?} created the data directory");
    let line = one_line(&output);
    assert_plain(&line);
    line
}

#[test]
fn missing_arguments_are_named_in_one_line_with_the_way_to_the_help() {
    assert_eq!(
        refusal(&["agreements", "create", "--first-name", "Ada"]),
        "pcenter: agreements create needs --customer <ID|DOMAIN>, --last-name <NAME>, --email <EMAIL>; see pcenter agreements create --help"
    );
    assert_eq!(
        refusal(&["customers", "show"]),
        "pcenter: customers show needs <CUSTOMER>; see pcenter customers show --help"
    );
    // A JSON body stands for the contact's flags.
    assert_eq!(
        refusal(&["agreements", "create", "--json", "-"]),
        "pcenter: agreements create needs --customer <ID|DOMAIN>; see pcenter agreements create --help"
    );
}

#[test]
fn a_command_group_without_a_command_lists_its_commands() {
    let groups: [(&str, &[&str]); 6] = [
        (
            "agreements",
            &["templates", "create", "list", "export", "import"],
        ),
        ("customers", &["list", "show", "create"]),
        ("orders", &["create"]),
        ("subscriptions", &["list", "set-seats"]),
        ("offers", &["list"]),
        ("report", &["compliance"]),
    ];
    for (group, commands) in groups {
        for args in [vec![group], vec![group, "--demo"]] {
            let (output, created) = refused(&args);
            assert!(!created, "{args:?}");
            let help = stderr(&output);
            assert!(
                help.contains(&format!("Usage: pcenter {group} [OPTIONS] <COMMAND>")),
                "{help}"
            );
            for command in commands {
                assert!(
                    help.contains(&format!("\n  {command} ")),
                    "{command}:\n{help}"
                );
            }
        }
    }
}

#[test]
fn unknown_commands_and_options_are_named_with_a_suggestion() {
    assert_eq!(
        refusal(&["customers", "lst"]),
        "pcenter: customers has no command 'lst' (did you mean 'list'?); see pcenter customers --help"
    );
    assert_eq!(
        refusal(&["customers", "list", "--fiter", "x"]),
        "pcenter: customers list does not take '--fiter' (did you mean '--filter'?); see pcenter customers list --help"
    );
    assert_eq!(
        refusal(&["agreemnts"]),
        "pcenter: unknown command 'agreemnts' (did you mean 'agreements'?); see pcenter --help"
    );
    assert_eq!(
        refusal(&["customers", "list", "--format", "xml"]),
        "pcenter: --format cannot be 'xml': use table, json or csv."
    );
    // An option's value that happens to be a command's name names no command.
    assert_eq!(
        refusal(&["--agent", "customers", "agreements", "list"]),
        "pcenter: agreements list needs --customer <ID|DOMAIN>; see pcenter agreements list --help"
    );
}

#[test]
fn the_business_date_runs_from_2014_to_2100() {
    let early = refusal(&["--today", "2013-12-31", "customers", "list"]);
    assert_eq!(
        early,
        "pcenter: --today: 2013-12-31 is before the Microsoft Cloud Agreement existed, so no acceptance could ever be confirmed on it; use a date from 2014-01-01 to 2100-12-31."
    );
    let late = refusal(&["--today", "2101-01-01"]);
    assert!(
        late.ends_with("2101-01-01 is too far ahead; use a date from 2014-01-01 to 2100-12-31."),
        "{late}"
    );
    let env = run(pcenter()
        .env("PCENTER_TODAY", "1999-05-01")
        .args(["--data-dir", "/nonexistent/pcenter-test"]));
    assert_eq!(env.status.code(), Some(2));
    assert!(one_line(&env).contains("1999-05-01 is before"));
    for edge in ["2014-01-01", "2100-12-31"] {
        let dir = tempfile::tempdir().unwrap();
        let output = run(pcenter()
            .args(["--today", edge, "--data-dir"])
            .arg(dir.path())
            .args(["customers", "list", "--format", "csv"]));
        assert_eq!(output.status.code(), Some(0), "{edge}: {}", stderr(&output));
    }
}

#[test]
fn values_repeated_in_a_message_show_hidden_characters_as_escapes_and_40_characters_at_most() {
    let escape = "2018-\u{1b}[31m09";
    let line = refusal(&["--today", escape]);
    assert!(line.contains("'2018-\\u{1b}[31m09'"), "{line}");
    assert!(
        !line.contains("'2018-09'"),
        "the escape sequence dropped: {line}"
    );
    assert!(!line.contains('\u{1b}'), "{line}");
    assert!(!line.contains("\\u001b"), "two kinds of escape: {line}");

    let long = format!("x\u{1b}{}", "y".repeat(500));
    for args in [
        vec!["--role", long.as_str()],
        vec!["--today", long.as_str()],
        vec!["customers", "list", "--format", long.as_str()],
        vec!["customers", "list", long.as_str()],
        vec![
            "subscriptions",
            "set-seats",
            "--customer",
            "c",
            "--subscription",
            "s",
            "--quantity",
            long.as_str(),
        ],
    ] {
        let line = refusal(&args);
        let quoted = format!("'x\\u{{1b}}{}…'", "y".repeat(38));
        assert!(line.contains(&quoted), "{args:?}: {line}");
        assert!(!line.contains(&"y".repeat(39)), "{args:?}: {line}");
    }
}

#[test]
fn a_user_name_that_cannot_name_the_agent_is_refused_like_agent_is() {
    let long = "u".repeat(51);
    for (user, says) in [
        ("megan\u{1b}]0;owned\u{7}", "control character U+001B"),
        ("megan\u{202E}", "text-direction mark U+202E"),
        (long.as_str(), "at most 50 characters"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let output = run(pcenter()
            .env("USER", user)
            .arg("--data-dir")
            .arg(&data)
            .args(["customers", "list"]));
        assert_eq!(
            output.status.code(),
            Some(2),
            "{user:?}: {}",
            stderr(&output)
        );
        let line = one_line(&output);
        assert_plain(&line);
        assert!(line.contains("$USER") && line.contains(says), "{line}");
        assert!(line.contains("--agent NAME"), "says how to fix it: {line}");
        assert!(
            !line.contains('\u{1b}') && !line.contains('\u{202E}'),
            "{line}"
        );
        assert!(!data.exists(), "nothing was opened");
        // --agent names the agent instead.
        let output = run(pcenter()
            .env("USER", user)
            .arg("--data-dir")
            .arg(&data)
            .args(["--agent", "Megan Bowen", "customers", "list"]));
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
}

#[test]
fn the_filter_takes_what_the_customers_filter_box_takes() {
    let line = refusal(&["customers", "list", "--filter", "caf\u{1b}[2J"]);
    assert!(
        line.contains("control character U+001B; remove it"),
        "{line}"
    );
    let line = refusal(&["customers", "list", "--filter", "\u{200B}contoso"]);
    assert!(line.contains("U+200B"), "{line}");
    let line = refusal(&["customers", "list", "--filter", &"x".repeat(101)]);
    assert!(
        line.contains("at most 100 characters; this one has 101"),
        "{line}"
    );
    let dir = tempfile::tempdir().unwrap();
    let output = run(pcenter().arg("--data-dir").arg(dir.path()).args([
        "customers",
        "list",
        "--filter",
        &"x".repeat(100),
    ]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}
