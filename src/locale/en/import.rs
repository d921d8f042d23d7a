//! `agreements import`'s reasons in English, as pcenter has always printed them.

use crate::locale::words::ImportWords;

const SAME_AS_CURRENT: &str = "the same contact is already confirmed";

/// How to save a file the import takes.
const SAVE_AS_CSV: &str = "Save it from the spreadsheet as \"CSV UTF-8\" (Excel: Save As, then CSV UTF-8 (Comma delimited)) and import that file.";

/// How a date of Microsoft's sample is written.
const SAMPLE_DATE: &str = "write it as the sample does, month first: 11/14/2018 12:00:00 AM (or 11/14/2018, or 2018-11-14)";

/// The header's columns, as the end of a sentence.
const EXPECTED: &str = "TenantId (or Domain), Date, First Name, Last Name, Phone and Email, and Type if the rows name their agreement, in any order and any case, as agreements export writes them";

pub const IMPORT: ImportWords = ImportWords {
    unclosed_quote: "a quote opened in this line is not closed: end the quoted value with \" (a quote inside a value is written twice: \"\")",
    row_not_utf8: "the row is not UTF-8 text; save the file as CSV UTF-8",
    line_too_long: |mib| {
        format!("the line is longer than {mib} MiB, far longer than a row can be; check that the file is the CSV of an export")
    },
    field_count: |count, header| {
        format!("the row has {count} fields where the header has {header}; a comma inside a value needs double quotes around the value")
    },
    sample_field_count: |count| {
        format!("the row has {count} fields where a row of Microsoft's sample has 8 (TenantId, Domain, Date, First Name, Last Name, Phone, Email, then the agreement's Type) or 7 for a customer without a confirmation; a comma inside a value needs double quotes around the value")
    },
    insufficient: |columns| format!("insufficient data: {} empty", columns.join(", ")),
    sample_insufficient: |columns, types| {
        let mut reason = format!(
            "insufficient data: {} empty; every value but Phone is needed",
            columns.join(", ")
        );
        if let Some(types) = types {
            reason.push_str(&format!(
                ", and the eighth, after Email, is the agreement's type: {types}"
            ));
        }
        reason
    },
    unknown_tenant: |tenant| format!("unknown customer: no customer has the tenant ID {tenant}"),
    unknown_domain: |domain| {
        format!("unknown customer: no customer has the primary domain {domain}")
    },
    disagree: |tenant, domain_of_tenant, domain| {
        format!("TenantId and Domain disagree: {tenant} is the tenant ID of {domain_of_tenant}, not of {domain}")
    },
    more_than_one_row: |customer, others| {
        let lines = if others.len() == 1 { "line" } else { "lines" };
        let others: Vec<String> = others.iter().map(usize::to_string).collect();
        format!(
            "{customer} has more than one row in the file (also {lines} {}); none of its rows is imported",
            others.join(", ")
        )
    },
    not_a_type: |value, types| format!("Type: '{value}' is not an agreement type; write {types}"),
    spreadsheet_date: |value| {
        format!("'{value}' is a date as a spreadsheet shows it; write the date as YYYY-MM-DD, e.g. 2018-11-01 (format the column as text or as YYYY-MM-DD before saving)")
    },
    day_first: |value| {
        format!("'{value}' puts the day first, and Microsoft's sample writes the month first (US English); {SAMPLE_DATE}")
    },
    not_sample_date: |value| {
        format!("'{value}' is not a date as Microsoft's sample writes it; {SAMPLE_DATE}")
    },
    value_problem: |column, problem| format!("{column}: {problem}"),
    same_as_current: SAME_AS_CURRENT,
    same_as_current_of: |kind| format!("{SAME_AS_CURRENT} for the {}", kind.name()),
    same_as_earlier: "the same contact and date are already on record, in the history",
    new_date_alone: |date| {
        format!(" (on {date}; a new date alone records no new confirmation: change the contact to record one)")
    },
    column_twice: |column| format!("names the column {column} twice"),
    no_column: |columns| format!("has no column {}", columns.join(", ")),
    empty_file: "it is empty",
    header_at: |line, problem| format!("its header (line {line}) {problem}"),
    header_unreadable: |line, problem| format!("its header (line {line}) cannot be read: {problem}"),
    cannot_be_imported: |file, why| {
        format!("{file} cannot be imported: {why}. The first line must name the columns {EXPECTED}.")
    },
    file_not_utf8: |file, line| {
        format!("{file} is not UTF-8 text (line {line} is the first that is not), so nothing was imported. Save it from the spreadsheet as \"CSV UTF-8\" and import that file.")
    },
    wide_encoding: |file, encoding, by_bom| {
        let seen = if by_bom {
            format!("it starts with the byte order mark of {encoding}")
        } else {
            format!("its bytes have the pattern of {encoding}")
        };
        format!("{file} is {encoding} text ({seen}), not UTF-8, so nothing was imported. {SAVE_AS_CSV}")
    },
    workbook: |file, legacy| {
        let what = if legacy {
            "an Excel 97-2003 workbook (.xls)"
        } else {
            "a spreadsheet workbook (.xlsx or .ods, a ZIP archive)"
        };
        format!("{file} is {what}, not a CSV file, so nothing was imported. {SAVE_AS_CSV}")
    },
    not_text: |file| {
        format!("{file} is not a text file (it holds NUL bytes near its start), so nothing was imported. {SAVE_AS_CSV}")
    },
    cannot_read: |file, error| format!("Cannot read {file}: {error}."),
    no_temporary_file: |file, error| {
        format!("Cannot read {file}: it is not a regular file, and no temporary file could be made to hold it ({error}). Save it to a file and import that file.")
    },
    repeated_agreements: |file, named, more| {
        let mut named: Vec<String> = (named.iter())
            .map(|r| {
                let lines: Vec<String> = r.lines.iter().map(usize::to_string).collect();
                format!(
                    "the tenant {} has {} rows of type {} (lines {})",
                    r.tenant,
                    r.lines.len(),
                    r.type_name,
                    lines.join(", ")
                )
            })
            .collect();
        if more > 0 {
            named.push(format!("and {more} more"));
        }
        format!(
            "{file} cannot be imported: it gives the same agreement of a customer more than once, which Microsoft's sample refuses as duplicate or contradicting agreement data: {}. Keep one row per tenant and Type (the latest confirmation), then import the file again; nothing was imported.",
            named.join("; ")
        )
    },
    stream_too_big: |file, gib| {
        format!("{file} is a stream of more than {gib} GiB, more than an import takes from a stream. Save it to a file and import that file.")
    },
};
