use crate::locale::words::Problems;

pub const PROBLEMS: Problems = Problems {
    field: |problem| problem.to_string(),
    input: |note| note.to_string(),
    refusal: |error| error.to_string(),
    confirm: |refusal| refusal.to_string(),
    restore: |error| error.to_string(),
};
