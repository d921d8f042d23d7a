//! The 16 colours as every colour terminal understands them. crossterm writes each colour,
//! the 16 ANSI ones included, as a 256-colour code (`ESC[38;5;1m` for red), which a terminal
//! with fewer colours (`linux`, `vt220`, `xterm`, `screen`) misreads or ignores. This writer
//! rewrites those codes into the classic ones (`ESC[31m`); on a 256-colour terminal both mean
//! the same colour, so it is safe on every terminal.

use std::io::{self, Write};

/// Passes what is written on to `inner` at each flush, the colour codes of the 16 colours
/// rewritten. A frame is written in pieces, so it is held until the flush that ends it.
pub struct ClassicColors<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> ClassicColors<W> {
    pub fn new(inner: W) -> ClassicColors<W> {
        ClassicColors {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for ClassicColors<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rewritten = without_resets_before_a_reset(&rewrite(&self.pending));
            self.pending.clear();
            self.inner.write_all(&rewritten)?;
        }
        self.inner.flush()
    }
}

/// `bytes` with every SGR sequence (`ESC [ … m`) rewritten by [`classic_sgr`]; everything
/// else, an unfinished sequence included, unchanged.
pub fn rewrite(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(start) = rest.windows(2).position(|w| w == b"\x1b[") {
        out.extend_from_slice(&rest[..start]);
        let sequence = &rest[start + 2..];
        // A control sequence ends at its first byte from '@' to '~'.
        let Some(end) = sequence.iter().position(|b| (0x40..=0x7e).contains(b)) else {
            out.extend_from_slice(&rest[start..]);
            return out;
        };
        out.extend_from_slice(b"\x1b[");
        match (sequence[end], std::str::from_utf8(&sequence[..end])) {
            (b'm', Ok(parameters)) => out.extend_from_slice(classic_sgr(parameters).as_bytes()),
            _ => out.extend_from_slice(&sequence[..end]),
        }
        out.push(sequence[end]);
        rest = &sequence[end + 1..];
    }
    out.extend_from_slice(rest);
    out
}

/// What ends each frame of crossterm's backend: the colours reset one by one, then everything.
const RESETS_BEFORE_A_RESET: [&[u8]; 2] = [
    b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m",
    b"\x1b[39m\x1b[49m\x1b[0m",
];

/// `bytes` with the colour resets that come right before a reset of everything (`ESC[0m`, which
/// resets them too) left out: 15 bytes less in every frame an SSH session sends.
fn without_resets_before_a_reset(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    'bytes: while !rest.is_empty() {
        if rest[0] == 0x1b {
            for resets in RESETS_BEFORE_A_RESET {
                if let Some(after) = rest.strip_prefix(resets) {
                    out.extend_from_slice(b"\x1b[0m");
                    rest = after;
                    continue 'bytes;
                }
            }
        }
        out.push(rest[0]);
        rest = &rest[1..];
    }
    out
}

/// The parameters of one SGR sequence with `38;5;N` and `48;5;N` for N below 16 written as
/// `30`–`37`, `90`–`97`, `40`–`47`, `100`–`107`; every other parameter kept.
fn classic_sgr(parameters: &str) -> String {
    let parts: Vec<&str> = parameters.split(';').collect();
    let mut out: Vec<String> = vec![];
    let mut index = 0;
    while index < parts.len() {
        let classic = match (parts[index], parts.get(index + 1), parts.get(index + 2)) {
            (layer @ ("38" | "48"), Some(&"5"), Some(n)) => n
                .parse::<u8>()
                .ok()
                .filter(|n| *n < 16)
                .map(|n| classic_code(layer == "48", n)),
            _ => None,
        };
        match classic {
            Some(code) => {
                out.push(code.to_string());
                index += 3;
            }
            None => {
                out.push(parts[index].to_string());
                index += 1;
            }
        }
    }
    out.join(";")
}

/// The classic code of ANSI colour `n` (0–15) as foreground or background.
fn classic_code(background: bool, n: u8) -> u8 {
    let base = if background { 40 } else { 30 };
    if n < 8 {
        base + n
    } else {
        base + 60 + (n - 8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(text: &str) -> String {
        String::from_utf8(rewrite(text.as_bytes())).unwrap()
    }

    #[test]
    fn colour_resets_right_before_a_reset_of_everything_are_left_out() {
        let frame = b"\x1b[1;1Hab\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[?25l";
        assert_eq!(
            without_resets_before_a_reset(frame),
            b"\x1b[1;1Hab\x1b[0m\x1b[?25l"
        );
        // A colour reset followed by anything else stays.
        let kept = b"\x1b[39mab\x1b[49m\x1b[1m";
        assert_eq!(without_resets_before_a_reset(kept), kept);
    }

    #[test]
    fn the_16_colours_take_their_classic_codes() {
        assert_eq!(rewritten("\x1b[38;5;1m"), "\x1b[31m");
        assert_eq!(rewritten("\x1b[38;5;15m"), "\x1b[97m");
        assert_eq!(rewritten("\x1b[48;5;4m"), "\x1b[44m");
        assert_eq!(rewritten("\x1b[48;5;8m"), "\x1b[100m");
        assert_eq!(rewritten("a\x1b[1;38;5;6;48;5;12mb"), "a\x1b[1;36;104mb");
    }

    #[test]
    fn other_codes_and_text_pass_unchanged() {
        for text in [
            "\x1b[38;5;32m",
            "\x1b[48;5;231m",
            "\x1b[38;2;0;120;212m",
            "\x1b[58;5;1m",
            "\x1b[39m\x1b[49m\x1b[59m\x1b[0m",
            "\x1b[7m",
            "\x1b[m",
            "\x1b[12;1H",
            "\x1b[?25l",
            "plain ✓ text; 38;5;1",
            "cut \x1b[38;5",
        ] {
            assert_eq!(rewritten(text), text);
        }
    }

    #[test]
    fn a_frame_written_in_pieces_is_rewritten_whole_at_its_flush() {
        let mut writer = ClassicColors::new(Vec::new());
        for piece in ["x\x1b[", "38;", "5;1", "m", "red"] {
            writer.write_all(piece.as_bytes()).unwrap();
        }
        assert!(writer.inner.is_empty(), "nothing before the flush");
        writer.flush().unwrap();
        assert_eq!(writer.inner, b"x\x1b[31mred");
    }
}
