//! Two sorted runs of entries read as one, in key order: the list is kept in two trees (rows
//! without a confirmation apart), and read whole through this.

use std::iter::Peekable;

type Entry = sled::Result<(sled::IVec, sled::IVec)>;

pub(super) struct Merged<A: Iterator<Item = Entry>, B: Iterator<Item = Entry>> {
    a: Peekable<A>,
    b: Peekable<B>,
}

impl<A: Iterator<Item = Entry>, B: Iterator<Item = Entry>> Merged<A, B> {
    pub fn new(a: A, b: B) -> Self {
        Merged {
            a: a.peekable(),
            b: b.peekable(),
        }
    }
}

impl<A: Iterator<Item = Entry>, B: Iterator<Item = Entry>> Iterator for Merged<A, B> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        // An error is passed on at once, whichever side it comes from.
        let a_first = match (self.a.peek(), self.b.peek()) {
            (None, None) => return None,
            (Some(_), None) | (Some(Err(_)), _) => true,
            (None, Some(_)) | (_, Some(Err(_))) => false,
            (Some(Ok((a, _))), Some(Ok((b, _)))) => a <= b,
        };
        if a_first {
            self.a.next()
        } else {
            self.b.next()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(keys: &[&str]) -> Vec<Entry> {
        keys.iter()
            .map(|k| Ok((sled::IVec::from(k.as_bytes()), sled::IVec::from(&b""[..]))))
            .collect()
    }

    #[test]
    fn two_sorted_runs_come_out_as_one_in_order() {
        let merged: Vec<String> = Merged::new(
            run(&["alpha", "delta", "omega"]).into_iter(),
            run(&["beta", "gamma", "zeta", "zz"]).into_iter(),
        )
        .map(|e| String::from_utf8(e.unwrap().0.to_vec()).unwrap())
        .collect();
        assert_eq!(
            merged,
            ["alpha", "beta", "delta", "gamma", "omega", "zeta", "zz"]
        );
        assert_eq!(
            Merged::new(run(&[]).into_iter(), run(&[]).into_iter()).count(),
            0
        );
    }
}
