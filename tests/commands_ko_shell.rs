//! The process's own lines in Korean, from the outside: a command line that cannot be run and
//! an option's refused value are said in Korean with `--lang ko`, with `--lang=ko`, with
//! `PCENTER_LANG=ko` and with a Korean locale (`LANG`), even though the options could not be
//! read; `LC_ALL=C` and `--lang en` keep them English. The exit status is the same in every
//! language; `--help` stays English.

mod binary;
mod common;

use binary::speaking::*;
use binary::*;
use common::assert_korean;

const KO_AFTER: Speaking = Speaking::OptionAfter("ko");
const KO_PCENTER_LANG: Speaking = Speaking::Locale(&[("PCENTER_LANG", "ko"), ("LANG", "C")]);
const EN_OVER_KO: Speaking = Speaking::Locale(&[("LANG", "ko_KR.UTF-8"), ("PCENTER_LANG", "en")]);

const KOREAN: [Speaking; 4] = [KO, KO_AFTER, KO_LOCALE, KO_PCENTER_LANG];
const ENGLISH: [Speaking; 3] = [EN, C_OVER_KO, EN_OVER_KO];

/// Runs pcenter on an empty data directory, speaking as told, with nothing else of the
/// environment's language, and `user` as `$USER`.
fn run_as(speaking: Speaking, user: &str, args: &[&str]) -> Run {
    let dir = tempfile::tempdir().expect("a data directory");
    let mut command = pcenter_at(dir.path(), &[]);
    command.env("USER", user);
    speaking.with_args(&mut command, args);
    Run::from(command.output().expect("run pcenter"))
}

fn run(speaking: Speaking, args: &[&str]) -> Run {
    run_as(speaking, "megan", args)
}

/// A refused command line: exit 2, nothing on standard output, one line on standard error.
fn refused(run: Run) -> String {
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
    let line = run.stderr.strip_suffix('\n').expect("one line").to_string();
    assert!(!line.contains('\n'), "{run:?}");
    assert!(line.starts_with("pcenter: "), "{line}");
    line
}

/// One refused command line: what it is, the Korean text it must show, the English text it
/// shows otherwise, and the code in it (commands, values, placeholders) that stays as typed.
struct Case {
    args: &'static [&'static str],
    korean: &'static str,
    english: &'static str,
    code: &'static [&'static str],
}

const USAGE: &[Case] = &[
    Case {
        args: &["--bogus"],
        korean: "'--bogus'은(는) 알 수 없는 옵션입니다. 자세한 내용은 pcenter --help를 참조하십시오.",
        english: "unknown option '--bogus'; see pcenter --help",
        code: &["'--bogus'"],
    },
    Case {
        args: &["customers", "--bogus"],
        korean: "customers 명령에는 '--bogus'을(를) 사용할 수 없습니다.",
        english: "customers does not take '--bogus'; see pcenter customers --help",
        code: &["customers", "'--bogus'"],
    },
    Case {
        args: &["customers", "show", "a", "b"],
        korean: "customers show 명령에는 'b'을(를) 사용할 수 없습니다.",
        english: "customers show does not take 'b'",
        code: &["customers show"],
    },
    Case {
        args: &["bogus"],
        korean: "'bogus'은(는) 알 수 없는 명령입니다.",
        english: "unknown command 'bogus'; see pcenter --help",
        code: &["'bogus'"],
    },
    Case {
        args: &["customers", "lst"],
        korean: "customers에는 'lst' 명령이 없습니다. 'list'을(를) 입력하려고 하셨습니까? 자세한 내용은 pcenter customers --help를 참조하십시오.",
        english: "customers has no command 'lst' (did you mean 'list'?); see pcenter customers --help",
        code: &["customers", "'lst'", "'list'"],
    },
    Case {
        args: &["customers", "list", "--filter"],
        korean: "--filter 옵션에는 값이 필요합니다. 자세한 내용은 pcenter customers list --help를 참조하십시오.",
        english: "--filter needs a value; see pcenter customers list --help",
        code: &["customers list"],
    },
    Case {
        args: &["customers", "list", "--format", "xml"],
        korean: "--format 옵션에는 'xml'을(를) 사용할 수 없습니다. table, json, csv 중 하나를 사용하십시오.",
        english: "--format cannot be 'xml': use table, json or csv.",
        code: &["'xml'", "table, json, csv"],
    },
    Case {
        args: &["agreements", "create"],
        korean: "agreements create 명령에는 --customer <ID|DOMAIN>, --first-name <NAME>, --last-name <NAME>, --email <EMAIL>이(가) 필요합니다.",
        english: "agreements create needs --customer <ID|DOMAIN>, --first-name <NAME>",
        code: &["agreements create", "<ID|DOMAIN>", "<NAME>", "<EMAIL>"],
    },
    Case {
        args: &["customers", "list", "--format", "csv", "--format", "json"],
        korean: "--format 옵션은 한 번만 지정할 수 있습니다.",
        english: "--format can be given only once; see pcenter customers list --help",
        code: &["customers list"],
    },
    Case {
        args: &["agreements", "create", "--json", "x", "--email", "a@b.c"],
        korean: "--json 옵션은 --email 옵션과 함께 사용할 수 없습니다.",
        english: "--json cannot be used with --email; see pcenter agreements create --help",
        code: &["agreements create"],
    },
    Case {
        args: &["--demo=yes"],
        korean: "pcenter 명령에서 --demo 옵션 뒤에는 'yes'을(를) 사용할 수 없습니다.",
        english: "pcenter does not take 'yes' after --demo; see pcenter --help",
        code: &["'yes'"],
    },
];

const VALUES: &[Case] = &[
    Case {
        args: &["--today", "2013-01-01"],
        korean: "--today: 2013-01-01은 Microsoft 클라우드 계약이 생기기 전이므로 이날에는 어떤 수락도 확인할 수 없습니다. 2014-01-01부터 2100-12-31까지의 날짜를 사용하십시오.",
        english: "--today: 2013-01-01 is before the Microsoft Cloud Agreement existed",
        code: &[],
    },
    Case {
        args: &["--today", "2101-01-01"],
        korean: "--today: 2101-01-01은 너무 먼 날짜입니다.",
        english: "--today: 2101-01-01 is too far ahead; use a date from 2014-01-01 to 2100-12-31.",
        code: &[],
    },
    Case {
        args: &["--today", "2020-02-30"],
        korean: "--today: 2020-02-30은 없는 날짜입니다. 그달은 29일까지입니다.",
        english: "--today: 2020-02-30 is not a real date: that month has 29 days.",
        code: &[],
    },
    Case {
        args: &["--today", "soon"],
        korean: "--today: 'soon'은(는) YYYY-MM-DD 형식의 날짜가 아닙니다(예: 2018-09-14).",
        english: "--today: 'soon' is not a date in the form YYYY-MM-DD, for example 2018-09-14.",
        code: &["'soon'"],
    },
    Case {
        args: &["--role", "boss"],
        korean: "--role: 'boss'은(는) 알 수 없는 역할입니다. admin-agent, sales-agent 또는 helpdesk-agent를 사용하십시오.",
        english: "--role: unknown role 'boss': use admin-agent, sales-agent or helpdesk-agent.",
        code: &["'boss'", "admin-agent", "sales-agent", "helpdesk-agent"],
    },
    Case {
        args: &["--agent", " "],
        korean: "--agent: 이름을 입력하십시오.",
        english: "--agent: Enter the name.",
        code: &[],
    },
    Case {
        args: &["--partner", "Contoso\u{1b}[2J"],
        korean: "--partner: 이름에는 제어 문자 U+001B을(를) 넣을 수 없습니다. 지우십시오.",
        english: "--partner: Name cannot contain the control character U+001B; remove it.",
        code: &[],
    },
    Case {
        args: &["--environment", "prod"],
        korean: "--environment: 'prod'은(는) 환경이 아닙니다. production 또는 sandbox를 사용하십시오.",
        english: "--environment: 'prod' is not an environment: use production or sandbox.",
        code: &["'prod'", "production", "sandbox"],
    },
    Case {
        args: &["customers", "list", "--filter", "\u{7}"],
        korean: "--filter: 필터에는 제어 문자 U+0007을 넣을 수 없습니다. 지우십시오.",
        english: "--filter: The filter cannot contain the control character U+0007; remove it.",
        code: &[],
    },
    Case {
        args: &["serve", "--http", "0", "--idle-timeout", "9x"],
        korean: "--idle-timeout: '9x'은(는) 시간 길이가 아닙니다. 분(30)이나 초, 분, 시간(90s, 2m, 1h)으로 지정하십시오.",
        english: "--idle-timeout: '9x' is not a span of time: give minutes (30), or seconds, minutes or hours (90s, 2m, 1h)",
        code: &[],
    },
    Case {
        args: &["serve", "--http", "0", "--idle-timeout", "0"],
        korean: "--idle-timeout: '0'은 1초부터 1주일까지의 시간이 아닙니다(예: 30, 90s, 2h).",
        english: "--idle-timeout: '0' is not a span from 1 second to a week (for example 30, 90s, 2h)",
        code: &[],
    },
    Case {
        args: &["generate", "--customers", "many"],
        korean: "--customers: 'many'은(는) 정수가 아닙니다. 숫자만 입력하십시오(예: 1000).",
        english: "--customers: 'many' is not a whole number (digits only, for example 1000).",
        code: &["'many'"],
    },
    Case {
        args: &["generate", "--customers", "99999999999"],
        korean: "--customers: 99999999999는 generate 명령이 만들 수 있는 수보다 많습니다. 고객은 최대 10,000,000개까지 만들 수 있습니다(저장소 약 20GB).",
        english: "--customers: 99999999999 is more than generate makes: at most 10,000,000 customers (a store of about 20 GB).",
        code: &["generate", "20GB"],
    },
    Case {
        args: &["generate", "--customers", "5", "--seed", "99999999999999999999999"],
        korean: "--seed: 99999999999999999999999는 시드로 쓸 수 있는 수보다 큽니다. 최대 18446744073709551615입니다.",
        english: "--seed: 99999999999999999999999 is more than a seed can be: at most 18446744073709551615.",
        code: &[],
    },
    Case {
        args: &["orders", "create", "--customer", "c", "--offer", "o", "--quantity", "lots"],
        korean: "--quantity: 'lots'은(는) 라이선스 수가 아닙니다. 최대 9자리의 정수를 사용하십시오(예: 25).",
        english: "--quantity: 'lots' is not a seat count: use a whole number of at most 9 digits, for example 25.",
        code: &["'lots'"],
    },
];

/// The line with its code taken out, which must then hold no English word of pcenter's own.
fn assert_korean_but_code(case: &Case, line: &str) {
    let mut rest = line.to_string();
    for code in case.code {
        assert!(rest.contains(code), "{code} is not in {line}");
        rest = rest.replace(code, "");
    }
    assert_korean(&format!("{:?}", case.args), &rest);
}

fn check(cases: &[Case]) {
    for case in cases {
        for speaking in KOREAN {
            let line = refused(run(speaking, case.args));
            assert!(
                line.contains(case.korean),
                "{:?} {speaking:?}: {line}",
                case.args
            );
            assert!(!line.contains(case.english), "{line}");
            assert_korean_but_code(case, &line);
        }
        for speaking in ENGLISH {
            let line = refused(run(speaking, case.args));
            assert!(
                line.contains(case.english),
                "{:?} {speaking:?}: {line}",
                case.args
            );
        }
    }
}

#[test]
fn a_command_line_that_cannot_be_run_is_refused_in_korean_with_exit_2() {
    check(USAGE);
}

#[test]
fn a_refused_option_value_is_said_in_korean_with_exit_2() {
    check(VALUES);
}

#[test]
fn a_refused_language_is_said_in_the_language_of_the_locale() {
    let line = refused(run(KO_LOCALE, &["--lang", "fr"]));
    let korean = "--lang: 'fr'은(는) pcenter가 지원하는 언어가 아닙니다. en(영어) 또는 ko(한국어)를 사용하십시오.";
    assert!(line.contains(korean), "{line}");
    let codes = Case {
        args: &["--lang", "fr"],
        korean,
        english: "",
        code: &["'fr'", "en(", "ko("],
    };
    assert_korean_but_code(&codes, &line);
    let line = refused(run(C_OVER_KO, &["--lang", "fr"]));
    assert!(
        line.contains("--lang: 'fr' is not a language pcenter speaks; use en (English) or ko"),
        "{line}"
    );
}

#[test]
fn a_user_name_that_cannot_name_the_agent_is_said_in_korean() {
    let line = refused(run_as(KO, "megan\u{1b}", &["customers", "list"]));
    assert!(
        line.contains(
            "$USER 값('megan\\u{1b}')은 에이전트 이름으로 쓸 수 없습니다. 이름에는 제어 문자 U+001B을(를) 넣을 수 없습니다. 지우십시오. --agent NAME으로 에이전트 이름을 지정할 수도 있습니다."
        ),
        "{line}"
    );
    let codes = Case {
        args: &[],
        korean: "",
        english: "",
        code: &["$USER", "'megan\\u{1b}'", "NAME"],
    };
    assert_korean_but_code(&codes, &line);
    let line = refused(run_as(EN, "megan\u{1b}", &["customers", "list"]));
    assert_eq!(
        line,
        "pcenter: $USER ('megan\\u{1b}') cannot name the agent: Name cannot contain the control character U+001B; remove it. Or pass --agent NAME to name the agent."
    );
}

#[test]
fn help_stays_english_and_a_command_group_alone_shows_it() {
    let run = run(KO, &["customers"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("Usage: pcenter customers"), "{run:?}");
    let help = self::run(KO, &["--help"]);
    assert_eq!(help.code, Some(0), "{help:?}");
    assert!(help.stdout.contains("Usage: pcenter"), "{help:?}");
}

/// Help that cannot be written (standard output on a full disk): it stays English, but the line
/// saying it was lost is in the language of the command line.
#[cfg(target_os = "linux")]
#[test]
fn help_that_cannot_be_written_is_said_in_the_language_of_the_command_line() {
    let to_full = |speaking: Speaking, args: &[&str]| {
        let dir = tempfile::tempdir().expect("a data directory");
        let mut command = pcenter_at(dir.path(), &[]);
        speaking.with_args(&mut command, args);
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
        command.stdout(full.expect("/dev/full"));
        let run = Run::from(command.output().expect("run pcenter"));
        assert_eq!(run.code, Some(14), "{speaking:?} {args:?}: {run:?}");
        run.stderr
    };
    for args in [
        &["--help"][..],
        &["customers", "list", "--help"],
        &["--version"],
    ] {
        for speaking in KOREAN {
            let line = to_full(speaking, args);
            assert_eq!(
                line,
                "pcenter: 출력을 쓸 수 없습니다: 디스크 공간이 부족합니다. 명령이 저장소에 저장한 것은 그대로 있고, 출력한 내용만 잃었습니다.\n",
                "{speaking:?} {args:?}"
            );
            assert_korean(&format!("{speaking:?} {args:?}"), &line);
        }
        for speaking in ENGLISH {
            assert_eq!(
                to_full(speaking, args),
                "pcenter: Cannot write the output: No space left on device (os error 28). Whatever the command saved in the store is saved; only what it printed is lost.\n",
                "{speaking:?} {args:?}"
            );
        }
    }
}

#[test]
fn serve_says_where_it_listens_and_refuses_an_address_in_korean() {
    let line = refused(run(KO, &["serve", "--http", "here"]));
    assert!(
        line.contains("'here'은(는) 수신할 주소가 아닙니다. HOST:PORT 형식으로 지정하십시오"),
        "{line}"
    );
    let codes = Case {
        args: &["serve", "--http", "here"],
        korean: "",
        english: "",
        code: &["'here'", "HOST:PORT"],
    };
    assert_korean_but_code(&codes, &line);
    let line = refused(run(EN, &["serve", "--http", "here"]));
    assert!(
        line.contains("'here' is not an address to listen on: give HOST:PORT"),
        "{line}"
    );

    let dir = tempfile::tempdir().expect("a data directory");
    let served = served::Served::start(dir.path(), &["--http", "127.0.0.1:0", "--lang", "ko"]);
    let first = served.first_line.clone();
    assert!(
        first.starts_with("pcenter: ")
            && first.contains("의 Partner Center API: http://127.0.0.1:")
            && first.ends_with("/v1 (중지하려면 Ctrl-C)\n"),
        "{first}"
    );
    served.stop();
}

#[test]
#[cfg(unix)]
fn a_host_key_that_is_no_key_is_refused_in_the_language_of_serve() {
    let dir = tempfile::tempdir().expect("a data directory");
    std::fs::write(dir.path().join("ssh_host_ed25519_key"), "not a key\n").unwrap();
    let serve = |speaking: Speaking| {
        let mut command = pcenter_at(dir.path(), &[]);
        speaking.with_args(&mut command, &["serve", "--ssh", "127.0.0.1:0"]);
        let output = command.output().expect("run pcenter");
        assert_eq!(output.status.code(), Some(4), "{output:?}");
        String::from_utf8(output.stderr).expect("UTF-8")
    };
    let korean = serve(KO);
    assert!(korean.contains("SSH 호스트 키 "), "{korean}");
    assert!(korean.contains("옮겨 두면 새 키를 만듭니다"), "{korean}");
    let english = serve(EN);
    assert!(
        english.contains("move it away to make a new one"),
        "{english}"
    );
}
