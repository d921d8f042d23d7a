//! What a pcenter is told when the store it names has an owner, naming that owner: who, which
//! process, since when, and what to do.

use super::OwnerRecord;
use crate::api::error::{code, exit, ApiError};
use crate::domain::characters::quote_path;
use crate::locale::Lang;
use std::path::Path;

/// The line a second dashboard on an owned store exits with (exit 3).
pub fn dashboard_refused(store: &Path, owner: &OwnerRecord) -> String {
    dashboard_refused_in(store, owner, Lang::English)
}

/// `dashboard_refused` in `lang`.
pub fn dashboard_refused_in(store: &Path, owner: &OwnerRecord, lang: Lang) -> String {
    let store = quote_path(store);
    let owned_by = owner.describe_in(lang);
    (lang.words().commands.open_elsewhere)(&store, &owned_by, owner.is_server())
}

/// The refusal of `restore` or `generate` (`command`), which make the store anew, while it is
/// owned.
pub fn needs_store_alone(store: &Path, owner: &OwnerRecord, command: &str) -> ApiError {
    needs_store_alone_in(store, owner, command, Lang::English)
}

/// `needs_store_alone` in `lang`: the language of the pcenter that asked.
pub fn needs_store_alone_in(
    store: &Path,
    owner: &OwnerRecord,
    command: &str,
    lang: Lang,
) -> ApiError {
    let store = quote_path(store);
    let owned_by = owner.describe_in(lang);
    let said = lang.words().commands.needs_alone;
    in_use(said(&store, &owned_by, command, owner.is_server()))
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
