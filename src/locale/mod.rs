//! The dashboard's languages: which one a session speaks, and every word it says in each.
//!
//! A language belongs to a session, never to the process: two agents of one server may read two
//! languages at once. Each language has one catalog (`en`, `ko`), a value of `Words`; a catalog
//! that leaves a message out does not compile. JSON, CSV headers and `--help` stay English:
//! they are the API's and the command line's, not the dashboard's.

mod en;
mod ko;
pub mod words;

pub use words::Words;

use crate::domain::command_line::ValueProblem;
use std::borrow::Cow;

/// A language the dashboard speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    English,
    Korean,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::English, Lang::Korean];

    /// The code `--lang` and `PCENTER_LANG` take.
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::Korean => "ko",
        }
    }

    /// `en` or `ko` (any case, with or without a region: `ko-KR`, `ko_KR`).
    pub fn parse(text: &str) -> Result<Lang, ValueProblem> {
        let language = text
            .trim()
            .split(['-', '_', '.'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match language.as_str() {
            "en" => Ok(Lang::English),
            "ko" => Ok(Lang::Korean),
            _ => Err(ValueProblem::Lang(text.trim().to_string())),
        }
    }

    /// The language of a POSIX locale name (`ko_KR.UTF-8` → Korean); English for any other,
    /// `C` and `POSIX` included.
    pub fn of_locale(locale: &str) -> Lang {
        let language = locale.split(['_', '.', '@', '-']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("ko") {
            Lang::Korean
        } else {
            Lang::English
        }
    }

    /// The language of an environment, as POSIX decides which variable counts for messages:
    /// the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty.
    pub fn of_environment(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(get)
            .find(|value| !value.is_empty())
            .map_or(Lang::English, |locale| Lang::of_locale(&locale))
    }

    /// Every word of the dashboard in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::English => &en::WORDS,
            Lang::Korean => &ko::WORDS,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Text as it is stored and shown: in Unicode normal form C, so that Hangul typed or pasted as
/// separate jamo (as macOS sends it) becomes the syllables a terminal draws in two columns.
pub fn composed(text: &str) -> Cow<'_, str> {
    crate::domain::compare::nfc(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_names_its_language_by_its_first_part() {
        for korean in [
            "ko_KR.UTF-8",
            "ko_KR",
            "ko",
            "KO_kr.utf8",
            "ko_KR.eucKR",
            "ko-KR",
        ] {
            assert_eq!(Lang::of_locale(korean), Lang::Korean, "{korean}");
        }
        for other in [
            "en_US.UTF-8",
            "C",
            "POSIX",
            "C.UTF-8",
            "",
            "kok_IN",
            "ja_JP.UTF-8",
        ] {
            assert_eq!(Lang::of_locale(other), Lang::English, "{other}");
        }
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang_decide_and_empty_ones_do_not_count() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::of_environment(env(&[("LANG", "ko_KR.UTF-8")])),
            Lang::Korean
        );
        assert_eq!(
            Lang::of_environment(env(&[("LANG", "ko_KR.UTF-8"), ("LC_ALL", "C")])),
            Lang::English
        );
        assert_eq!(
            Lang::of_environment(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "ko_KR.UTF-8"),
                ("LANG", "C")
            ])),
            Lang::Korean
        );
        assert_eq!(Lang::of_environment(env(&[])), Lang::English);
    }

    #[test]
    fn the_lang_option_takes_a_code_and_says_which_ones_exist() {
        assert_eq!(Lang::parse("ko"), Ok(Lang::Korean));
        assert_eq!(Lang::parse("KO-kr"), Ok(Lang::Korean));
        assert_eq!(Lang::parse("en"), Ok(Lang::English));
        let refusal = Lang::parse("fr").unwrap_err().to_string();
        assert!(refusal.contains("use en (English) or ko"), "{refusal}");
    }

    #[test]
    fn decomposed_hangul_is_composed() {
        let typed = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}"; // 한글 as jamo
        assert_eq!(composed(typed), "한글");
        assert!(matches!(composed("Contoso"), Cow::Borrowed(_)));
    }
}
