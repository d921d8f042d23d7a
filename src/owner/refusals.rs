//! What a pcenter is told when the store it names has an owner, naming that owner: who, which
//! process, since when, and what to do.

use super::OwnerRecord;
use crate::api::error::{code, exit, ApiError};
use crate::domain::characters::quote_path;
use std::path::Path;

/// The line a second dashboard on an owned store exits with (exit 3).
pub fn dashboard_refused(store: &Path, owner: &OwnerRecord) -> String {
    format!(
        "The pcenter store at {} is open in {}. {} first, or choose another --data-dir.",
        quote_path(store),
        owner.describe(),
        owner.how_to_end()
    )
}

/// The refusal of `restore` or `generate` (`command`), which make the store anew, while it is
/// owned.
pub fn needs_store_alone(store: &Path, owner: &OwnerRecord, command: &str) -> ApiError {
    in_use(format!(
        "The pcenter store at {} is open in {}, and {command} needs the store alone. {} first, then run {command} again.",
        quote_path(store),
        owner.describe(),
        owner.how_to_end()
    ))
}

/// The owner ended (or closed the store) while it ran the command.
pub fn owner_went_away(owner: &OwnerRecord) -> ApiError {
    let whom = owner.describe();
    in_use(format!(
        "The command ran in {whom}, which ended before the command finished. What the command reported saved is saved; run it again to finish."
    ))
}

/// The owner (pcenter `owners`) and the command (pcenter `commands`) are different versions.
pub fn other_version(owner: &OwnerRecord, owners: &str, commands: &str) -> ApiError {
    in_use(format!(
        "The store is open in {}, which is pcenter {owners}, and this is pcenter {commands}: run the command with the same pcenter, or {} first.",
        owner.describe(),
        owner.how_to_end().to_lowercase()
    ))
}

fn in_use(description: String) -> ApiError {
    ApiError::new(code::STORE_IN_USE, exit::STORE_IN_USE, description)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::Role;
    use crate::owner::OwnerKind;

    fn ann() -> OwnerRecord {
        OwnerRecord {
            kind: OwnerKind::Dashboard,
            agent: "Ann Agent".into(),
            role: Role::AdminAgent,
            pid: 4242,
            since: "2026-12-04T10:32:59Z".parse().unwrap(),
        }
    }

    #[test]
    fn a_second_dashboard_is_told_who_holds_the_store() {
        assert_eq!(
            dashboard_refused(Path::new("/home/ann/.local/share/pcenter/store"), &ann()),
            "The pcenter store at /home/ann/.local/share/pcenter/store is open in the dashboard \
             of Ann Agent (process 4242, since 2026-12-04 10:32 UTC). Close that dashboard first, \
             or choose another --data-dir."
        );
    }

    #[test]
    fn restore_and_generate_are_refused_naming_the_owner_with_exit_3() {
        let error = needs_store_alone(Path::new("/d/demo"), &ann(), "restore");
        assert_eq!((error.code, error.exit), (503, 3));
        assert_eq!(
            error.description,
            "The pcenter store at /d/demo is open in the dashboard of Ann Agent (process 4242, \
             since 2026-12-04 10:32 UTC), and restore needs the store alone. Close that dashboard \
             first, then run restore again."
        );
        let server = OwnerRecord {
            kind: OwnerKind::Server,
            ..ann()
        };
        let error = other_version(&server, "0.2.0", "0.0.9");
        assert!(
            error
                .description
                .contains("the pcenter server of Ann Agent")
                && error.description.ends_with("or stop that server first."),
            "{}",
            error.description
        );
    }
}
