"""Web page templates for the scraped-text development set (benches/eval/textpages.py).

Real pages saved as text differ from site to site in what surrounds the story: where the
date goes (above or below the headline, labelled or not), whether a standfirst, an
author's picture, a share bar, an advertisement or a list of other stories' headlines
sits between the headline and the text, how navigation is drawn. These templates put BBC
articles (title, paragraphs) into HTML pages that vary those things, so that the
renderings show whether a rule holds across layouts rather than on the 181 pages alone.
Gold is known by construction: the article's title, the printed date (to the day), the
byline, the paragraphs. Generation is seeded; nothing here is read by newsdex itself.
"""

import html
import random
import zlib

SITES = ["The Harbour Times", "Northgate Post", "Valley Chronicle", "Metro Ledger", "Coastline Daily",
         "The Civic Review", "Riverside Herald", "Plains Courier"]
SECTIONS = ["World", "Business", "Politics", "Technology", "Culture", "Sport", "Health", "Science"]
NAV = ["Home", "News", "World", "Business", "Opinion", "Sport", "Culture", "Travel", "Video", "Podcasts"]
TEASERS = [
    "Council approves new budget after marathon session",
    "Storm leaves thousands without power across the region",
    "Local school wins national robotics championship",
    "Transport strike set to disrupt weekend travel",
    "Museum reopens with exhibition of rare manuscripts",
    "Regulator fines energy firm over billing errors",
    "Hospital waiting lists fall for third month running",
    "Farmers warn of poor harvest after dry summer",
    "City marathon draws record field of runners",
    "Tech start-up raises funds to expand overseas",
    "Police appeal for witnesses after bridge collision",
    "Festival organisers announce headline acts for summer",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
KINDS = ["blog", "deck", "date-first", "banner", "table", "listed-meta", "teasers-above", "magazine"]


def _e(s):
    return html.escape(s, quote=True)


def _date(rng):
    import datetime as d
    day = d.date(2015, 1, 1) + d.timedelta(days=rng.randrange(0, 1800))
    return day, rng.randrange(6, 22), rng.randrange(0, 60)


def _shown(day, hour, minute, rng):
    """The date as a page prints it, in one of the common forms."""
    m, wd = MONTHS[day.month - 1], WEEKDAYS[day.weekday()]
    ampm = f"{(hour - 1) % 12 + 1}:{minute:02d} {'pm' if hour >= 12 else 'am'}"
    return rng.choice([
        f"{m} {day.day}, {day.year}",
        f"{day.day} {m} {day.year}",
        f"{m[:3]} {day.day}, {day.year} {ampm}",
        f"{wd}, {day.day} {m} {day.year} {hour:02d}:{minute:02d}",
        f"{day.isoformat()} {hour:02d}:{minute:02d}",
        f"{m} {day.day}, {day.year} at {ampm}",
    ])


def _nav(rng):
    items = rng.sample(NAV, rng.randrange(5, len(NAV)))
    return "<nav><ul>" + "".join(f'<li><a href="/{i.lower()}">{_e(i)}</a></li>' for i in items) + "</ul></nav>"


def _teasers(rng, n, dated=False, label="Most read"):
    items = []
    for t in rng.sample(TEASERS, n):
        extra = ""
        if dated:
            day, h, mi = _date(rng)
            extra = f"<span class=date>{_e(_shown(day, h, mi, rng))}</span>"
        items.append(f'<li><a href="/story/{zlib.crc32(t.encode()) % 9999}">{_e(t)}</a>{extra}</li>')
    return f"<aside><h3>{_e(label)}</h3><ul>{''.join(items)}</ul></aside>"


def _share():
    return ('<div class=share><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> '
            '<a href="#">Email</a></div>')


def _body(paras):
    return "".join(f"<p>{_e(p)}</p>" for p in paras)


def _footer(site, rng):
    return (f"<footer><p><a href=/about>About us</a> | <a href=/contact>Contact</a> | "
            f"<a href=/privacy>Privacy policy</a></p><p>&copy; {rng.randrange(2016, 2021)} {_e(site)}. "
            f"All rights reserved.</p></footer>")


def _deck(lede):
    """A standfirst from the story's first sentence, written the way desks shorten one (no
    articles, no full stop), so that it shares the lede's words without repeating it."""
    first = lede.split(". ")[0].rstrip(".")
    words = [w for w in first.split() if w.lower() not in ("the", "a", "an")]
    return _e(" ".join(words)) if len(words) >= 6 else None


def page(kind, title, paras, rng, byline):
    """An HTML page of the given template; returns (html, gold date as YYYY-MM-DD)."""
    site = rng.choice(SITES)
    section = rng.choice(SECTIONS)
    day, hour, minute = _date(rng)
    shown = _shown(day, hour, minute, rng)
    head = (f"<head><meta charset=utf-8><title>{_e(title)} | {_e(site)}</title>"
            f"<meta property='og:title' content='{_e(title)}'></head>")
    masthead = f"<header><a href=/ class=logo>{_e(site)}</a>{_nav(rng)}</header>"
    deck = _deck(paras[0])
    if kind == "blog":
        main = (f"<article><h1 class=entry-title>{_e(title)}</h1>"
                f"<p class=meta>Posted on {_e(shown)} by <a href=/author>{_e(byline)}</a></p>"
                f"{_body(paras)}<p><a href=#respond>Leave a comment</a></p></article>"
                f"{_teasers(rng, 5, dated=True, label='Recent posts')}")
    elif kind == "deck":
        main = (f"<article><p class=kicker><a href=/{section.lower()}>{_e(section)}</a></p>"
                f"<h1>{_e(title)}</h1>" + (f"<p class=standfirst>{deck}</p>" if deck else "")
                + f"<div class=author><div class=photo><img src=/a.jpg alt='{_e(byline)} headshot'></div>"
                f"<div class=name>By {_e(byline)}</div></div><p><time>{_e(shown)}</time></p>{_share()}"
                f"{_body(paras)}</article>{_teasers(rng, 4, label='Related stories')}")
    elif kind == "date-first":
        main = (f"<p class=crumbs><a href=/>Home</a> › <a href=/{section.lower()}>{_e(section)}</a></p>"
                f"<article><p class=date>{_e(shown)}</p><h1>{_e(title)}</h1><p class=by>By {_e(byline)}</p>"
                f"<figure><img src=/p.jpg alt='Picture for the story'><figcaption>Photo: Reuters"
                f"</figcaption></figure>{_body(paras)}</article>{_teasers(rng, 5)}")
    elif kind == "banner":
        main = ("<div class=cookie>We use cookies to improve your experience. <button>Accept</button></div>"
                "<div class=ad><a href=/ads>Advertise with us</a></div>"
                f"<article><h1>{_e(title)}</h1><p>{_e(byline)} | {_e(shown)}</p>"
                f"{_body(paras)}<div class=ad>Advertisement</div></article>{_teasers(rng, 5)}")
    elif kind == "table":
        links = "".join(f"<a href=/{n.lower()}>{_e(n)}</a><br>" for n in rng.sample(NAV, 6))
        main = (f"<table><tr><td width=150>{links}</td><td><font size=+2><b>{_e(title)}</b></font><br>"
                f"<i>Posted: {_e(shown)}</i><br>By {_e(byline)}{_body(paras)}</td></tr></table>")
    elif kind == "listed-meta":
        main = (f"<article><h1>{_e(title)}</h1><ul class=meta><li>by {_e(byline)}</li>"
                f"<li>@{_e(byline.split()[-1].lower())}</li><li>{_e(shown)}</li><li>3 min read</li></ul>"
                f"{_share()}{_body(paras)}</article>{_teasers(rng, 4, label='More from ' + section)}")
    elif kind == "teasers-above":
        main = (f"{_teasers(rng, 6, dated=True, label='Latest')}"
                f"<article><h1>{_e(title)}</h1><p class=byline>By {_e(byline)}</p><p>{_e(shown)}</p>"
                f"{_body(paras)}</article>")
    elif kind == "magazine":
        main = (f"<article><h2 class=section>{_e(section)}</h2><h1>{_e(title)}</h1>"
                + (f"<h2 class=dek>{deck}</h2>" if deck else "")
                + f"<p>Words by <a href=/a>{_e(byline)}</a></p><p>Published {_e(shown)}</p>"
                f"{_body(paras)}<p>Tags: {_e(section)}, News</p></article>{_teasers(rng, 5)}")
    else:
        raise ValueError(kind)
    doc = (f"<!doctype html><html lang=en>{head}<body>{masthead}<main>{main}</main>"
           f"{_footer(site, rng)}</body></html>")
    return doc, day.isoformat()


def pages(articles, seed, names):
    """[(stem, kind, html, gold)] for every article, the templates taken in turn."""
    rng = random.Random(seed)
    out = []
    for i, (name, title, paras) in enumerate(articles):
        kind = KINDS[i % len(KINDS)]
        byline = rng.choice(names)
        doc, day = page(kind, title, paras, rng, byline)
        gold = {"kind": kind, "title": title, "body": "\n\n".join(paras), "date": day, "date_utc": day,
                "date_precision": None, "byline": byline, "date_updated": None}
        out.append((f"{i:03d}-{kind}-{name}", kind, doc, gold))
    return out
