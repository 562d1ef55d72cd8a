//! How a registry cue is written: near (`~`), with a context (`|`) or with words that cancel it
//! (`!`), and the checks `causebook check` makes of that writing.

use super::Report;
use crate::model::RedFlagDef;

/// A cue written with this first (`~pale cold leg`) is near: its words must stand within the
/// search's cue window of each other, since they describe one thing.
pub const NEAR: char = '~';

/// In a near cue, the words after this are its context (`~aching calf | flight/operation`):
/// held anywhere in the query, since a reader may tell of the flight sentences before the calf.
pub const CONTEXT: char = '|';
/// Written in a cue before words any one of which, held anywhere in a query (in a clause told
/// of the past too), cancels the cue
/// (`~foot drop/slapping ! crossed/kneeling`: a foot that slaps after sitting with crossed legs
/// is a nerve pressed by the position).
pub const UNLESS: char = '!';

/// A cue is a few words a reader would type; an empty one would match every query. A context
/// after `|` is held anywhere, so it means something only after words held close together, in a
/// near cue; the words that cancel a cue after `!` need cue words before them.
pub(super) fn check_cues(f: &RedFlagDef, err: &mut Report) {
    let all = f.cues.iter().enumerate().map(|(i, c)| ("cues", i, c));
    for (key, i, cue) in all.chain(f.names.iter().enumerate().map(|(i, c)| ("names", i, c))) {
        if let Some((before, after)) = cue.split_once(UNLESS) {
            if key != "cues" || ![before, after].iter().all(|p| p.chars().any(char::is_alphanumeric)) {
                let hint =
                    "write the cue's words, then `!` and the words that cancel it, e.g. `~floppy foot ! crossed`";
                err(
                    &format!("{key}[{i}]"),
                    format!("cue `{cue}`: `!` needs a cue (not a name) with words on both sides"),
                    Some(hint.into()),
                );
            }
        }
        if !cue.chars().any(char::is_alphanumeric) {
            let hint = "write the words a worried reader might type, e.g. `sudden cold leg`";
            err(
                &format!("{key}[{i}]"),
                format!("cue `{cue}` has no words to search for"),
                Some(hint.into()),
            );
        } else if let Some((close, _)) = cue.split_once(CONTEXT) {
            let near = key == "cues" && cue.trim_start().starts_with(NEAR);
            if !near || !close.chars().any(char::is_alphanumeric) {
                let hint =
                    "write `~` first and the words that describe one place before `|`, e.g. `~aching calf | flight`";
                err(
                    &format!("{key}[{i}]"),
                    format!("cue `{cue}` has a context after `|` but no near words before it"),
                    Some(hint.into()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::def;
    use super::*;

    #[test]
    fn a_context_needs_a_near_cue_with_words_before_it() {
        let mut flag = def("a", false);
        flag.cues = ["~aching calf | flight", "aching calf | flight", "~ | flight"]
            .map(String::from)
            .to_vec();
        flag.names = vec!["clot | flight".into()];
        let mut errors = Vec::new();
        check_cues(&flag, &mut |field, msg, _| errors.push(format!("{field}: {msg}")));
        assert_eq!(
            errors,
            [
                "cues[1]: cue `aching calf | flight` has a context after `|` but no near words before it",
                "cues[2]: cue `~ | flight` has a context after `|` but no near words before it",
                "names[0]: cue `clot | flight` has a context after `|` but no near words before it",
            ]
        );
    }

    #[test]
    fn words_that_cancel_a_cue_need_cue_words_before_them() {
        let mut flag = def("a", false);
        flag.cues = ["~floppy foot ! crossed", "! crossed", "floppy foot !"]
            .map(String::from)
            .to_vec();
        flag.names = vec!["foot drop ! crossed".into()];
        let mut errors = Vec::new();
        check_cues(&flag, &mut |field, msg, _| errors.push(format!("{field}: {msg}")));
        assert_eq!(
            errors,
            [
                "cues[1]: cue `! crossed`: `!` needs a cue (not a name) with words on both sides",
                "cues[2]: cue `floppy foot !`: `!` needs a cue (not a name) with words on both sides",
                "names[0]: cue `foot drop ! crossed`: `!` needs a cue (not a name) with words on both sides",
            ]
        );
    }
}
