//! The text pre-pass: what the user typed is rewritten into what tantivy's query grammar
//! should see (apostrophes and colons inside words, typographic quotes, C-style operators),
//! and queries nested deeper than `MAX_NESTING` are refused before the grammar, which
//! recurses, can overflow the stack on them.

use super::error::QueryError;

/// How deeply groups `( )` and `NOT`s may nest. tantivy's grammar parses them by
/// recursion, and some thousands of levels overflow the stack (an abort, not an error), so
/// the depth is checked on the text before anything is parsed.
pub const MAX_NESTING: usize = 100;

/// Rewrites the text the user typed into what tantivy's grammar should see, and refuses
/// queries nested deeper than `MAX_NESTING`:
///
/// - an apostrophe inside or at the end of a word (`O'Brien`, `Year's`, `Joneses'`) is part
///   of the word, not a quote: it is escaped (the analyzer then splits the word at it, as
///   it does in article text, so `O'Brien` searches the phrase "o brien"); `'...'` around
///   words still quotes them;
/// - a colon between digits (`date:2014-01-22T05:30:00Z`, `10:30`) is part of the word,
///   not a field separator (it is left alone inside ranges, whose bounds the grammar reads
///   with their colons);
/// - typographic quotes, as word processors and phones type them (`“peace talks”`,
///   `O’Brien`), are the ASCII ones;
/// - `||`, `&&` and `!word` are `OR`, `AND` and `-word`, as in C and Lucene.
pub fn prepare(text: &str) -> Result<String, QueryError> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
            c => c,
        })
        .collect();
    let is_word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    // Whether the apostrophe at `i` closes a quote: one not between two word characters.
    let closes = |i: usize| chars[i] == '\'' && !(i > 0 && is_word(i - 1) && is_word(i + 1));
    // `closer_after[i]`: an unescaped closing apostrophe at `i` or later, before the next
    // double quote (one inside a later "..." phrase belongs to that phrase).
    let mut closer_after = vec![false; chars.len() + 1];
    {
        let mut escaped = vec![false; chars.len()];
        for i in 1..chars.len() {
            escaped[i] = chars[i - 1] == '\\' && !escaped[i - 1];
        }
        for i in (0..chars.len()).rev() {
            closer_after[i] = if chars[i] == '"' && !escaped[i] {
                false
            } else {
                closer_after[i + 1] || (closes(i) && !escaped[i])
            };
        }
    }
    let too_deep = || QueryError::TooDeep { max: MAX_NESTING };
    // At the start of a token: the first character, or after a space or `(`.
    let token_start = |i: usize| i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(';
    let mut out = String::with_capacity(text.len() + 8);
    let mut quote: Option<char> = None;
    // Open groups, each with the number of NOTs waiting for their operand inside it.
    let mut groups: Vec<usize> = vec![0];
    let mut in_range = false;
    let mut in_comparison = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let after_word = i > 0 && is_word(i - 1);
        match (quote, c) {
            (_, '\\') => {
                out.push(c);
                if let Some(&next) = chars.get(i + 1) {
                    out.push(next);
                    i += 1;
                }
            }
            (Some(q), _) if c == q && (q == '"' || closes(i)) => {
                quote = None;
                out.push(c);
            }
            (Some(_), '\'') => out.push_str("\\'"),
            (Some(_), _) => out.push(c),
            (None, '"') => {
                // A phrase is an operand: the NOTs before it are done.
                if let Some(nots) = groups.last_mut() {
                    *nots = 0;
                }
                quote = Some(c);
                out.push(c);
            }
            (None, '\'') => {
                if after_word || !closer_after[i + 1] {
                    out.push_str("\\'");
                } else {
                    if let Some(nots) = groups.last_mut() {
                        *nots = 0;
                    }
                    quote = Some(c);
                    out.push(c);
                }
            }
            (None, ':')
                if !in_range
                    && !in_comparison
                    && after_word
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit) =>
            {
                out.push_str("\\:");
            }
            (None, '(') => {
                groups.push(0);
                if groups.len() - 1 + groups.iter().sum::<usize>() > MAX_NESTING {
                    return Err(too_deep());
                }
                out.push(c);
            }
            (None, ')') => {
                if groups.len() > 1 {
                    groups.pop();
                }
                // The group was the operand of the NOTs before it.
                if let Some(nots) = groups.last_mut() {
                    *nots = 0;
                }
                out.push(c);
            }
            (None, '[' | '{') => {
                if let Some(nots) = groups.last_mut() {
                    *nots = 0;
                }
                in_range = true;
                out.push(c);
            }
            (None, ']' | '}') => {
                in_range = false;
                out.push(c);
            }
            (None, '>' | '<') => {
                in_comparison = true;
                out.push(c);
            }
            (None, c) if c.is_whitespace() => {
                in_comparison = false;
                out.push(c);
            }
            // `a || b`, `a && b`: the operators as C and Lucene spell them.
            (None, '|' | '&')
                if token_start(i)
                    && chars.get(i + 1) == Some(&c)
                    && chars.get(i + 2).is_none_or(|n| n.is_whitespace()) =>
            {
                out.push_str(if c == '|' { "OR" } else { "AND" });
                i += 1;
            }
            // `!word`: NOT, as `-word`.
            (None, '!')
                if token_start(i)
                    && chars
                        .get(i + 1)
                        .is_some_and(|n| n.is_alphanumeric() || matches!(n, '"' | '(' | '\'')) =>
            {
                out.push('-');
            }
            (None, 'N')
                if !after_word
                    && chars.get(i + 1..i + 3) == Some(&['O', 'T'][..])
                    && chars.get(i + 3).is_some_and(|c| c.is_whitespace()) =>
            {
                if let Some(nots) = groups.last_mut() {
                    *nots += 1;
                }
                if groups.len() - 1 + groups.iter().sum::<usize>() > MAX_NESTING {
                    return Err(too_deep());
                }
                out.push_str("NOT");
                i += 2;
            }
            (None, c) => {
                // Any other word (or `*`) is an operand: the NOTs before it are done;
                // `-` and `+` only mark the operand that follows.
                if !after_word && !matches!(c, '-' | '+') {
                    if let Some(nots) = groups.last_mut() {
                        *nots = 0;
                    }
                }
                out.push(c);
            }
        }
        i += 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_apostrophes_and_operators_are_rewritten() {
        assert_eq!(prepare("'peace talks'").unwrap(), "'peace talks'");
        assert_eq!(prepare("O'Brien").unwrap(), "O\\'Brien");
        assert_eq!(prepare("a || b && !c").unwrap(), "a OR b AND -c");
        assert_eq!(
            prepare("(!iran) \"a || b\" Yahoo! x||y").unwrap(),
            "(-iran) \"a || b\" Yahoo! x||y"
        );
        assert_eq!(
            prepare("\u{201C}peace talks\u{201D} O\u{2019}Brien").unwrap(),
            "\"peace talks\" O\\'Brien"
        );
    }

    #[test]
    fn only_nesting_counts_towards_the_limit() {
        let nots = "NOT a ".repeat(500);
        assert!(prepare(&format!("b {nots}")).is_ok());
        // Whatever the operand after each NOT: phrases, quotes, ranges, `*`.
        for operand in ["\"zebra\"", "'zebra'", "[a TO b]", "*", "-zebra", "+zebra"] {
            let flat = format!(
                "lighthouse {}",
                format!("NOT {operand} ").repeat(MAX_NESTING + 5)
            );
            assert!(prepare(&flat).is_ok(), "{operand}");
        }
        // Parentheses inside quotes or escaped are text.
        assert!(prepare(&format!("\"{}\"", "(".repeat(500))).is_ok());
        assert!(prepare(&"\\(".repeat(500)).is_ok());
    }
}
