//! The boilerplate line test: lines that pages and feeds print around an article but that
//! are not part of it ("Advertisement", "Share this:", a row of social network names).

/// Longest copyright notice that says its rights are reserved.
const NOTICE_CHARS: usize = 250;

/// Lines that pages and feeds print around an article but that are not part of it.
pub fn is_boilerplate(line: &str) -> bool {
    let l = line
        .trim()
        .trim_end_matches([':', '.', '»', '>', '|'])
        .trim();
    if l.is_empty() {
        return false;
    }
    // Past 120 characters only a row of social network names and a copyright notice can
    // match, so a paragraph of text is rejected on its first word without lower-casing
    // all of it.
    if l.len() > 120 && l.chars().count() > 120 {
        let notice = l.starts_with('©')
            || l.get(..10)
                .is_some_and(|h| h.eq_ignore_ascii_case("copyright "));
        if !notice {
            return social_row(l.split_whitespace().map(str::to_lowercase));
        }
    }
    boilerplate_rules(&l.to_lowercase(), l)
}

/// The rules of `is_boilerplate`, on the trimmed line `l` and its lower-cased `lower`.
fn boilerplate_rules(lower: &str, l: &str) -> bool {
    const EXACT: &[&str] = &[
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "follow us",
        "follow us on",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "share via email",
        "skip to main content",
        "skip to content",
        "skip navigation",
        "sign in",
        "log in",
        "subscribe",
        "subscribe now",
        "newsletter",
        "menu",
        "home",
        "about",
        "print",
        "print this page",
        "email",
        "e-mail",
        "tweet",
        "related",
        "related articles",
        "related stories",
        "related content",
        "read more",
        "more on this story",
        "comments",
        "leave a comment",
        "click here",
        "loading",
        "loading...",
        "story continues below",
        "continue reading",
        "back to top",
        "top stories",
        "most read",
        "trending",
        "image",
        "photo",
        "video",
    ];
    if EXACT.contains(&lower) {
        return true;
    }
    if lower.starts_with("follow us on")
        || lower.starts_with("share this")
        || lower.starts_with("copyright ")
        || lower.starts_with("all rights reserved")
        || lower.starts_with("© ")
        || lower.starts_with("(c) ")
    {
        // A wire service's notice runs longer: `Copyright 2019 The Associated Press. All
        // rights reserved. This material may not be published, broadcast, rewritten or
        // redistributed.`
        let most = if lower.contains("rights reserved") {
            NOTICE_CHARS
        } else {
            120
        };
        return l.chars().count() <= most;
    }
    social_row(lower.split_whitespace())
}

/// Whether the lower-cased words are a row of social network names ("Facebook Twitter
/// WhatsApp Email"): at least two, all of them names. Stops at the first other word.
fn social_row<S: AsRef<str>>(mut words: impl Iterator<Item = S>) -> bool {
    const SOCIAL: &[&str] = &[
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "email",
        "e-mail",
        "linkedin",
        "pinterest",
        "reddit",
        "telegram",
        "instagram",
        "youtube",
        "print",
        "share",
        "messenger",
        "copy",
        "link",
        "|",
        "·",
        "•",
        "/",
    ];
    let mut n = 0;
    let all = words.all(|w| {
        n += 1;
        SOCIAL.contains(&w.as_ref())
    });
    all && n >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_boilerplate` without its shortcut for long lines: every rule, on every line.
    fn boilerplate_by_definition(line: &str) -> bool {
        let l = line
            .trim()
            .trim_end_matches([':', '.', '»', '>', '|'])
            .trim();
        !l.is_empty() && boilerplate_rules(&l.to_lowercase(), l)
    }

    proptest::proptest! {
        #[test]
        fn long_line_shortcut_changes_nothing(
            words in proptest::collection::vec(
                "(Facebook|TWITTER|x|Email|share|Share this|©|\\(c\\)|Copyright|follow us on|\\||·|Advertisement|[a-zA-Zéß]{1,12}|\\PC{1,6})",
                0..40,
            ),
            sep in "( |  |\t| \\| )",
            tail in "(|:|\\.|»| >)",
        ) {
            let line = format!("{}{tail}", words.join(&sep));
            proptest::prop_assert_eq!(is_boilerplate(&line), boilerplate_by_definition(&line), "{:?}", line);
        }
    }

    #[test]
    fn long_rows_of_social_names_are_boilerplate() {
        let row = ["Facebook", "Twitter", "WhatsApp", "Email", "LinkedIn"]
            .repeat(8)
            .join(" ");
        assert!(row.chars().count() > 120);
        assert!(is_boilerplate(&row));
        let text = format!("{row} and more");
        assert!(!is_boilerplate(&text));
        let share = format!("Share this {}", "story ".repeat(30));
        assert!(!is_boilerplate(&share));
    }

    #[test]
    fn boilerplate_lines() {
        for l in [
            "Follow us on:   ",
            "Advertisement",
            "Share this:",
            "Skip to main content",
            "Facebook Twitter WhatsApp",
            "© 2014 The Paper. All rights reserved.",
            "Copyright 2019 The Associated Press. All rights reserved. This material may not \
             be published, broadcast, rewritten or redistributed.",
        ] {
            assert!(is_boilerplate(l), "{l:?}");
        }
        for l in [
            "China, Russia FMs meet ahead of Syria talks",
            "Share prices fell sharply on Monday",
            "",
        ] {
            assert!(!is_boilerplate(l), "{l:?}");
        }
    }
}
