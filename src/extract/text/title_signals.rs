//! The signals a headline candidate is measured by ([`Sig`]), their names in the lexicon
//! and explanations, and their weights: what [`super::headline`] scores each line with.

use std::sync::OnceLock;

use super::decision::{field_weights, Measured, Signal};

/// What is measured of a headline candidate. Its score is the sum of each signal's value
/// times the lexicon weight `title.<name>`; the weights are fitted on the development set
/// (`benches/eval/fit_fields.py --field title`), and `title.min` is the score below which the title is
/// left empty.
#[derive(Clone, Copy)]
pub(super) enum Sig {
    /// A dateline or byline in the next two units that are not boilerplate.
    NearDate,
    /// Repeats a segment of a page-title line, or the link-rel title.
    PageTitle,
    /// Printed twice in the file.
    Repeated,
    /// Printed three times or more: a menu entry.
    MenuRepeat,
    /// ln(1 + units between the line and the story's first paragraph), boilerplate
    /// counting a tenth: the first few units away matter more than the twentieth.
    Distance,
    /// At or below the story's first paragraph.
    InsideBody,
    /// 4 to 20 words; 6 to 20 words; one word; two or three words.
    Length,
    Long,
    OneWord,
    FewWords,
    /// A short run of capitalised names, or a reporter's role: a byline or site name.
    Names,
    /// Starts with a capital letter or has capitalised words for the most part.
    Casing,
    /// Most of its words capitalised (title case or capitals).
    TitleCase,
    /// Its first letter is lower case.
    Lowercase,
    /// A blank line above or below it.
    Alone,
    /// Share of its longer words found in the story's first paragraphs; none of them;
    /// most of them (0.6 or more).
    Overlap,
    NoOverlap,
    OverlapHigh,
    /// Ends in a full stop; a full stop after more than eight words.
    Period,
    Sentence,
    /// The file's first unit that is not boilerplate.
    FirstLine,
    /// Running text: many function words in a long line.
    Prose,
    /// Share of the three units above it that are boilerplate (navigation ends there).
    AfterNav,
    /// The first headline-shaped line of the window; how many come before it (over 5).
    FirstHeading,
    HeadingsAbove,
    /// Below a dateline or byline that has a headline-shaped line above it: a caption,
    /// a standfirst or a related story under the article's own header.
    BelowMeta,
    /// Right below an image label (`[photo.jpg]`): a caption.
    AfterImage,
    /// In a block of three or more lines (datelines and bylines aside): a list of links
    /// more than a heading.
    Crowded,
    /// The page title of lynx's link-rel line, standing as a candidate of its own.
    LinkRel,
    /// The file's very first unit: nothing above it at all (archives of plain text).
    FileStart,
    /// Right below a line of one to three words (a section kicker: `Syria`, `Opinion`).
    AfterKicker,
    /// No boilerplate anywhere above it: a clean text file more than a saved web page.
    CleanAbove,
    /// The first line of a file with no boilerplate at all (an archive's text).
    CleanFileStart,
    /// A sentence of eight words or more with prose right below it: the story's first
    /// paragraph (or a standfirst), not its headline.
    Lede,
    /// Quoted inside another line of the page (`Share on Facebook: HEADLINE`, a
    /// breadcrumb): pages echo their own headline in share links and page furniture.
    Echoed,
    /// Share of the two units above and the two below (boilerplate skipped) that are
    /// headline-shaped too: a list of linked headlines.
    HeadingNeighbours,
    /// A paragraph of prose lies above it in the window: a subheading or a teaser below
    /// some text, not the headline over it.
    ProseAbove,
    /// Cut short with an ellipsis: a teaser of a headline printed in full elsewhere.
    Truncated,
    /// Heads an article header: headline-shaped, not right below another headline-shaped
    /// line (its own repeats aside), with a dateline or byline among the next six units
    /// that are not boilerplate or captions. A standfirst (deck) between a headline and
    /// its byline is below a headline-shaped line; a teaser in a list is below another
    /// teaser. A title of two capitalised words, or of three words, heads one when its
    /// dateline or byline is among the next two units.
    HeadsHeader,
    /// Marked as a heading of the file's top level by the renderer (Markdown `#`,
    /// html2text's `******`), with no deeper headline-shaped heading under a menu between
    /// it and the story (a blog's name over its menu and post title).
    Marked,
    /// Headline-shaped, right below a dateline or byline and with prose among the next two
    /// units, not over a caption: the headline of a page that prints its date and author
    /// first (a blog's `Wednesday, 20 November 2019` / headline / post).
    AfterMeta,
    /// The last item of a breadcrumb trail a few units away: the page's own name.
    Crumb,
    /// The post title lynx's link-rel line gives (`#Site » … » Title Comments Feed`), or
    /// a line of four words or more that line holds: the title the site itself names.
    RelTitle,
    /// Named inside a paragraph of the story, past its first word (`Keepers at Marlow
    /// Vale Wildlife Park are celebrating …` under `Marlow Vale Wildlife Park`): the
    /// site's own name, which an organisation's stories mention; a story does not quote
    /// its own headline inside its sentences.
    InProse,
    /// Right under a breadcrumb trail of three items or more: where pages print their
    /// headline.
    UnderTrail,
    /// An item of a list of dated lines (a sidebar's latest news: date, title, date,
    /// title): a teaser, whatever date stands under it.
    DatedList,
}

pub(super) const SIGNALS: [(Sig, &str); 46] = [
    (Sig::NearDate, "near_date"),
    (Sig::PageTitle, "page_title"),
    (Sig::Repeated, "repeated"),
    (Sig::MenuRepeat, "menu_repeat"),
    (Sig::Distance, "distance"),
    (Sig::InsideBody, "inside_body"),
    (Sig::Length, "length"),
    (Sig::Long, "long"),
    (Sig::OneWord, "one_word"),
    (Sig::FewWords, "few_words"),
    (Sig::Names, "names"),
    (Sig::Casing, "casing"),
    (Sig::TitleCase, "title_case"),
    (Sig::Lowercase, "lowercase"),
    (Sig::Alone, "alone"),
    (Sig::Overlap, "overlap"),
    (Sig::NoOverlap, "no_overlap"),
    (Sig::OverlapHigh, "overlap_high"),
    (Sig::Period, "period"),
    (Sig::Sentence, "sentence"),
    (Sig::FirstLine, "first_line"),
    (Sig::Prose, "prose"),
    (Sig::AfterNav, "after_nav"),
    (Sig::FirstHeading, "first_heading"),
    (Sig::HeadingsAbove, "headings_above"),
    (Sig::BelowMeta, "below_meta"),
    (Sig::AfterImage, "after_image"),
    (Sig::Crowded, "crowded"),
    (Sig::LinkRel, "link_rel"),
    (Sig::FileStart, "file_start"),
    (Sig::AfterKicker, "after_kicker"),
    (Sig::CleanAbove, "clean_above"),
    (Sig::CleanFileStart, "clean_file_start"),
    (Sig::Lede, "lede"),
    (Sig::Echoed, "echoed"),
    (Sig::HeadingNeighbours, "heading_neighbours"),
    (Sig::ProseAbove, "prose_above"),
    (Sig::Truncated, "truncated"),
    (Sig::HeadsHeader, "heads_header"),
    (Sig::Marked, "marked"),
    (Sig::AfterMeta, "after_meta"),
    (Sig::Crumb, "crumb"),
    (Sig::RelTitle, "rel_title"),
    (Sig::InProse, "in_prose"),
    (Sig::UnderTrail, "under_trail"),
    (Sig::DatedList, "dated_list"),
];

/// The signals of one headline candidate, indexed by `Sig as usize`.
pub(super) type Signals = Measured<{ SIGNALS.len() }>;

/// The weights of [`SIGNALS`], read once from the lexicon.
pub(super) fn weights() -> &'static [f32; SIGNALS.len()] {
    static WEIGHTS: OnceLock<[f32; SIGNALS.len()]> = OnceLock::new();
    WEIGHTS.get_or_init(|| field_weights("title", &SIGNALS.map(|(_, name)| name)))
}

pub(super) fn named(x: &Signals) -> Vec<Signal> {
    x.named(&SIGNALS.map(|(_, name)| name), weights())
}
