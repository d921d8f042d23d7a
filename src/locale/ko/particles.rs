//! Korean particles follow the sound of the word before them: 을/를, 은/는, 이/가 after a
//! final consonant or not. A word ending in a Latin letter or a symbol takes both forms, as
//! Korean software writes it ("을(를)").

/// Whether the word ends in a final consonant (받침), when that can be told.
fn ends_in_consonant(word: &str) -> Option<bool> {
    let last = word
        .trim_end_matches(['\'', '"', ')', ' ', '.'])
        .chars()
        .last()?;
    match last {
        '가'..='힣' => Some(!(last as u32 - 0xAC00).is_multiple_of(28)),
        // How the digit is read: 영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구.
        '0' | '1' | '3' | '6' | '7' | '8' => Some(true),
        '2' | '4' | '5' | '9' => Some(false),
        _ => None,
    }
}

fn particle(
    word: &str,
    after_consonant: &'static str,
    after_vowel: &'static str,
    both: &'static str,
) -> &'static str {
    match ends_in_consonant(word) {
        Some(true) => after_consonant,
        Some(false) => after_vowel,
        None => both,
    }
}

/// 을 or 를.
pub fn object(word: &str) -> &'static str {
    particle(word, "을", "를", "을(를)")
}

/// 은 or 는.
pub fn topic(word: &str) -> &'static str {
    particle(word, "은", "는", "은(는)")
}

/// 으로 or 로 (로 after ㄹ too).
pub fn instrumental(word: &str) -> &'static str {
    let word = word.trim_end_matches(['\'', '"', ')', ' ', '.']);
    let last = word.chars().last();
    let after_rieul = matches!(last, Some(c @ '가'..='힣') if (c as u32 - 0xAC00) % 28 == 8)
        || matches!(last, Some('1' | '7' | '8'));
    match ends_in_consonant(word) {
        Some(true) if !after_rieul => "으로",
        Some(_) => "로",
        // A Latin word, as Korean reads it: "production으로", "sandbox로", "annual로".
        None if word.ends_with(|c: char| "nmgkdtbp".contains(c)) => "으로",
        None => "로",
    }
}

/// 이 or 가.
pub fn subject(word: &str) -> &'static str {
    particle(word, "이", "가", "이(가)")
}

/// 과 or 와.
pub fn comitative(word: &str) -> &'static str {
    particle(word, "과", "와", "와(과)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_follow_the_last_sound() {
        assert_eq!(object("이름"), "을");
        assert_eq!(object("메일 주소"), "를");
        assert_eq!(object("주소 1"), "을");
        assert_eq!(topic("2018-11-07"), "은");
        assert_eq!(topic("2018-11-09"), "는");
        assert_eq!(subject("고객"), "이");
        assert_eq!(subject("회사"), "가");
        assert_eq!(object("U+001B"), "을(를)");
        assert_eq!(comitative("'한빛'"), "과");
        assert_eq!(comitative("'물류'"), "와");
        assert_eq!(comitative("'contoso'"), "와(과)");
        assert_eq!(topic("'contoso'"), "은(는)");
        assert_eq!(instrumental("production"), "으로");
        assert_eq!(instrumental("sandbox"), "로");
        assert_eq!(instrumental("서울"), "로");
        assert_eq!(instrumental("'서울'"), "로");
        assert_eq!(instrumental("'Fabrikam'"), "으로");
        assert_eq!(instrumental("도시"), "로");
        assert_eq!(instrumental("고객"), "으로");
    }
}
