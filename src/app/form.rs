//! Forms: text inputs, checkboxes and buttons identified by a screen's own field enum, with the
//! messages shown next to each field. A screen describes its form as rows; focus order, the
//! rendering and scrolling are all derived from those rows.

use super::text_input::{edit_input, paste_into, Entered};
use crate::domain::field_problem::{FieldProblem, InputNote};
use ratatui::crossterm::event::KeyEvent;
use tui_input::Input;

/// A message next to a field, kept as what happened so that it is said in the session's
/// language when shown: a problem with the value, what a key or paste left out, or a sentence
/// the screen already wrote in that language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldNote {
    Problem(FieldProblem),
    Input(InputNote),
    Said(String),
}

/// In English, as the commands and the tests read it.
impl std::fmt::Display for FieldNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldNote::Problem(problem) => problem.fmt(f),
            FieldNote::Input(note) => note.fmt(f),
            FieldNote::Said(text) => f.write_str(text),
        }
    }
}

impl From<FieldProblem> for FieldNote {
    fn from(problem: FieldProblem) -> FieldNote {
        FieldNote::Problem(problem)
    }
}

impl From<InputNote> for FieldNote {
    fn from(note: InputNote) -> FieldNote {
        FieldNote::Input(note)
    }
}

impl From<String> for FieldNote {
    fn from(text: String) -> FieldNote {
        FieldNote::Said(text)
    }
}

impl From<&str> for FieldNote {
    fn from(text: &str) -> FieldNote {
        FieldNote::Said(text.to_string())
    }
}

/// The most characters a box takes when its form sets no limit for it.
pub const DEFAULT_LIMIT: usize = 200;

/// One row of a form, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormRow<F> {
    Heading(String),
    /// Explanatory text.
    Text(String),
    /// A form-level message that blocks going on.
    Notice(String),
    Field {
        id: F,
        label: &'static str,
    },
    Checkbox {
        id: F,
        label: &'static str,
        checked: bool,
    },
    Buttons(Vec<(F, &'static str)>),
    /// A read-only value with its label.
    Value {
        label: String,
        value: String,
    },
    Blank,
}

/// The focusable ids of the rows, in order.
pub fn focus_order<F: Copy>(rows: &[FormRow<F>]) -> Vec<F> {
    rows.iter()
        .flat_map(|row| match row {
            FormRow::Field { id, .. } | FormRow::Checkbox { id, .. } => vec![*id],
            FormRow::Buttons(buttons) => buttons.iter().map(|(id, _)| *id).collect(),
            _ => vec![],
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct Form<F> {
    inputs: Vec<(F, Input)>,
    /// The values the form opened with, to tell whether anything was changed since.
    initial: Vec<(F, String)>,
    /// How many characters each text input takes.
    limits: Vec<(F, usize)>,
    pub focus: F,
    errors: Vec<(F, FieldNote)>,
}

impl<F: Copy + PartialEq> Form<F> {
    /// A form with text inputs holding the given values, focused on `focus`.
    pub fn new(values: impl IntoIterator<Item = (F, String)>, focus: F) -> Form<F> {
        // A value stored decomposed opens composed, so what is saved again is composed too.
        let initial: Vec<(F, String)> = values
            .into_iter()
            .map(|(id, value)| (id, crate::locale::composed(&value).into_owned()))
            .collect();
        Form {
            inputs: initial
                .iter()
                .map(|(id, value)| (*id, Input::new(value.clone())))
                .collect(),
            initial,
            limits: Vec::new(),
            focus,
            errors: Vec::new(),
        }
    }

    /// Sets how many characters each text input takes (see `domain::limits`).
    pub fn with_limits(mut self, limit: impl Fn(F) -> usize) -> Form<F> {
        self.limits = self
            .inputs
            .iter()
            .map(|(id, _)| (*id, limit(*id)))
            .collect();
        self
    }

    pub fn limit(&self, id: F) -> usize {
        self.limits
            .iter()
            .find(|(f, _)| *f == id)
            .map_or(DEFAULT_LIMIT, |(_, max)| *max)
    }

    pub fn input(&self, id: F) -> Option<&Input> {
        self.inputs.iter().find(|(f, _)| *f == id).map(|(_, i)| i)
    }

    pub fn value(&self, id: F) -> &str {
        self.input(id).map(Input::value).unwrap_or("")
    }

    pub fn set_value(&mut self, id: F, value: impl Into<String>) {
        let input = Input::new(value.into());
        match self.inputs.iter_mut().find(|(f, _)| *f == id) {
            Some((_, slot)) => *slot = input,
            None => self.inputs.push((id, input)),
        }
    }

    /// Whether any text input holds something else than the form opened with.
    pub fn is_changed(&self) -> bool {
        self.inputs.iter().any(|(id, input)| {
            let initial = self.initial.iter().find(|(f, _)| f == id);
            input.value() != initial.map_or("", |(_, value)| value.as_str())
        })
    }

    pub fn is_text(&self, id: F) -> bool {
        self.input(id).is_some()
    }

    pub fn text_focused(&self) -> bool {
        self.is_text(self.focus)
    }

    /// Passes an editing key to the focused text input; a change clears that field's message,
    /// a refused key (a hidden character, or one past the limit) puts its reason there.
    pub fn edit(&mut self, key: KeyEvent) -> bool {
        let focus = self.focus;
        let max = self.limit(focus);
        let Some((_, input)) = self.inputs.iter_mut().find(|(f, _)| *f == focus) else {
            return false;
        };
        let entered = edit_input(input, key, max);
        self.show(focus, entered)
    }

    /// Inserts pasted text at the cursor of the focused text input, on one line, cleaned and
    /// cut at the limit; what was left out is said next to the field.
    pub fn paste(&mut self, text: &str) -> bool {
        let focus = self.focus;
        let max = self.limit(focus);
        let Some((_, input)) = self.inputs.iter_mut().find(|(f, _)| *f == focus) else {
            return false;
        };
        let entered = paste_into(input, text, max);
        self.show(focus, entered)
    }

    fn show(&mut self, id: F, entered: Entered) -> bool {
        match entered.note {
            Some(note) => self.set_error(id, note),
            None if entered.changed => self.clear_error(id),
            None => {}
        }
        entered.changed
    }

    pub fn error(&self, id: F) -> Option<&FieldNote> {
        self.errors.iter().find(|(f, _)| *f == id).map(|(_, m)| m)
    }

    /// A field's message in English (see `ui::form::said` for the session's language).
    pub fn message(&self, id: F) -> Option<String> {
        self.error(id).map(FieldNote::to_string)
    }

    /// How many fields have a message.
    pub fn error_count(&self) -> usize {
        self.errors.len()
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    pub fn set_errors<N: Into<FieldNote>>(&mut self, errors: Vec<(F, N)>) {
        self.errors = errors.into_iter().map(|(f, n)| (f, n.into())).collect();
    }

    pub fn clear_errors(&mut self) {
        self.errors.clear();
    }

    pub fn set_error(&mut self, id: F, message: impl Into<FieldNote>) {
        self.clear_error(id);
        self.errors.push((id, message.into()));
    }

    pub fn clear_error(&mut self, id: F) {
        self.errors.retain(|(f, _)| *f != id);
    }

    /// Moves focus `delta` places along `order`, wrapping around.
    pub fn step_focus(&mut self, order: &[F], delta: isize) {
        if order.is_empty() {
            return;
        }
        let here = order.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        let len = order.len() as isize;
        self.focus = order[((here + delta) % len + len) as usize % order.len()];
    }

    /// Focuses the first field, in `order`, that has a message.
    pub fn focus_first_error(&mut self, order: &[F]) {
        if let Some(first) = order.iter().find(|f| self.error(**f).is_some()) {
            self.focus = *first;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum F {
        Name,
        Tick,
        Ok,
    }

    fn rows() -> Vec<FormRow<F>> {
        vec![
            FormRow::Heading("H".into()),
            FormRow::Field {
                id: F::Name,
                label: "Name",
            },
            FormRow::Checkbox {
                id: F::Tick,
                label: "Tick",
                checked: false,
            },
            FormRow::Buttons(vec![(F::Ok, "OK")]),
        ]
    }

    #[test]
    fn focus_follows_the_rows_and_wraps() {
        let order = focus_order(&rows());
        assert_eq!(order, vec![F::Name, F::Tick, F::Ok]);
        let mut form = Form::new([(F::Name, String::new())], F::Name);
        form.step_focus(&order, -1);
        assert_eq!(form.focus, F::Ok);
        form.step_focus(&order, 1);
        assert_eq!(form.focus, F::Name);
    }

    #[test]
    fn typing_edits_the_focused_field_and_clears_its_message() {
        let mut form = Form::new([(F::Name, "Zo".to_string())], F::Name);
        form.set_error(F::Name, "Enter the name.");
        form.edit(KeyEvent::new(KeyCode::Char('ë'), KeyModifiers::NONE));
        assert_eq!(form.value(F::Name), "Zoë");
        assert_eq!(form.error(F::Name), None);
    }

    #[test]
    fn pasted_text_lands_at_the_cursor_on_one_line() {
        let mut form = Form::new([(F::Name, String::new())], F::Name);
        form.paste("山田\n太郎");
        assert_eq!(form.value(F::Name), "山田 太郎");
        assert_eq!(form.input(F::Name).unwrap().cursor(), 5);
        assert_eq!(form.error(F::Name), None);
        let mut form = Form::new([(F::Name, String::new())], F::Name);
        form.paste("Contoso\r\nLtd\rTwo");
        assert_eq!(form.value(F::Name), "Contoso Ltd Two");
    }

    #[test]
    fn a_paste_past_the_limit_is_cut_and_the_field_says_so() {
        let mut form = Form::new([(F::Name, String::new())], F::Name).with_limits(|_| 5);
        assert!(form.paste("Contoso\u{7}"));
        assert_eq!(form.value(F::Name), "Conto");
        let note = form.error(F::Name).expect("a note by the field");
        let FieldNote::Input(note) = note else {
            panic!("a note of the paste: {note:?}")
        };
        let note = note.to_string();
        assert!(note.contains("at most 5 characters"), "{note}");
        assert!(note.contains("1 hidden character"), "{note}");
        form.edit(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        assert_eq!(form.error(F::Name), None, "a change clears the note");
        assert_eq!(form.limit(F::Tick), DEFAULT_LIMIT);
    }

    #[test]
    fn a_key_past_the_limit_changes_nothing_and_says_why() {
        let mut form = Form::new([(F::Name, "Ada".to_string())], F::Name).with_limits(|_| 3);
        assert!(!form.edit(KeyEvent::new(KeyCode::Char('m'), KeyModifiers::NONE)));
        assert_eq!(form.value(F::Name), "Ada");
        assert_eq!(
            form.error(F::Name),
            Some(&FieldNote::Input(InputNote::TypedPastLimit { max: 3 }))
        );
    }

    #[test]
    fn a_form_is_changed_only_while_a_value_differs_from_the_one_it_opened_with() {
        let mut form = Form::new([(F::Name, "Ada".to_string())], F::Name);
        assert!(!form.is_changed());
        form.edit(KeyEvent::new(KeyCode::Char('m'), KeyModifiers::NONE));
        assert!(form.is_changed());
        form.edit(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        assert!(!form.is_changed(), "typed back to what it was");
        form.set_value(F::Tick, "x");
        assert!(
            form.is_changed(),
            "a value set later counts against an empty one"
        );
    }
}
