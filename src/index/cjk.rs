//! Words of Chinese, Japanese and Korean text, which has no spaces between words: each run
//! of Han, kana or Hangul characters becomes its overlapping character bigrams (a run of
//! one character, that character), so that a two-character word is found inside a
//! sentence; a query's run becomes the same bigrams, searched as a phrase. Other letters
//! and digits form words as `SimpleTokenizer` makes them.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Han (with extension A and compatibility ideographs), Hiragana, Katakana (with its
/// phonetic extensions and half-width forms) and Hangul (syllables and jamo).
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9D}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{20000}'..='\u{2A6DF}')
}

#[derive(Clone, Default)]
pub struct CjkTokenizer {
    token: Token,
}

pub struct CjkTokenStream<'a> {
    text: &'a str,
    /// Byte offset where the next scan starts.
    at: usize,
    /// Within a CJK run: the byte offsets of its characters, and the next bigram.
    run: Vec<usize>,
    run_end: usize,
    next_in_run: usize,
    token: &'a mut Token,
}

impl Tokenizer for CjkTokenizer {
    type TokenStream<'a> = CjkTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CjkTokenStream<'a> {
        self.token.reset();
        CjkTokenStream {
            text,
            at: 0,
            run: Vec::new(),
            run_end: 0,
            next_in_run: 0,
            token: &mut self.token,
        }
    }
}

impl CjkTokenStream<'_> {
    fn emit(&mut self, from: usize, to: usize) {
        self.token.position = self.token.position.wrapping_add(1);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.text.clear();
        self.token.text.push_str(&self.text[from..to]);
    }

    /// The next bigram (or lone character) of the current run, if any is left.
    fn next_of_run(&mut self) -> bool {
        let i = self.next_in_run;
        let n = self.run.len();
        if n == 0 || i >= n.saturating_sub(1).max(1) {
            self.run.clear();
            return false;
        }
        let from = self.run[i];
        let to = if n == 1 {
            self.run_end
        } else if i + 2 < n {
            self.run[i + 2]
        } else {
            self.run_end
        };
        self.next_in_run += 1;
        self.emit(from, to);
        true
    }
}

impl TokenStream for CjkTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next_of_run() {
            return true;
        }
        let text = self.text;
        let mut chars = text[self.at..]
            .char_indices()
            .map(|(i, c)| (self.at + i, c));
        // Skip to the next letter or digit.
        let Some((start, first)) = chars.find(|(_, c)| c.is_alphanumeric()) else {
            self.at = text.len();
            return false;
        };
        let cjk = is_cjk(first);
        let mut end = start + first.len_utf8();
        let mut offsets = vec![start];
        for (i, c) in chars {
            if !c.is_alphanumeric() || is_cjk(c) != cjk {
                break;
            }
            end = i + c.len_utf8();
            if cjk {
                offsets.push(i);
            }
        }
        self.at = end;
        if cjk {
            self.run = offsets;
            self.run_end = end;
            self.next_in_run = 0;
            return self.next_of_run();
        }
        self.emit(start, end);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut t = CjkTokenizer::default();
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            let k = s.token();
            out.push((k.text.clone(), k.position, k.offset_from, k.offset_to));
        }
        out
    }

    #[test]
    fn runs_become_bigrams_and_other_words_stay_whole() {
        let t = tokens("北京大学 2024年 iPhone手机!");
        let words: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            words,
            ["北京", "京大", "大学", "2024", "年", "iPhone", "手机"]
        );
        // Positions follow one another; offsets are bytes into the text.
        let positions: Vec<usize> = t.iter().map(|x| x.1).collect();
        assert_eq!(positions, (0..7).collect::<Vec<_>>());
        assert_eq!(&"北京大学"[t[1].2..t[1].3], "京大");
    }

    #[test]
    fn kana_and_hangul_are_runs_too() {
        let words: Vec<String> = tokens("東京です 서울시").into_iter().map(|x| x.0).collect();
        assert_eq!(words, ["東京", "京で", "です", "서울", "울시"]);
        assert!(tokens("").is_empty());
        assert!(tokens(" ,.; ").is_empty());
    }
}
