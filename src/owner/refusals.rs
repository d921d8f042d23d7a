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

/// The owner ended (or closed the store) while it ran the command, said in `lang`: the
/// language of the pcenter that asked.
pub fn owner_went_away(owner: &OwnerRecord, lang: Lang) -> ApiError {
    in_use((lang.words().shell.owner_went_away)(
        &owner.describe_in(lang),
    ))
}

/// The owner (pcenter `owners`) and the command (pcenter `commands`) are different versions,
/// said in `lang`: the language of the pcenter that asked.
pub fn other_version(owner: &OwnerRecord, owners: &str, commands: &str, lang: Lang) -> ApiError {
    let said = lang.words().shell.other_version;
    in_use(said(
        &owner.describe_in(lang),
        owner.is_server(),
        owners,
        commands,
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
        let error = other_version(&server, "0.2.0", "0.0.9", Lang::English);
        assert!(
            error
                .description
                .contains("the pcenter server of Ann Agent")
                && error.description.ends_with("or stop that server first."),
            "{}",
            error.description
        );
    }

    #[test]
    fn an_owner_that_went_away_is_said_in_the_language_of_the_pcenter_that_asked() {
        let english = owner_went_away(&ann(), Lang::English);
        assert_eq!((english.code, english.exit), (503, 3));
        assert_eq!(
            english.description,
            "The command ran in the dashboard of Ann Agent (process 4242, since 2026-12-04 \
             10:32 UTC), which ended before the command finished. What the command reported saved \
             is saved; run it again to finish."
        );
        let korean = owner_went_away(&ann(), Lang::Korean);
        assert_eq!((korean.code, korean.exit), (503, 3));
        assert_eq!(
            korean.description,
            "명령을 실행하던 Ann Agent님의 대시보드(프로세스 4242, 2026-12-04 10:32 UTC부터)가 \
             명령이 끝나기 전에 종료되었습니다. 명령이 저장했다고 알린 내용은 저장되어 있습니다. \
             마저 하려면 명령을 다시 실행하십시오."
        );
        let server = OwnerRecord {
            kind: OwnerKind::Server,
            ..ann()
        };
        let korean = other_version(&server, "0.2.0", "0.0.9", Lang::Korean).description;
        assert!(
            korean.contains("그쪽은 pcenter 0.2.0이고 이쪽은 pcenter 0.0.9입니다")
                && korean.ends_with("먼저 그 서버를 중지하십시오."),
            "{korean}"
        );
    }
}
