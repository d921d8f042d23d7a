//! What a terminal shows, rebuilt from the bytes a program wrote to it.

/// What the terminal shows: the characters the output put on each cell, following the cursor
/// moves and clears that the dashboard writes. Other escape sequences are skipped.
/// The second column of a wide character: no character of its own.
const COVERED: char = '\0';

pub fn screen_text(output: &[u8], columns: usize, rows: usize) -> String {
    let mut grid = vec![vec![' '; columns]; rows];
    let (mut row, mut col) = (0usize, 0usize);
    let text = String::from_utf8_lossy(output);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                Some('[') => {
                    let mut params = String::new();
                    let mut last = ' ';
                    for p in chars.by_ref() {
                        if ('\x40'..='\x7e').contains(&p) {
                            last = p;
                            break;
                        }
                        params.push(p);
                    }
                    let numbers: Vec<usize> =
                        params.split(';').map(|n| n.parse().unwrap_or(1)).collect();
                    match last {
                        'H' => {
                            row = numbers[0].max(1) - 1;
                            col = numbers.get(1).copied().unwrap_or(1).max(1) - 1;
                        }
                        'J' if params == "2" => grid = vec![vec![' '; columns]; rows],
                        _ => {}
                    }
                }
                Some(']') => {
                    // An operating system command runs to BEL or to ESC \.
                    while let Some(p) = chars.next() {
                        if p == '\x07' || (p == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' => col = 0,
            '\n' => row += 1,
            c if c.is_control() => {}
            c => {
                // A wide character (Hangul, CJK) takes two columns, as a terminal draws it.
                let width = pcenter::ui::text::width(c.encode_utf8(&mut [0; 4])).max(1);
                if let Some(cells) = grid.get_mut(row) {
                    if let Some(cell) = cells.get_mut(col) {
                        *cell = c;
                    }
                    if width == 2 {
                        if let Some(cell) = cells.get_mut(col + 1) {
                            *cell = COVERED;
                        }
                    }
                }
                col += width;
            }
        }
    }
    grid.iter()
        .map(|r| {
            r.iter()
                .filter(|c| **c != COVERED)
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
