//! Rewrites of the query's syntax tree, between tantivy's grammar and the compiler:
//! `lift_negations` gives `a AND NOT b` the meaning `a -b`, and `drop_stop_words` leaves
//! bare stop words out of OR queries (`stop_words`).

use tantivy::query::Occur;
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf};

use super::stop_words::OR_STOP_WORDS;

/// Lifts `NOT x` out of the one-clause group the grammar wraps it in, so that
/// `a AND NOT b` means `a -b`. Left alone, the group `(NOT b)` matches nothing on its own
/// (a query of exclusions only), and the conjunction with it would match nothing at all.
pub fn lift_negations(ast: UserInputAst) -> UserInputAst {
    match ast {
        UserInputAst::Clause(children) => UserInputAst::Clause(
            children
                .into_iter()
                .map(|(occur, child)| match (occur, lift_negations(child)) {
                    (None | Some(Occur::Must), UserInputAst::Clause(mut inner))
                        if inner.len() == 1 && inner[0].0 == Some(Occur::MustNot) =>
                    {
                        let (_, negated) = inner.remove(0);
                        (Some(Occur::MustNot), negated)
                    }
                    (occur, child) => (occur, child),
                })
                .collect(),
        ),
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(lift_negations(*inner)), boost)
        }
        leaf => leaf,
    }
}

/// Leaves bare stop words out of an OR query's clauses (see `OR_STOP_WORDS`), except where
/// that would leave a clause with nothing to match.
/// Also left out: the commonest function words of `languages` (the index's other
/// languages: `die`, `les`, `och`).
pub fn drop_stop_words(ast: UserInputAst, languages: &[crate::lang::Language]) -> UserInputAst {
    match ast {
        UserInputAst::Clause(children) => {
            let children: Vec<_> = children
                .into_iter()
                .map(|(occur, child)| (occur, drop_stop_words(child, languages)))
                .collect();
            let matches_without = children.iter().any(|(occur, child)| {
                occur != &Some(Occur::MustNot) && !is_optional_stop_word(*occur, child, languages)
            });
            if !matches_without {
                return UserInputAst::Clause(children);
            }
            UserInputAst::Clause(
                children
                    .into_iter()
                    .filter(|(occur, child)| !is_optional_stop_word(*occur, child, languages))
                    .collect(),
            )
        }
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(drop_stop_words(*inner, languages)), boost)
        }
        leaf => leaf,
    }
}

/// A bare word (no field, quotes, prefix star or `+`/`-`) on the stop list, or a function
/// word of one of `languages`.
fn is_optional_stop_word(
    occur: Option<Occur>,
    ast: &UserInputAst,
    languages: &[crate::lang::Language],
) -> bool {
    let UserInputAst::Leaf(leaf) = ast else {
        return false;
    };
    let UserInputLeaf::Literal(lit) = leaf.as_ref() else {
        return false;
    };
    matches!(occur, None | Some(Occur::Should))
        && lit.field_name.is_none()
        && lit.delimiter == Delimiter::None
        && !lit.prefix
        && {
            let word = lit.phrase.to_lowercase().replace('\u{2019}', "'");
            OR_STOP_WORDS.contains(&word.as_str())
                || languages
                    .iter()
                    .any(|l| crate::lang::is_function_word(l, &word))
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Stop words under OR (tuned on TIME 1963, docs/relevance.md).

    /// The words an OR query keeps, in order, after stop words are dropped.
    fn kept(query: &str) -> Vec<String> {
        fn walk(ast: &UserInputAst, out: &mut Vec<String>) {
            match ast {
                UserInputAst::Clause(children) => children.iter().for_each(|(_, c)| walk(c, out)),
                UserInputAst::Boost(inner, _) => walk(inner, out),
                UserInputAst::Leaf(leaf) => {
                    if let UserInputLeaf::Literal(lit) = leaf.as_ref() {
                        out.push(lit.phrase.clone());
                    }
                }
            }
        }
        let ast = tantivy::query_grammar::parse_query(query).unwrap();
        let mut out = Vec::new();
        walk(&drop_stop_words(ast, &[]), &mut out);
        out
    }

    #[test]
    fn or_queries_drop_bare_stop_words() {
        assert_eq!(
            kept("Kennedy pressure on the Buddhists"),
            ["Kennedy", "pressure", "Buddhists"]
        );
        // "us" stays: U.S.
        assert_eq!(kept("troops sent by us"), ["troops", "sent", "us"]);
    }

    #[test]
    fn explicit_words_and_stop_word_only_queries_are_kept() {
        assert_eq!(
            kept("\"war of the worlds\" title:the +is -it at*"),
            ["war of the worlds", "the", "is", "it", "at*"]
        );
        assert_eq!(kept("the who"), ["the", "who"]);
        assert_eq!(kept("to be or not"), ["to", "be", "or", "not"]);
        // Dropping "the" would leave only an exclusion.
        assert_eq!(kept("the -war"), ["the", "war"]);
        assert_eq!(kept("(the who) lighthouse"), ["the", "who", "lighthouse"]);
    }

    #[test]
    fn not_in_a_conjunction_is_an_exclusion() {
        let ast = tantivy::query_grammar::parse_query("a AND NOT b").unwrap();
        let UserInputAst::Clause(children) = lift_negations(ast) else {
            panic!("a clause");
        };
        let occurs: Vec<Option<Occur>> = children.iter().map(|(o, _)| *o).collect();
        assert_eq!(occurs, [Some(Occur::Must), Some(Occur::MustNot)]);
        assert!(matches!(children[1].1, UserInputAst::Leaf(_)));
    }
}
