//! The seat count of the offer under the cursor: typed digit by digit, stepped with +/-, or
//! pasted whole.

use super::{NewOrder, OfferLine, OrderStep};
use crate::app::text_input::clean_paste;
use crate::domain::characters::quote;
use crate::domain::commerce::{Billing, LineProblem};
use crate::domain::limits;
use crate::locale::words::OrderWords;
use crate::locale::Words;

impl NewOrder {
    pub(super) fn seat_based_line(&mut self, words: &OrderWords) -> Option<&mut OfferLine> {
        let date = self.business_date;
        let line = &mut self.lines[self.cursor];
        if line.offer.billing != Billing::SeatBased {
            let offer = line.offer.name_on(date).to_string();
            line.error = Some((words.line_problem)(&LineProblem::NoSeatCount { offer }));
            return None;
        }
        line.selected = true;
        line.error = None;
        Some(line)
    }

    /// One seat more or fewer, never past the offer's maximum: a step beyond it stays at the
    /// maximum and says so.
    pub(super) fn adjust(&mut self, delta: i64, words: &OrderWords) {
        let date = self.business_date;
        if let Some(line) = self.seat_based_line(words) {
            let current: i64 = line.quantity.parse().unwrap_or(0);
            let mut wanted = (current + delta).max(1);
            if let Some(max) = line.offer.max_seats.map(i64::from) {
                wanted = wanted.min(max.max(1));
            }
            line.quantity = wanted.to_string();
            line.fresh = false;
            if delta > 0 && wanted == current {
                line.error = Some((words.at_most_seats)(
                    line.offer.name_on(date),
                    &wanted.to_string(),
                ));
            } else {
                check_quantity(line, date, words);
            }
        }
    }

    pub(super) fn type_digit(&mut self, digit: char, words: &OrderWords) {
        let date = self.business_date;
        if let Some(line) = self.seat_based_line(words) {
            if line.fresh || line.quantity == "0" {
                line.quantity.clear();
                line.fresh = false;
            }
            if line.quantity.len() < limits::QUANTITY_DIGITS {
                line.quantity.push(digit);
            }
            check_quantity(line, date, words);
        }
    }

    /// A pasted seat count replaces the quantity of the offer under the cursor; anything but
    /// a whole number is refused next to the offer.
    pub fn paste(&mut self, words: &Words, text: &str) {
        if self.step != OrderStep::Pick {
            return;
        }
        let (clean, _) = clean_paste(text);
        let digits = clean.trim();
        let date = self.business_date;
        let words = &words.order;
        let Some(line) = self.seat_based_line(words) else {
            return;
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            line.error = Some((words.not_a_seat_count)(&quote(digits)));
        } else if digits.len() > limits::QUANTITY_DIGITS {
            line.error = Some((words.too_many_digits)(
                limits::QUANTITY_DIGITS,
                digits.len(),
            ));
        } else {
            line.quantity = digits.to_string();
            line.fresh = false;
            check_quantity(line, date, words);
        }
    }
}

/// Says at once, by the offer, when the seat count is past its maximum (Review would refuse
/// it); a count of 0 waits for Review, as it is on the way to another number.
fn check_quantity(line: &mut OfferLine, date: chrono::NaiveDate, words: &OrderWords) {
    line.error = match line.quantity.parse::<u32>() {
        Ok(0) | Err(_) => None,
        Ok(quantity) => line
            .offer
            .check_seats_on(quantity, date)
            .err()
            .map(|problem| (words.line_problem)(&problem)),
    };
}
