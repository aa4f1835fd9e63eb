//! Puts a page's side-by-side columns back into reading order. Text browsers print a
//! layout table's cells beside each other (`w3m -dump`, `links -dump`): a navigation
//! column to the left of the article, a sidebar to its right, each row of the table one
//! line holding a piece of every column. Read line by line, a headline shares its line
//! with a menu entry and a paragraph runs into a sidebar's teaser.
//!
//! A column edge is a terminal column at which, over a run of lines, no word crosses,
//! several lines hold text on both sides with a gap of two spaces or more before it, and
//! some of those lines hold running text on one side: a layout. A data table (a fixture
//! list, a price guide) has short cells on every side, most of its lines are rows with a
//! gap and few of them wrapped prose, or it has three edges or more; it is left as
//! printed. Each run is read as its
//! left column, a blank line, then its right column, each column split again the same way.

use super::lines::char_columns;

/// Leftmost column an edge may sit at: a column holds more than a bullet's indent.
const MIN_EDGE: usize = 16;
/// Lines holding text on both sides of an edge, and of those, lines with running text on
/// one side, from which a run of lines is a layout.
const MIN_SIDE_BY_SIDE: usize = 3;
const MIN_PROSE_BESIDE: usize = 2;
/// Words with letters from which a column's piece of a line is running text, and from
/// which it is a line of wrapped prose.
const PROSE_WORDS: usize = 4;
const WRAPPED_WORDS: usize = 6;
/// Edges of a run from which it is a data table (its cells aligned at each edge).
const TABLE_EDGES: usize = 3;
/// How many times a column split off is searched for edges of its own.
const MAX_DEPTH: usize = 2;

/// A word of a line: where it starts and ends, in terminal columns, and whether it holds
/// a letter.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    letters: bool,
}

fn words(line: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut col = 0;
    let mut cur: Option<Word> = None;
    for c in line.chars() {
        if c == ' ' || c == '\t' {
            out.extend(cur.take());
            col += 1;
        } else {
            let w = cur.get_or_insert(Word {
                start: col,
                end: col,
                letters: false,
            });
            col += char_columns(c);
            w.end = col;
            w.letters |= c.is_alphabetic();
        }
    }
    out.extend(cur);
    out
}

/// Columns past an edge a column's line may start at: a sidebar indents its list's
/// bullets and their wrapped lines (`Ultim'ora` at the edge, `• 19:02 …` two columns in,
/// `di Milano` four).
const INDENT_SLACK: usize = 4;

/// Whether a word of the line starts at `edge`, or a little past it, two spaces or more
/// after another word that ends before the edge.
fn beside(ws: &[Word], edge: usize) -> bool {
    ws.windows(2).any(|p| {
        p[0].end + 2 <= p[1].start
            && p[0].end < edge
            && (edge..=edge + INDENT_SLACK).contains(&p[1].start)
    })
}

fn crosses(ws: &[Word], edge: usize) -> bool {
    ws.iter().any(|w| w.start < edge && w.end > edge)
}

/// Words with letters on the fuller side of `edge`.
fn prose_beside_words(ws: &[Word], edge: usize) -> usize {
    let left = ws.iter().filter(|w| w.end <= edge && w.letters).count();
    let right = ws.iter().filter(|w| w.start >= edge && w.letters).count();
    left.max(right)
}

/// Whether one side of `edge` holds running text on this line.
fn prose_beside(ws: &[Word], edge: usize) -> bool {
    prose_beside_words(ws, edge) >= PROSE_WORDS
}

/// A run of lines `start..end` read as two columns parted at `edge`.
struct Split {
    start: usize,
    end: usize,
    edge: usize,
}

/// The runs of `lines` that are two columns, found edge by edge (the edge most lines
/// show first), none overlapping.
fn splits(lines: &[(usize, String)]) -> Vec<Split> {
    let ws: Vec<Vec<Word>> = lines.iter().map(|(_, l)| words(l)).collect();
    let mut edges: Vec<usize> = ws
        .iter()
        .flat_map(|w| {
            w.windows(2)
                .filter(|p| p[1].start >= MIN_EDGE && p[0].end + 2 <= p[1].start)
                .map(|p| p[1].start)
                .collect::<Vec<_>>()
        })
        .collect();
    edges.sort_unstable();
    edges.dedup();
    // Each edge with the lines beside it, and of those the lines starting right at it:
    // among edges as well supported, the one most lines start at.
    let mut support: Vec<(usize, usize, usize)> = edges
        .into_iter()
        .map(|edge| {
            let at = |w: &&Vec<Word>| {
                w.windows(2)
                    .any(|p| p[1].start == edge && p[0].end + 2 <= edge)
            };
            (
                edge,
                ws.iter().filter(|w| beside(w, edge)).count(),
                ws.iter().filter(at).count(),
            )
        })
        .collect();
    support.retain(|&(_, n, _)| n >= MIN_SIDE_BY_SIDE);
    support.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    let mut taken = vec![false; lines.len()];
    let mut out = Vec::new();
    for &(edge, _, _) in &support {
        let mut i = 0;
        while i < lines.len() {
            if taken[i] || crosses(&ws[i], edge) {
                i += 1;
                continue;
            }
            let start = i;
            while i < lines.len() && !taken[i] && !crosses(&ws[i], edge) {
                i += 1;
            }
            if layout(&ws[start..i], edge) {
                taken[start..i].iter_mut().for_each(|t| *t = true);
                out.push(Split {
                    start,
                    end: i,
                    edge,
                });
            }
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

/// Whether lines no word of which crosses `edge` are two columns of a layout.
fn layout(run: &[Vec<Word>], edge: usize) -> bool {
    let side_by_side = run.iter().filter(|w| beside(w, edge)).count();
    let prose = run
        .iter()
        .filter(|w| beside(w, edge) && prose_beside(w, edge))
        .count();
    let text_lines = run.iter().filter(|w| !w.is_empty()).count();
    // Other edges the run's lines align at: a data table's columns.
    let mut others: Vec<(usize, usize)> = Vec::new();
    for w in run {
        for p in w.windows(2) {
            let e = p[1].start;
            if !(edge..=edge + INDENT_SLACK).contains(&e) && p[0].end + 2 <= e {
                match others.iter_mut().find(|(x, _)| *x == e) {
                    Some((_, n)) => *n += 1,
                    None => others.push((e, 1)),
                }
            }
        }
    }
    let edges = 1 + others
        .iter()
        .filter(|&&(_, n)| n >= MIN_SIDE_BY_SIDE)
        .count();
    // A column of wrapped prose beside a navigation column as long as itself, or between
    // two columns: the run looks like a table, but half its gapped lines or more carry
    // running text.
    let wrapped = run
        .iter()
        .filter(|w| beside(w, edge) && prose_beside_words(w, edge) >= WRAPPED_WORDS)
        .count();
    let table = side_by_side * 2 > text_lines || edges >= TABLE_EDGES;
    side_by_side >= MIN_SIDE_BY_SIDE
        && prose >= MIN_PROSE_BESIDE
        && (!table || (wrapped >= MIN_SIDE_BY_SIDE && wrapped * 2 >= side_by_side))
}

/// The byte offset in `line` of terminal column `edge` (the line's length when shorter).
fn byte_at(line: &str, edge: usize) -> usize {
    let mut col = 0;
    for (i, c) in line.char_indices() {
        if col >= edge {
            return i;
        }
        col += char_columns(c);
    }
    line.len()
}

/// The light box-drawing characters text browsers draw a table's borders with, one
/// column wide each.
const TABLE_RULES: [char; 11] = ['─', '│', '┌', '┐', '└', '┘', '├', '┤', '┬', '┴', '┼'];

/// The lines of `text`, each with its line number counted from 1, in reading order: the
/// runs printed as side-by-side columns read one column after the other, with a blank
/// line after each column; a right column's lines keep their indent.
pub fn reading_order(text: &str) -> Vec<(usize, String)> {
    // A table's ruled borders (`┌───┐`, `│ cell │`, as w3m draws a `<table border>`) are
    // blanks of the same width: the cells' text keeps its columns.
    let lines: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let l = if l.contains(TABLE_RULES) {
                l.replace(TABLE_RULES, " ")
            } else {
                l.to_owned()
            };
            (i + 1, l)
        })
        .collect();
    // Only a line with a gap of two spaces inside its text can have a column beside it.
    let gapped = lines
        .iter()
        .any(|(_, l)| l.trim().contains("  ") && l.len() > MIN_EDGE);
    if gapped {
        in_order(lines, 0)
    } else {
        lines
    }
}

fn in_order(lines: Vec<(usize, String)>, depth: usize) -> Vec<(usize, String)> {
    let found = splits(&lines);
    if found.is_empty() {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len() + 2 * found.len());
    let mut next = 0;
    for s in found {
        out.extend(lines[next..s.start].iter().cloned());
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for (n, line) in &lines[s.start..s.end] {
            let at = byte_at(line, s.edge);
            left.push((*n, line[..at].trim_end().to_owned()));
            let rest = line[at..].trim_end();
            // The right column keeps its place on the line: the file's wrap width and
            // indents still read the same.
            right.push((*n, format!("{:1$}{rest}", "", s.edge).trim_end().to_owned()));
        }
        for mut column in [left, right] {
            if depth + 1 < MAX_DEPTH {
                column = in_order(column, depth + 1);
            }
            out.extend(column);
            out.push((lines[s.end - 1].0, String::new()));
        }
        next = s.end;
    }
    out.extend(lines[next..].iter().cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        reading_order(text).into_iter().map(|(_, l)| l).collect()
    }

    #[test]
    fn a_sidebar_beside_the_article_is_read_after_it() {
        let page = "\
The Space Review
                  SLS core stage                                    Subscribe to our
                  The core stage of the first SLS at Michoud after  weekly newsletter
                  installation in early November of its four RS-25  [              ]
                  engines. (credit: NASA)                           [              ]
                                                                    [Subscribe]
                  Seeking a bigger role for a big rocket

                  by Jeff Foust

                  Earlier this month, NASA announced the newest
                  milestone in the development of its Space
                  Launch System. At Michoud, workers completed
                  installation of the four engines.
";
        let order = texts(page);
        let headline = order
            .iter()
            .position(|l| l.trim() == "Seeking a bigger role for a big rocket")
            .expect("headline");
        // The caption's column ends where the sidebar's button sat: a blank line parts
        // the headline from the caption.
        assert_eq!(order[headline - 1], "");
        assert_eq!(order[headline - 2].trim(), "engines. (credit: NASA)");
        let sidebar = order
            .iter()
            .position(|l| l.trim() == "Subscribe to our")
            .expect("sidebar");
        assert!(sidebar > headline);
        assert_eq!(order[sidebar + 1].trim(), "weekly newsletter");
    }

    #[test]
    fn a_ruled_table_beside_a_menu_reads_as_a_column() {
        let page = "\
MENU                   Club News
                       ┌──────────────────────────────────────────────────────────┐
Club News              │ Spring Open House Dates Set - Helpers Needed!            │
                       │ Posted 04-07-09 by Webmaster                             │
Our Layout             ├──────────────────────────────────────────────────────────┤
                       │ The board has voted and our Spring Open House will be    │
Photo Gallery          │ held Saturday April 25 and Sunday April 26 at the Old    │
                       │ Freight Depot. Hours are 10 AM to 4 PM both days.        │
Meeting Schedule       │                                                          │
                       │ This is the first time the public will see the new       │
Membership             │ Conneaut Lake branch since we finished the scenery.      │
                       └──────────────────────────────────────────────────────────┘
";
        let order = texts(page);
        let at = |t: &str| order.iter().position(|l| l.trim() == t);
        let headline = at("Spring Open House Dates Set - Helpers Needed!").expect("headline");
        assert_eq!(order[headline + 1].trim(), "Posted 04-07-09 by Webmaster");
        assert!(at("held Saturday April 25 and Sunday April 26 at the Old").is_some());
        // The menu is read apart from the article, before or after it.
        let menu = at("Our Layout").expect("menu");
        assert!(menu < headline || menu > headline + 8);
        assert!(!order.iter().any(|l| l.contains(TABLE_RULES)));
    }

    #[test]
    fn three_columns_of_an_old_table_layout() {
        // A navigation column as long as the story, the story, and a column of teasers:
        // most lines are gapped, and the story's pieces are wrapped prose.
        let rows = [
            (
                "NEWS",
                "County board OKs $4.2 million fix for aging dam",
                "TOP STORIES",
            ),
            (
                "Local News",
                "Posted Tuesday, June 10, 2003 at 4:15 PM",
                "Schools trim",
            ),
            ("State", "By Harold T. Weems", "summer bus routes"),
            (
                "Obituaries",
                "Ten years after engineers first warned that the",
                "Posted 06/10/03",
            ),
            (
                "Police Log",
                "dam was showing its age, the county board voted",
                "Two hurt in",
            ),
            (
                "SPORTS",
                "on Tuesday afternoon to spend the money repairing",
                "Route 14 crash",
            ),
            (
                "Outdoors",
                "the earthen structure that holds back the lake.",
                "Posted 06/09/03",
            ),
            (
                "OPINION",
                "The vote came after three hours of public comment",
                "Falcons fall in",
            ),
            (
                "Letters",
                "in a packed meeting room at the county annex.",
                "sectional final",
            ),
        ];
        let page: String = rows
            .iter()
            .map(|(a, b, c)| format!("{a:<21}{b:<52}{c}\n"))
            .collect();
        let order = texts(&page);
        let at = |t: &str| order.iter().position(|l| l.trim() == t).expect(t);
        // The story reads on from line to line, before the teasers and after the menu.
        assert_eq!(
            at("dam was showing its age, the county board voted"),
            at("Ten years after engineers first warned that the") + 1
        );
        assert!(at("Letters") < at("County board OKs $4.2 million fix for aging dam"));
        assert!(at("TOP STORIES") > at("in a packed meeting room at the county annex."));
    }

    #[test]
    fn data_tables_and_prose_stay_as_printed() {
        let table = "\
Price guide
     2019 21.5\" iMac 4K          Price     Save
3.6GHz/8GB/1TB/555X          $1,349.00*    $50
3.6GHz/8GB/512GB/555X        $1,649.00*    $50
3.2GHz/8GB/512GB/560X        $1,899.00*    $100
";
        assert_eq!(texts(table), table.lines().collect::<Vec<_>>());
        let results = "\
Match stats
Riverside                 Harbour Town
44%         Possession    56%
13             Shots      9
6         Shots on target 4
7             Corners     3
";
        assert_eq!(texts(results), results.lines().collect::<Vec<_>>());
        // Typed text with two spaces after a full stop, the sentences of three lines
        // ending at one column: every line has a gap there, no column beside another.
        let prose = [
            (
                "The council voted to close the branch.",
                "It will sell the land in May.",
            ),
            (
                "Residents had opposed the plan for years.",
                "They will ask for a review.",
            ),
            (
                "The mayor said the decision was final.",
                "A new branch opens in June.",
            ),
        ]
        .iter()
        .map(|(a, b)| format!("{a:<42}{b}\n"))
        .collect::<String>();
        assert_eq!(texts(&prose), prose.lines().collect::<Vec<_>>());
    }

    #[test]
    fn a_sidebar_indenting_its_items_past_the_edge() {
        // The sidebar's heading at the edge, its bullets two columns in, their wrapped
        // lines four: one column all the same.
        let pad = |left: &str, right: &str| format!("{left:<56}{right}\n");
        let page = [
            pad("Cronaca > Tram 4 sospeso per tre mesi", "Ultim'ora Torino"),
            pad("la mobilità che cambia", ""),
            pad("", "  • 19:02 Incendio in un alloggio a"),
            pad("Tram 4 sospeso per tre mesi,", "    Barriera di Milano"),
            pad(
                "bus sostitutivi da Falchera a",
                "  • 17:45 Salone del Libro, attesi",
            ),
            pad("Mirafiori", "    300 mila visitatori"),
            pad("", "  • 15:30 Consiglio comunale, slitta"),
            pad(
                "Dall'8 giugno al 6 settembre la linea più frequentata",
                "    il voto sul bilancio",
            ),
            pad("della città si ferma per il rifacimento dei binari in", ""),
            pad(
                "via XX Settembre e corso Unione Sovietica, e Gtt",
                "I più letti",
            ),
            pad(
                "promette corse ogni cinque minuti nelle ore di punta",
                "  1. Sindone, record di",
            ),
            pad(
                "con gli autobus articolati della linea sostitutiva.",
                "    visitatori",
            ),
        ]
        .concat();
        let order = texts(&page);
        let at = |t: &str| order.iter().position(|l| l.trim() == t).expect(t);
        assert_eq!(
            at("bus sostitutivi da Falchera a"),
            at("Tram 4 sospeso per tre mesi,") + 1
        );
        assert_eq!(at("Mirafiori"), at("bus sostitutivi da Falchera a") + 1);
        assert!(at("Ultim'ora Torino") > at("con gli autobus articolati della linea sostitutiva."));
        assert_eq!(
            at("Barriera di Milano"),
            at("• 19:02 Incendio in un alloggio a") + 1
        );
    }
}
