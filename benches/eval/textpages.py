#!/usr/bin/env python3
"""Field extraction (title, date, byline, body) from scraped text and date-less HTML.

A development set and scorer for the hard cases of `newsdex extract`: real web pages saved
as plain text, constructed text layouts, and HTML pages whose date is not in metadata.
Four sets, all generated into a work directory (never the repository):

- w3m, lynx: the 181 pages of the article-extraction benchmark rendered to text with
  `w3m -dump` and `lynx -dump -nolist` (UTF-8 in and out, 80 columns), cached by content
  hash. Gold: body = the benchmark's articleBody; title = the page's og:title, else its
  <title>; date = datePublished / article:published_time (to the day), scored only on pages
  whose rendered text prints that calendar day in some form; byline = the author meta tag
  or JSON-LD author when it names people (two to four capitalised words each, no staff
  or desk label), scored only where the rendering prints every word of it.
- links, html2text (with --renderers; CI scores all four): the same pages through `links
  -dump` and Debian's html2text (compact: no blank lines, headings as `****** Title
  ******`), other ways pages are saved as text; gold as for w3m and lynx.
- variants: BBC articles and a few German and French ones written for this set, laid out
  as scraped text (mastheads, share bars, "Posted on DATE by NAME", captions printed twice,
  credit lines, dates before the title, capitalised titles, German and French datelines,
  hard-wrapped paragraphs, Updated/Published pairs, four syndicated copies of one story).
  Gold is known by construction; generation is seeded.
- html-nodate: the 181 pages with their date metadata removed (date/published meta tags,
  JSON-LD date keys, <time pubdate> and itemprop=date* attributes), a <link rel=canonical>
  added when absent. Date scored where still recoverable (printed, <time datetime>, URL).

- tpl-w3m, tpl-lynx, ... (one per renderer): 96 BBC articles in eight web page templates
  (benches/eval/templates.py: blog, standfirst and author picture, date-first header,
  banners, table layout, list-item bylines, teasers above the story, magazine dek), gold
  by construction.
- wr-html, wr-w3m, wr-lynx, ...: the pages in benches/eval/written/, each written by hand
  in the manner of one kind of site (regional dailies, blogs, magazines, wire copy, press
  releases, recipe blogs, old table layouts; English, German, French, Spanish, Italian,
  Dutch, Portuguese), none with date metadata, read as HTML and through each renderer.
  Gold is each page's JSON beside it (headline, day, byline, body paragraphs); a title is
  also right when it is the page's og:title or <title> under the title rule, as on the
  181 pages, if it names the story (half its word forms, two at least, shared with the
  headline: a <title> of the site and its section is no title); a `date_utc` names the day in UTC of a printed time and zone that falls on
  another day (right only when the output has a time, as the 181 pages' offsets are).

A date with a time and an offset names a moment: it is also right when its UTC day is
the UTC day of the gold's moment (`2019-11-19T22:01:00-08:00`, as a page prints it, for
metadata's `2019-11-20T06:01:00Z`).

Scores per set: title accuracy (normalised rule below), raw exact share, and t.h1, the
share right under the title rule or equal to one of the page's own <h1> headlines (about
one page in ten words its metadata title otherwise than the headline it prints), date accuracy
(same day) and the share of those with the right precision, byline accuracy where gold
exists, body F1 (the benchmark metric of html_benchmark.py, imported from it), and the
wrong/empty split for title and date (a wrong field is worse than an empty one).

Title rule: both sides NFKC, casefolded, quotes and dashes unified, whitespace collapsed.
Correct when equal to the gold, or to the gold with up to two site segments removed from
the end or one from the start, a segment being cut at " | ", " - ", " – ", " — ", " :: ",
" · ", " • ", " » " (spaces required; a colon never cuts), at most 6 words long, and the
rest keeping at least 2 words (or 6 characters), and the rest not being the site itself
(the page's og:site_name, or a name whose letters hold the domain's, like "Fox Business"
for foxbusiness.com): the site name is never taken for the headline.

Usage: python3 benches/eval/textpages.py [--bin target/debug/newsdex] [--shared ../shared]
           [--work /tmp/newsdex-textpages] [--json FILE|-] [--show N]
           [--gate benches/eval/textpages_floors.json] [--write-floors FILE]
           [--renderers w3m,lynx,links,html2text] [--written DIR]
Exit: 0 ok, 1 a gate figure dropped, 2 a tool or input missing.
"""

import argparse
import concurrent.futures
import gzip
import hashlib
import html as htmlmod
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import textwrap
import time
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
from html_benchmark import body_metrics, shingle_matching  # noqa: E402  (the same body metric)
import templates  # noqa: E402

JOBS = 2  # the machine is shared: at most two processes at a time
WRITTEN = HERE / "written"  # hand-written pages, NAME.html with its gold in NAME.json
TEMPLATE_PAGES = 96  # BBC articles put into web page templates, 12 per template
SEED = 20140303

W3M = ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "80",
       "-o", "display_link_number=0"]
LYNX = ["lynx", "-dump", "-nolist", "-force_html", "-assume_charset=utf-8",
        "-assume_local_charset=utf-8", "-display_charset=utf-8", "-width=80", "-nomargins"]
# Renderers beyond w3m and lynx (the ways the issue names): other ways pages get saved as
# text, to see whether a rule holds beyond w3m's and lynx's habits. All four by default.
LINKS = ["links", "-dump", "-width", "80", "-codepage", "utf-8", "-html-assume-codepage", "utf-8",
         "-html-hard-assume", "1"]
HTML2TEXT = ["html2text", "-utf8", "-nobs", "-width", "80"]
RENDERERS = {"w3m": W3M, "lynx": LYNX, "links": LINKS, "html2text": HTML2TEXT}


def die(msg, code=2):
    print(f"textpages: {msg}", file=sys.stderr)
    sys.exit(code)


# --- gold from the page's HTML ---------------------------------------------------------


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta, self.title, self.lang, self.canonical = [], None, None, None
        self.times, self._in_title, self._buf = [], False, []

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self.meta.append(a)
        elif tag == "title" and self.title is None:
            self._in_title, self._buf = True, []
        elif tag == "html" and a.get("lang"):
            self.lang = a["lang"].split("-")[0].lower()
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = a.get("href")
        elif tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"])

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "title" and self._in_title:
            self._in_title = False
            self.title = "".join(self._buf)

    def handle_data(self, data):
        if self._in_title:
            self._buf.append(data)


def parse_meta(html):
    p = _Meta()
    try:
        p.feed(html)
        p.close()
    except Exception:  # malformed pages: keep what was read
        pass
    return p


_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]*)"')
_LD_AUTHOR = re.compile(r'"author"\s*:\s*(\{[^{}]*\}|\[[^\]]*\]|"[^"]*")', re.S)
_PERSON = re.compile(r"^[A-ZÀ-ÖØ-ÞА-Я][\w.'’-]*(?: (?:[a-z]{1,3} )?[A-ZÀ-ÖØ-ÞА-Я][\w.'’-]*){1,3}$")


def meta_author(p, html):
    """The page's author from its metadata (author meta tags, JSON-LD `author`), when
    every name in it reads as a person's (two to four capitalised words): byline gold
    for the 181 pages. Organisations and staff labels are no gold."""
    names = []
    for m in p.meta:
        key = (m.get("name") or m.get("property") or m.get("itemprop") or "").lower()
        if key in ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"):
            names = [m.get("content", "")]
            break
    if not names:
        for blob in _LD_AUTHOR.findall(html):
            names = re.findall(r'"name"\s*:\s*"([^"]+)"', blob) or ([blob.strip('"')] if blob.startswith('"') else [])
            if names:
                break
    names = [" ".join(htmlmod.unescape(n).split()) for n in names]
    names = [re.sub(r"^(?:by|von|par|por)\s+", "", n, flags=re.I) for n in names]
    if not names or len(names) > 3 or not all(_PERSON.match(n) for n in names):
        return None
    if any(w.lower() in ("staff", "team", "editor", "editors", "desk", "news", "redaktion", "admin")
           for n in names for w in n.split()):
        return None
    return " and ".join(names)


def byline_printed(byline, text):
    """Whether every word of the gold byline is in the rendered text."""
    low = norm(text)
    return all(norm(w) in low for w in byline.split() if w != "and")


def _days(value):
    """(local day, UTC day) of an ISO date string, or None. Placeholders are no gold."""
    m = _ISO_DAY.match(value or "")
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 1900 or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    local = f"{y:04d}-{mo:02d}-{d:02d}"
    utc = local
    if m.group(4) and m.group(6) and m.group(6) != "Z":
        import datetime as dt
        off = m.group(6).replace(":", "")
        sign = 1 if off[0] == "+" else -1
        delta = dt.timedelta(hours=int(off[1:3]), minutes=int(off[3:5]))
        t = dt.datetime(y, mo, d, int(m.group(4)), int(m.group(5))) - sign * delta
        utc = t.strftime("%Y-%m-%d")
    return local, utc


def page_gold(html, url):
    p = parse_meta(html)
    og = next((m.get("content") for m in p.meta if m.get("property", "").lower() == "og:title"
               and m.get("content", "").strip()), None)
    title_tag = (p.title or "").strip() or None
    date_raw = None
    for m in p.meta:
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
        if key in ("article:published_time", "datepublished") and _days(m.get("content")):
            date_raw = m.get("content")
            break
    if date_raw is None:
        for v in _LD_DATE.findall(html):
            if _days(v):
                date_raw = v
                break
    days = _days(date_raw)
    h1 = [" ".join(htmlmod.unescape(re.sub(r"<[^>]+>", " ", m)).split())
          for m in re.findall(r"<h1\b[^>]*>(.*?)</h1>", html, re.S | re.I)]
    return {
        "title": " ".join((og or title_tag or "").split()) or None,
        "h1": [h for h in h1 if h],
        "og_title": og, "title_tag": title_tag, "sites": site_keys(p, url),
        "date_raw": date_raw, "date": days[0] if days else None,
        "date_utc": days[1] if days else None, "moment_day": days[1] if days else None,
        "date_precision": None,
        "byline": meta_author(p, html), "lang": p.lang, "canonical": p.canonical, "url": url,
    }


# --- is a calendar day printed in a text? ----------------------------------------------

MONTHS = [  # en, de, fr, es, it, pt, nl, id, ru (nominative and genitive); abbreviations too
    "january jan januar janvier enero gennaio janeiro januari январь января янв",
    "february feb febr februar février fevrier febrero febbraio fevereiro februari февраль февраля фев",
    "march mar märz maerz mars marzo março marco maart maret март марта",
    "april apr avril abril aprile april апрель апреля апр",
    "may mai mayo maggio maio mei май мая",
    "june jun juni juin junio giugno junho июнь июня",
    "july jul juli juillet julio luglio julho июль июля",
    "august aug aout août agosto augustus agustus ags авг август августа",
    "september sep sept septembre septiembre settembre setembro сентябрь сентября сен",
    "october oct okt oktober octobre octubre ottobre outubro oktober октябрь октября окт",
    "november nov novembre noviembre novembro ноябрь ноября ноя",
    "december dec dez dezember décembre decembre diciembre dicembre dezembro desember декабрь декабря дек",
]


def _month_re(m):
    names = sorted(set(MONTHS[m - 1].split()), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n) for n in names) + r")\.?"


def day_patterns(day):
    y, m, d = (int(x) for x in day.split("-"))
    yy = f"{y % 100:02d}"
    D, M, Y = f"0?{d}", f"0?{m}", f"(?:{y}|{yy})"
    name = _month_re(m)
    suf = r"(?:st|nd|rd|th|er|º|°|\.)?"
    sep = r"\s*[-/.]\s*"
    return [re.compile(p, re.IGNORECASE) for p in (
        rf"(?<!\d){y}{sep}{M}{sep}{D}(?!\d)",
        rf"(?<!\d){D}{sep}{M}{sep}{Y}(?!\d)",
        rf"(?<!\d){M}{sep}{D}{sep}{Y}(?!\d)",
        rf"{y}\s*年\s*{M}\s*月\s*{D}\s*日",
        rf"{y}\s*년\s*{M}\s*월\s*{D}\s*일",
        rf"(?<!\d){D}{suf}\s*(?:de\s+)?{name}\s*,?\s*(?:de\s+)?{y}(?!\d)",
        rf"(?<![\w]){name}\s*{D}{suf}\s*,?\s*{y}(?!\d)",
        rf"(?<!\d){y}\s*,?\s*{name}\s*{D}(?!\d)",
    )]


def printed(day, text):
    return any(p.search(text) for p in day_patterns(day))


def in_url(day, url):
    y, m, d = day.split("-")
    return re.search(rf"(?<!\d){y}[-/_.]?{m}[-/_.]?{d}(?!\d)", url or "") is not None


# --- rendering (cached by content hash) ------------------------------------------------


def tool_version(cmd):
    try:
        out = subprocess.run([cmd, "-version"], capture_output=True, text=True, timeout=20)
        return (out.stdout or out.stderr).splitlines()[0] if (out.stdout or out.stderr) else cmd
    except Exception:
        return cmd


def render_all(pages, work, renderers, prefix=""):
    cache = work / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    home.mkdir(exist_ok=True)
    env = dict(os.environ, HOME=str(home), LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="dumb")
    tools = {name: (RENDERERS[name], tool_version(RENDERERS[name][0])) for name in renderers}
    jobs = []
    for key, pg in pages.items():
        for name, (cmd, ver) in tools.items():
            h = hashlib.sha256("\0".join(cmd + [ver]).encode() + b"\0" + pg["bytes"]).hexdigest()
            jobs.append((key, name, cmd, cache / f"{h}.txt"))

    def run(job):
        key, name, cmd, out = job
        if out.exists():
            return 0
        src = work / "html" / f"{key}.html"
        full = cmd + [str(src)]
        proc = subprocess.run(full, capture_output=True, env=env, timeout=120)
        if proc.returncode != 0:
            die(f"{name} failed on {key}: {proc.stderr[:300]!r}")
        tmp = out.with_suffix(".tmp")
        tmp.write_bytes(proc.stdout)
        tmp.replace(out)
        return 1

    with concurrent.futures.ThreadPoolExecutor(JOBS) as ex:
        fresh = sum(ex.map(run, jobs))
    for name in tools:
        (work / "sets" / f"{prefix}{name}").mkdir(parents=True, exist_ok=True)
    texts = {}
    for key, name, _, out in jobs:
        dst = work / "sets" / f"{prefix}{name}" / f"{key}.txt"
        shutil.copyfile(out, dst)
        texts[(name, key)] = out.read_text(encoding="utf-8", errors="replace")
    return texts, fresh


# --- date metadata removed -------------------------------------------------------------

_DATE_WORD = re.compile(r"date|publish|time|created|modified|updated", re.IGNORECASE)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_LD = re.compile(r"""(<script[^>]*application/ld\+json[^>]*>)(.*?)(</script>)""", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<(?!meta\b)\w+\b[^>]*>", re.IGNORECASE)
_TAG_WITH = re.compile(r"""\bpubdate\b|itemprop\s*=\s*["']?date""", re.IGNORECASE)
_LD_KEY = re.compile(r"^(date\w*|uploadDate|datePublished|dateModified|dateCreated)$", re.IGNORECASE)


def _attrs(tag):
    return {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag)}


def _strip_meta(m):
    a = _attrs(m.group(0))
    for k in ("property", "name", "itemprop", "http-equiv"):
        if _DATE_WORD.search(a.get(k, "")):
            return ""
    return m.group(0)


def _strip_json(x):
    if isinstance(x, dict):
        return {k: _strip_json(v) for k, v in x.items() if not _LD_KEY.match(k)}
    if isinstance(x, list):
        return [_strip_json(v) for v in x]
    return x


def _strip_ld(m):
    body = m.group(2)
    try:
        new = json.dumps(_strip_json(json.loads(body)), ensure_ascii=False)
    except ValueError:
        new = re.sub(r'"(?:date\w*|uploadDate)"\s*:\s*"[^"]*"\s*,?', "", body, flags=re.IGNORECASE)
    return m.group(1) + new + m.group(3)


def _strip_tag(m):
    tag = m.group(0)
    if not _TAG_WITH.search(tag):
        return tag
    tag = re.sub(r"""\s(?:datetime|content|itemprop)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", "", tag, flags=re.IGNORECASE)
    return re.sub(r"\spubdate\b(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?", "", tag, flags=re.IGNORECASE)


_SCRIPT = re.compile(r"(<script\b[^>]*>)(.*?)(</script>)", re.IGNORECASE | re.DOTALL)
_STATE_KEY = re.compile(r"""(?:"([^"\\\n]{1,80})"|'([^'\\\n]{1,80})')(\s*:\s*)"""
                        r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\d{9,})""")
_STATE_WORD = re.compile(r"date|publish|created|modified|updated", re.IGNORECASE)


def _null_state(k):
    key = k.group(1) if k.group(1) is not None else k.group(2)
    if _STATE_WORD.search(key):
        return k.group(0)[: k.start(4) - k.start(0)] + "null"
    return k.group(0)


def _strip_script(m):
    if "ld+json" in m.group(1).lower():
        return _strip_ld(m)
    return m.group(1) + _STATE_KEY.sub(_null_state, m.group(2)) + m.group(3)


def undate(html, url, canonical):
    """The page with its date metadata removed: meta tags named for dates, JSON-LD date keys,
    date-like keys in other scripts' data (set to null), <time pubdate> and itemprop=date*
    attributes. Visible text, <time datetime> without pubdate and the URL stay."""
    out = _META_TAG.sub(_strip_meta, html)
    out = _SCRIPT.sub(_strip_script, out)
    out = _TAG.sub(_strip_tag, out)
    if not canonical and url:
        link = f'<link rel="canonical" href="{htmlmod.escape(url, quote=True)}">'
        m = re.search(r"<head\b[^>]*>", out, re.IGNORECASE)
        out = out[: m.end()] + link + out[m.end():] if m else link + out
    return out


# --- constructed text variants ---------------------------------------------------------

NAMES = ["Anna Novak", "James Whitfield", "Priya Raman", "Tom O'Neill", "Maria Costa",
         "David Okafor", "Helen Marsh", "Lukas Brenner", "Sofia Lindqvist", "Ahmed Karim",
         "Claire Dupont", "Peter Hughes"]
MASTHEADS = ["Daily Courier", "The Evening Ledger", "Northern Gazette", "Coastal Herald",
             "The Morning Star-Tribune", "Riverside Post", "Westbrook Examiner"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

CASPIAN = [
    "Energy ministers from four countries signed an agreement on Monday to build a pipeline "
    "under the Caspian Sea, ending six years of talks over its route and financing.",
    "The 300-kilometre line will carry gas from fields off the eastern shore to a terminal "
    "near Baku, where it will join the existing network running west towards Turkey.",
    "Officials said construction could begin next spring if the lenders approve the final "
    "budget, which is expected to exceed four billion dollars.",
    "Environmental groups criticised the accord, saying the seabed surveys had not been "
    "published and that the risk to sturgeon breeding grounds had been played down.",
    "The ministers said an independent review would be completed before any work starts.",
]

GERMAN = [
    ("Stadtrat beschließt neuen Radweg am Fluss", [
        "Der Stadtrat hat am Mittwochabend mit knapper Mehrheit den Bau eines neuen Radwegs "
        "entlang des Flussufers beschlossen. Die Strecke soll rund vier Kilometer lang werden.",
        "Nach Angaben der Verwaltung kostet das Vorhaben etwa 2,3 Millionen Euro. Ein Teil "
        "davon soll aus einem Förderprogramm des Landes kommen.",
        "Anwohner hatten zuvor Bedenken wegen der Bäume am Ufer geäußert. Die Planer "
        "versicherten, dass keine alten Bäume gefällt werden müssten.",
        "Die Bauarbeiten sollen im kommenden Frühjahr beginnen und bis zum Herbst dauern."]),
    ("Bäckerei im Ortskern schließt nach 90 Jahren", [
        "Nach neunzig Jahren schließt die älteste Bäckerei im Ortskern Ende des Monats ihre "
        "Türen. Der Inhaber findet keinen Nachfolger für den Familienbetrieb.",
        "Viele Stammkunden zeigten sich am Samstag enttäuscht. Einige kauften zum letzten Mal "
        "das Brot, das sie seit ihrer Kindheit kennen.",
        "Der Bürgermeister kündigte an, die Gemeinde werde bei der Suche nach einem neuen "
        "Mieter für die Räume helfen."]),
    ("Hochwasser: Pegel am Rhein sinkt langsam", [
        "Nach den starken Regenfällen der vergangenen Tage sinkt der Pegel am Rhein wieder "
        "langsam. Die Schifffahrt bleibt aber vorerst eingeschränkt.",
        "Die Behörden rechnen damit, dass die Warnstufe bis zum Wochenende aufgehoben werden "
        "kann. Mehrere Uferstraßen sind weiterhin gesperrt.",
        "Feuerwehr und Technisches Hilfswerk waren seit Sonntag mit mehr als 400 Kräften im "
        "Einsatz, um Keller auszupumpen und Sandsäcke zu verteilen."]),
]

FRENCH = [
    ("La mairie ouvre une nouvelle médiathèque", [
        "La nouvelle médiathèque du centre-ville a ouvert ses portes samedi matin, après deux "
        "ans de travaux et un chantier plusieurs fois retardé.",
        "Le bâtiment, qui occupe une ancienne usine textile, accueille plus de quarante mille "
        "ouvrages ainsi qu'un espace consacré aux jeux vidéo.",
        "Selon le maire, le coût total du projet s'élève à 6,5 millions d'euros, dont un tiers "
        "financé par la région.",
        "Les horaires d'ouverture seront élargis le dimanche à partir du mois prochain."]),
    ("Grève des contrôleurs : des vols annulés à Lyon", [
        "Plusieurs dizaines de vols ont été annulés jeudi à l'aéroport de Lyon en raison d'une "
        "grève des contrôleurs aériens, a indiqué la direction.",
        "Les passagers ont été invités à vérifier l'état de leur vol avant de se rendre à "
        "l'aéroport. Des files d'attente se sont formées dès l'aube.",
        "Les syndicats réclament des recrutements supplémentaires et dénoncent des conditions "
        "de travail dégradées depuis plusieurs années."]),
    ("Le festival de jazz affiche complet", [
        "Pour sa vingtième édition, le festival de jazz de la ville affiche complet, une "
        "première depuis sa création, se réjouissent les organisateurs.",
        "Près de trente concerts sont programmés sur cinq jours, dont plusieurs en plein air "
        "sur la place du marché.",
        "La préfecture a renforcé le dispositif de sécurité autour des scènes principales."]),
]


def _fmt_en(dt, kind):
    d, mo, y = dt["d"], MONTHS_EN[dt["m"] - 1], dt["y"]
    h, mi = dt["H"], dt["M"]
    ampm = f"{(h - 1) % 12 + 1}:{mi:02d} {'am' if h < 12 else 'pm'}"
    return {
        "mdy": f"{mo} {d}, {y}", "dmy": f"{d} {mo} {y}", "short": f"{mo[:3]} {d}, {y}",
        "iso": f"{y}-{dt['m']:02d}-{d:02d}",
        "mdy_time": f"{mo} {d}, {y}, {ampm}", "dmy_time": f"{d} {mo} {y} {h:02d}:{mi:02d}",
        "wd_mdy_time": f"{dt['wd']}, {mo} {d}, {y} - {h:02d}:{mi:02d}",
        "iso_time": f"{y}-{dt['m']:02d}-{d:02d} {h:02d}:{mi:02d}",
        "bbc": f"{dt['wd']} {d} {mo} {y} {h:02d}.{mi:02d} GMT",
    }[kind]


def _has_time(kind):
    return kind in ("mdy_time", "dmy_time", "wd_mdy_time", "iso_time", "bbc")


def _rand_date(rng, y0=2004, y1=2005):
    import datetime as dt
    day = dt.date(y0, 1, 1) + dt.timedelta(days=rng.randrange((dt.date(y1, 12, 31) - dt.date(y0, 1, 1)).days))
    return {"y": day.year, "m": day.month, "d": day.day, "H": rng.randrange(6, 22),
            "M": rng.randrange(0, 60), "wd": WEEKDAYS[day.weekday()], "iso": day.isoformat()}


def _next_day(dt):
    import datetime as d
    n = d.date(dt["y"], dt["m"], dt["d"]) + d.timedelta(days=1)
    return {"y": n.year, "m": n.month, "d": n.day, "H": 8, "M": 5,
            "wd": WEEKDAYS[n.weekday()], "iso": n.isoformat()}


def _wrap(paras, width=72):
    return "\n\n".join(textwrap.fill(p, width) for p in paras)


def bbc_articles(shared, rng, n):
    base = shared / "corpora" / "bbc-news" / "bbc"
    seen, arts = set(), []
    for f in sorted(base.glob("*/*.txt")):
        raw = f.read_bytes()
        h = hashlib.sha256(raw).digest()
        if h in seen:
            continue
        seen.add(h)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        lines = text.strip().split("\n")
        title = lines[0].strip()
        paras = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
        if title and 3 <= len(paras) <= 12:
            arts.append((f"{f.parent.name}-{f.stem}", title, paras))
    return rng.sample(arts, n)


def make_variants(shared, work):
    """Write the variant .txt files; return {file stem: gold}."""
    rng = random.Random(SEED)
    out = work / "sets" / "variants"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    gold = {}

    def emit(name, kind, text, title, paras, date, date_kind, byline, updated=None):
        stem = f"{len(gold):03d}-{kind}-{name}"
        (out / f"{stem}.txt").write_text(text.rstrip("\n") + "\n", encoding="utf-8")
        gold[stem] = {"kind": kind, "title": title, "body": "\n\n".join(paras),
                      "date": date["iso"] if date else None, "date_utc": date["iso"] if date else None,
                      "date_precision": (("minute" if _has_time(date_kind) else "day") if date else None),
                      "byline": byline, "date_updated": updated}

    # the masthead case, exactly, in four syndicated copies
    story = "Ministers sign Caspian pipeline accord"
    dt = {"y": 2014, "m": 3, "d": 3, "H": 9, "M": 15, "wd": "Monday", "iso": "2014-03-03"}
    for mast, dk in (("Daily Courier", "mdy_time"), ("The Evening Ledger", "dmy_time"),
                     ("Northern Gazette", "wd_mdy_time"), ("Coastal Herald", "iso_time")):
        text = f"{mast}\n\n{story}\n{_fmt_en(dt, dk)}\n\n" + "\n\n".join(CASPIAN) + "\n\nBy Anna Novak\n"
        emit("caspian", "masthead", text, story, CASPIAN, dt, dk, "Anna Novak")

    kinds = ["masthead", "sharebar", "posted", "caption2", "credit", "date-first", "caps",
             "wrapped", "wrapped-tight", "updated-published", "published-updated"]
    per_kind = 5
    arts = bbc_articles(shared, rng, per_kind * len(kinds))
    date_kinds = ["mdy", "dmy", "short", "mdy_time", "dmy_time", "bbc", "iso"]
    for i, (name, title, paras) in enumerate(arts):
        kind = kinds[i // per_kind]
        dt = _rand_date(rng)
        dk = rng.choice(date_kinds)
        by = rng.choice(NAMES)
        ds = _fmt_en(dt, dk)
        body = "\n\n".join(paras)
        byline, updated = by, None
        if kind == "masthead":
            text = f"{rng.choice(MASTHEADS)}\n\n{title}\n{ds}\n\n{body}\n\nBy {by}\n"
        elif kind == "sharebar":
            bar = rng.choice(["Share this: Facebook Twitter Email",
                              "Share on Facebook | Share on Twitter | Email this article",
                              "Share  Tweet  Email  Print"])
            text = f"{title}\n{bar}\nBy {by}\n{ds}\n\n{body}\n\n{bar}\n"
        elif kind == "posted":
            text = f"{title}\n\nPosted on {ds} by {by}\n\n{body}\n"
        elif kind == "caption2":
            cap = f"Photo: {paras[0].split('.')[0][:90]}. (File photo)"
            text = f"{title}\nBy {by}\n{ds}\n\n{cap}\n{cap}\n\n{body}\n"
        elif kind == "credit":
            credit = rng.choice(["TBP and Agencies", "(AP)", "(Reuters)", "Staff and agencies"])
            byline = credit.strip("()")
            text = f"{title}\n{ds}\n\n{body}\n\n{credit}\n"
        elif kind == "date-first":
            text = f"{ds}\n\n{title}\n\nBy {by}\n\n{body}\n"
        elif kind == "caps":
            title = title.upper()
            text = f"{title}\n\nBY {by.upper()}\n{ds}\n\n{body}\n"
            byline = by.upper()
        elif kind == "wrapped":
            text = f"{title}\n{ds}\n\n{_wrap(paras)}\n\nBy {by}\n"
        elif kind == "wrapped-tight":  # no blank line between the title and the wrapped body
            text = f"{title}\nBy {by}, {ds}\n{_wrap(paras)}\n"
        elif kind in ("updated-published", "published-updated"):
            dk = rng.choice(["bbc", "dmy_time", "mdy_time"])
            ds, us = _fmt_en(dt, dk), _fmt_en(_next_day(dt), dk)
            updated = _next_day(dt)["iso"]
            pair = [f"Updated {us}", f"Published {ds}"]
            if kind == "published-updated":
                pair.reverse()
            text = f"{title}\nBy {by}\n" + "\n".join(pair) + f"\n\n{body}\n"
        emit(name, kind, text, title, paras, dt, dk, byline, updated)

    # German and French articles with their own datelines
    for lang, arts2 in (("de", GERMAN), ("fr", FRENCH)):
        for j, (title, paras) in enumerate(arts2):
            dt = _rand_date(rng, 2018, 2019)
            by = rng.choice(NAMES)
            body = "\n\n".join(paras)
            d, m, y, H, M = dt["d"], dt["m"], dt["y"], dt["H"], dt["M"]
            if lang == "de":
                lines = [(f"Veröffentlicht am {d:02d}.{m:02d}.{y}", "dmy"),
                         (f"Veröffentlicht am {d}. {MONTHS_DE[m - 1]} {y}, {H:02d}:{M:02d} Uhr", "dmy_time"),
                         (f"{d:02d}.{m:02d}.{y}, {H:02d}:{M:02d} Uhr", "dmy_time")]
                nd = _next_day(dt)
                upd = f"Aktualisiert am {nd['d']:02d}.{nd['m']:02d}.{nd['y']}, 08:05 Uhr"
                pre, credit = "Von", "dpa"
            else:
                lines = [(f"Publié le {d} {MONTHS_FR[m - 1]} {y} à {H}h{M:02d}", "dmy_time"),
                         (f"Publié le {d:02d}/{m:02d}/{y}", "dmy"),
                         (f"Le {d} {MONTHS_FR[m - 1]} {y} à {H:02d}:{M:02d}", "dmy_time")]
                nd = _next_day(dt)
                upd = f"Mis à jour le {nd['d']} {MONTHS_FR[nd['m'] - 1]} {nd['y']} à 8h05"
                pre, credit = "Par", "AFP"
            for k, (dl, dk) in enumerate(lines):
                if k == 0:
                    text = f"{title}\n{dl}\n\n{body}\n\n{pre} {by}\n"
                    emit(f"{lang}{j}", f"{lang}-dateline", text, title, paras, dt, dk, by)
                elif k == 1:
                    text = f"{MASTHEADS[j]}\n\n{title}\n{pre} {by}\n{upd}\n{dl}\n\n{body}\n"
                    emit(f"{lang}{j}", f"{lang}-updated", text, title, paras, dt, dk, by, nd["iso"])
                else:
                    text = f"{dl}\n{title}\n\n{body}\n\n({credit})\n"
                    emit(f"{lang}{j}", f"{lang}-date-first", text, title, paras, dt, dk, credit)
    (work / "variants-gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return gold


# --- running newsdex -------------------------------------------------------------------


def extract(binary, files, as_format):
    """One `newsdex extract` per batch, two batches at a time; {file name: article}."""
    batch = min(250, max(20, math.ceil(len(files) / JOBS)))
    chunks = [files[i : i + batch] for i in range(0, len(files), batch)]

    def run(chunk):
        # No `--as`: the format is found the way `newsdex index` finds it, from the
        # name and the content; `as_format` is what the set expects to be read as.
        proc = subprocess.run([str(binary), "extract", "--format", "jsonl", *map(str, chunk)],
                              capture_output=True, text=True)
        if proc.returncode not in (0, 2):
            die(f"newsdex extract failed ({proc.returncode}): {proc.stderr[-1000:]}")
        return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]

    out = {}
    with concurrent.futures.ThreadPoolExecutor(JOBS) as ex:
        for arts in ex.map(run, chunks):
            for a in arts:
                out[Path(a["path"]).name] = a
    misread = sorted(n for n, a in out.items() if a.get("format") != as_format)
    if misread:
        print(f"warning: {len(misread)} files not read as {as_format}: {', '.join(misread[:5])}", file=sys.stderr)
    return out


# --- scoring ---------------------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                         "«": '"', "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "})
_SEP = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")


def page_text(raw):
    """A written page's markup as text: UTF-8, or the single-byte Windows Latin encoding
    older pages declare (`charset=iso-8859-1`, which browsers read as windows-1252)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def written_pages(folder):
    """[(stem, html bytes, gold)] for the hand-written pages in `folder` (see the module
    docstring)."""
    out = []
    for f in sorted(Path(folder).glob("*.html")):
        j = json.loads(f.with_suffix(".json").read_text(encoding="utf-8"))
        # The printed headline, or the page's own metadata title (`og:title`, `<title>`),
        # which the 181 pages are scored against: both are the page's word for it.
        p = parse_meta(page_text(f.read_bytes()))
        og = next((m.get("content") for m in p.meta if m.get("property", "").lower() == "og:title"), None)
        # `date_utc`: the day in UTC of a printed time and zone that falls on another day
        # (`Feb. 27, 2024 at 5:14 p.m. PST` is 28 February in UTC), right only with a time.
        gold = {"title": j["title"], "date": j.get("date"), "date_utc": j.get("date"),
                "date_utc_timed": j.get("date_utc"), "moment_day": j.get("date_utc") or j.get("date"),
                "byline": j.get("byline"), "body": "\n\n".join(j["body"]), "kind": f.stem,
                # An empty byline in a written page's gold says the page names no author.
                "no_byline": j.get("byline") == "",
                "date_in_html": bool(j.get("date_sources")),
                "also_titles": [t.strip() for t in (og, p.title) if t and t.strip()],
                "sites": site_keys(p, p.canonical or "")}
        out.append((f.stem, f.read_bytes(), gold))
    return out


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").translate(_QUOTES).casefold()
    return " ".join(s.split()).strip(" \t.,;:")


def site_keys(p, url):
    """What names the site: its og:site_name and the main label of its domain, both as
    letters only, lower case."""
    keys = set()
    for m in p.meta:
        if m.get("property", "").lower() == "og:site_name" and m.get("content", "").strip():
            keys.add(_letters(m["content"]))
    host = re.sub(r"^www\.", "", (re.match(r"^[a-z]+://([^/]+)", url or "") or [None, ""])[1].lower())
    labels = [x for x in host.split(".") if x not in ("com", "org", "net", "co", "uk", "br", "ru", "in", "info")]
    if labels:
        keys.add(_letters(labels[-1]))
    return {k for k in keys if len(k) >= 3}


def _letters(s):
    return "".join(c for c in norm(s) if c.isalnum())


def is_site(segment, sites):
    k = _letters(segment)
    # The site's name, or a name mostly made of it ("Vortex Cannon Entertainment").
    return bool(k) and any(k == s or (s in k and len(k) * 2 <= len(s) * 5) for s in sites)


def title_candidates(gold, also=None, sites=()):
    """The gold and the gold with site segments cut off (see the module docstring); with
    `also` (the page's <title> when the gold is its og:title), the same for that too.
    `sites`: letter keys of the site's names (`site_keys`); a rest that is the site is no
    headline."""
    out = title_candidates(also, sites=sites) if also else set()
    out.add(norm(gold))
    parts = _SEP.split(gold)
    ok = lambda seg: len(seg.split()) <= 6
    keep = lambda rest: len(" ".join(rest).split()) >= 2 or len("".join(rest).replace(" ", "")) >= 6
    for cut_end in range(0, min(2, len(parts) - 1) + 1):
        for cut_start in range(0, 2):
            if cut_end + cut_start == 0 or cut_end + cut_start >= len(parts):
                continue
            rest = parts[cut_start : len(parts) - cut_end]
            removed = parts[:cut_start] + parts[len(parts) - cut_end :]
            if all(ok(s) for s in removed) and keep(rest) and not is_site(" ".join(rest), sites):
                # rejoin with the separators as they were in the gold
                m = list(_SEP.finditer(gold))
                a = m[cut_start - 1].end() if cut_start else 0
                b = m[len(parts) - cut_end - 1].start() if cut_end else len(gold)
                out.add(norm(gold[a:b]))
    return out


def _word_forms(s):
    return {w[:5] for w in re.findall(r"\w+", norm(s)) if len(w) >= 4}


def names_story(title, headline):
    """Whether a written page's metadata title names its story: half its word forms or
    more, and two at least (all of its own, when it has fewer), are the printed
    headline's. A `<title>` naming the site and its section (`DAV Sektion Ammertal -
    Aktuelles`, `RCSA - Rugby Club Saint-Aubin-des-Vignes` over a Saint-Aubin match) is no
    title."""
    forms = _word_forms(title)
    shared = len(forms & _word_forms(headline))
    return shared >= min(2, len(forms)) and 2 * shared >= len(forms)


def norm_byline(s):
    s = norm(s).strip("()")
    s = re.sub(r"\s+(?:und|et|y|e|en)\s+", " and ", s)  # "and" as the page's language writes it
    s = s.replace(", ", " and ")  # a list of names parted by commas
    return re.sub(r"^(?:by|von|par)\s+", "", s)


def score_page(key, gold, got, text=None):
    a = got or {}
    r = {"key": key, "gold": gold, "got": {k: a.get(k) for k in ("title", "date", "date_precision", "byline")},
         "body_got": a.get("body") or "", "missing": got is None}
    t = (a.get("title") or "").strip()
    if gold.get("title"):
        right = title_candidates(gold["title"], gold.get("title_tag"), gold.get("sites", ()))
        for also in gold.get("also_titles", ()):
            right |= {c for c in title_candidates(also, sites=gold.get("sites", ()))
                      if names_story(c, gold["title"])}
        r["title"] = "ok" if norm(t) in right else ("empty" if not t else "wrong")
        r["title_raw"] = " ".join(t.split()) == gold["title"]
        if "h1" in gold:
            # The headline as the page prints it, where metadata words it otherwise.
            r["title_h1"] = r["title"] == "ok" or (bool(t) and norm(t) in {norm(h) for h in gold["h1"]})
    if gold.get("date") and gold.get("score_date", True):
        d = (a.get("date") or "")[:10]
        timed = a.get("date_precision") in ("minute", "second")
        days = {gold["date"], gold["date_utc"]} | ({gold.get("date_utc_timed")} if timed else set())
        # A time with its offset names a moment: right when it is the gold's moment's UTC
        # day too (`2019-11-19T22:01:00-08:00` for a gold of `2019-11-20T06:01:00Z`).
        utc = (_days(a.get("date")) or (None, None))[1] if timed else None
        moment = utc is not None and utc == gold.get("moment_day")
        r["date"] = "ok" if d in days - {None} or moment else ("empty" if not d else "wrong")
        if r["date"] == "ok":
            want = gold.get("date_precision")
            prec = a.get("date_precision")
            r["date_prec"] = (prec == want) if want else prec in ("day", "minute", "second")
    if gold.get("byline"):
        b = a.get("byline") or ""
        r["byline"] = "ok" if norm_byline(b) == norm_byline(gold["byline"]) else ("empty" if not b else "wrong")
    elif gold.get("no_byline"):
        r["byline_invented"] = bool(a.get("byline"))
    r["triple"] = shingle_matching(gold["body"], r["body_got"])
    tp, fp, fn = r["triple"]
    p = tp / (tp + fp) if tp + fp else (1.0 if fp == fn == 0 else 0.0)
    rc = tp / (tp + fn) if tp + fn else (1.0 if fp == fn == 0 else 0.0)
    r["f1"] = 2 * p * rc / (p + rc) if p + rc else 0.0
    r["p"], r["r"] = p, rc
    r["kinds"] = failure_kinds(r, gold, a, text)
    return r


def failure_kinds(r, gold, a, text):
    """Short labels for what went wrong on one page (for --show and the summary)."""
    kinds = []
    t = " ".join((a.get("title") or "").split())
    body = gold["body"]
    if r.get("title") == "empty":
        kinds.append("title: empty")
    elif r.get("title") == "wrong":
        nt, ng = norm(t), norm(gold["title"])
        if any(p.search(t) for p in day_patterns(gold["date"])) if gold.get("date") else False:
            kinds.append("title: a date line")
        elif re.match(r"^(?:by|von|par|posted)\b", nt):
            kinds.append("title: a byline line")
        elif nt and any(nt in c for c in title_candidates(gold["title"])):
            kinds.append("title: part of the headline")
        elif nt and any(c in nt for c in title_candidates(gold["title"])):
            kinds.append("title: headline plus extra text")
        elif nt and nt in norm(body):
            kinds.append("title: a body sentence")
        elif text is not None and nt == norm(next((l for l in text.splitlines() if l.strip()), "")):
            kinds.append("title: the page's first line (nav/site name)")
        elif len(nt.split()) <= 4:
            kinds.append("title: short line (masthead/nav/kicker)")
        else:
            kinds.append("title: other text")
    if r.get("date") == "empty":
        kinds.append("date: missed (in the URL too)" if in_url(gold["date"], gold.get("url")) else "date: missed")
    elif r.get("date") == "wrong":
        d = (a.get("date") or "")[:10]
        import datetime as dt
        try:
            gap = abs((dt.date.fromisoformat(d) - dt.date.fromisoformat(gold["date"])).days)
        except ValueError:
            gap = 99999
        if gold.get("date_updated") == d:
            kinds.append("date: the Updated date, not the Published one")
        elif gap <= 1:
            kinds.append("date: off by one day (time zone?)")
        elif gap <= 40:
            kinds.append("date: a nearby other date (update/related)")
        else:
            kinds.append("date: a far other date")
    elif r.get("date") == "ok" and r.get("date_prec") is False:
        kinds.append("date: wrong precision")
    if r.get("byline") in ("empty", "wrong"):
        kinds.append(f"byline: {r['byline']}")
    if r.get("byline_invented"):
        kinds.append("byline: invented (the page names no author)")
    if not r["body_got"].strip():
        kinds.append("body: empty")
    elif r["r"] < 0.5:
        kinds.append("body: low recall (article text lost)")
    elif r["p"] < 0.5:
        kinds.append("body: low precision (boilerplate kept)")
    elif r["f1"] < 0.9:
        kinds.append("body: partly wrong (F1 0.5-0.9)")
    return kinds


def summarise(rows):
    def share(field, want="ok"):
        xs = [x[field] for x in rows if field in x]
        return (sum(1 for v in xs if v == want) / len(xs)) if xs else None, len(xs)

    s = {"n": len(rows)}
    s["title"], s["title_n"] = share("title")
    s["title_wrong"], _ = share("title", "wrong")
    s["title_empty"], _ = share("title", "empty")
    raw = [x["title_raw"] for x in rows if "title_raw" in x]
    s["title_raw"] = sum(raw) / len(raw) if raw else None
    h1 = [x["title_h1"] for x in rows if "title_h1" in x]
    s["title_h1"] = sum(h1) / len(h1) if h1 else None
    s["date"], s["date_n"] = share("date")
    s["date_wrong"], _ = share("date", "wrong")
    s["date_empty"], _ = share("date", "empty")
    prec = [x["date_prec"] for x in rows if "date_prec" in x]
    s["date_precision"] = sum(prec) / len(prec) if prec else None
    s["byline"], s["byline_n"] = share("byline")
    s["byline_wrong"], _ = share("byline", "wrong")
    inv = [x["byline_invented"] for x in rows if "byline_invented" in x]
    s["byline_invented"] = sum(inv) / len(inv) if inv else None
    s["no_byline_n"] = len(inv)
    m = body_metrics([x["triple"] for x in rows])
    s["body_f1"], s["body_precision"], s["body_recall"] = m["f1"], m["precision"], m["recall"]
    s["missing"] = sum(1 for x in rows if x["missing"])
    return s


def fmt(v):
    return "  -  " if v is None else f"{v:.3f}"


def table(summary):
    head = ("| set | n | title | t.wrong | t.empty | t.raw | t.h1 | date n | date | d.wrong | d.empty "
            "| d.prec | byline n | byline | b.wrong | no-byline n | b.invented | body F1 |")
    lines = [head, "|" + "---|" * 18]
    for name, s in summary.items():
        lines.append(
            f"| {name} | {s['n']} | {fmt(s['title'])} | {fmt(s['title_wrong'])} | {fmt(s['title_empty'])} "
            f"| {fmt(s['title_raw'])} | {fmt(s.get('title_h1'))} | {s['date_n']} | {fmt(s['date'])} | {fmt(s['date_wrong'])} "
            f"| {fmt(s['date_empty'])} | {fmt(s['date_precision'])} | {s['byline_n']} | {fmt(s['byline'])} "
            f"| {fmt(s.get('byline_wrong'))} | {s.get('no_byline_n', 0)} | {fmt(s.get('byline_invented'))} "
            f"| {fmt(s['body_f1'])} |")
    return "\n".join(lines)


def short(s, n=90):
    s = " ".join(str(s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def show(name, rows, n):
    bad = lambda x: ((x.get("title") not in (None, "ok")) + (x.get("date") not in (None, "ok"))
                     + 0.5 * (x.get("byline") not in (None, "ok")) + (1 - x["f1"]))
    kinds = Counter(k for x in rows for k in x["kinds"])
    print(f"\n== {name}: failure kinds (pages) ==")
    for k, c in kinds.most_common():
        print(f"  {c:4d}  {k}")
    by_kind = {}
    for x in rows:
        if x["gold"].get("kind"):
            by_kind.setdefault(x["gold"]["kind"], []).append(x)
    if by_kind:
        print(f"== {name}: by layout (ok/n per field, body F1) ==")
        for kind, xs in sorted(by_kind.items()):
            cells = []
            for f in ("title", "date", "byline"):
                v = [x[f] for x in xs if f in x]
                cells.append(f"{f} {sum(1 for y in v if y == 'ok')}/{len(v)}")
            f1 = sum(x["f1"] for x in xs) / len(xs)
            print(f"  {kind:20s} " + "  ".join(cells) + f"  F1 {f1:.3f}")
    print(f"== {name}: {n} worst ==")
    for x in sorted(rows, key=bad, reverse=True)[:n]:
        g, a = x["gold"], x["got"]
        print(f"- {x['key'][:40]}  F1={x['f1']:.2f} P={x['p']:.2f} R={x['r']:.2f}  {'; '.join(x['kinds'])}")
        if g.get("url"):
            print(f"    url:    {short(g['url'])}")
        print(f"    title:  gold {short(g.get('title'), 70)!r}\n            got  {short(a['title'], 70)!r}")
        if g.get("date"):
            flag = "" if g.get("score_date", True) else " (not scored: not recoverable)"
            print(f"    date:   gold {g['date']}{flag}  got {a['date']} ({a['date_precision']})")
        if g.get("byline"):
            print(f"    byline: gold {g['byline']!r}  got {a['byline']!r}")
        print(f"    body:   gold {short(g['body'], 80)!r}\n            got  {short(x['body_got'], 80)!r}")


# --- the gate --------------------------------------------------------------------------

HIGHER = ("title", "title_h1", "date", "date_precision", "byline", "body_f1")
LOWER = ("title_wrong", "date_wrong", "byline_wrong", "byline_invented")


def floors_from(summary):
    f = {}
    for name, s in summary.items():
        f[name] = {k: math.floor(s[k] * 100) / 100 for k in HIGHER if s.get(k) is not None}
        f[name].update({k + "_max": math.ceil(s[k] * 100) / 100 for k in LOWER if s.get(k) is not None})
    return f


def gate(summary, path):
    floors = json.loads(Path(path).read_text(encoding="utf-8"))["sets"]
    failed = []
    for name, fl in floors.items():
        s = summary.get(name)
        if s is None:
            failed.append(f"{name}: set missing")
            continue
        for k, v in fl.items():
            if k.endswith("_max"):
                got = s.get(k[:-4])
                if got is None or got > v + 1e-9:
                    failed.append(f"{name} {k[:-4]}: {got} > ceiling {v}")
            else:
                got = s.get(k)
                if got is None or got < v - 1e-9:
                    failed.append(f"{name} {k}: {got} < floor {v}")
    return failed


# --- main ------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "target" / "debug" / "newsdex"))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="shared data directory (holds corpora/)")
    ap.add_argument("--work", default=os.environ.get("NEWSDEX_TEXTPAGES_DIR", "/tmp/newsdex-textpages"),
                    help="where renderings, variants and outputs go (not the repository)")
    ap.add_argument("--written", default=str(WRITTEN), metavar="DIR",
                    help="hand-written pages to score (NAME.html with its gold in NAME.json)")
    ap.add_argument("--json", help="write the figures as JSON to this file ('-' = stdout)")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print the N worst pages per set and failure kinds")
    ap.add_argument("--gate", metavar="FILE", help="fail (exit 1) when a figure drops below the floors in FILE")
    ap.add_argument("--write-floors", metavar="FILE", help="write the current figures, rounded down, as floors")
    ap.add_argument("--renderers", default=",".join(RENDERERS),
                    help="text renderings to score, of " + ", ".join(RENDERERS) + " (default all; w3m and lynx always)")
    args = ap.parse_args()
    renderers = ["w3m", "lynx"] + [r for r in args.renderers.split(",") if r and r not in ("w3m", "lynx")]
    unknown = [r for r in renderers if r not in RENDERERS]
    if unknown:
        die(f"unknown renderer(s) {unknown}; known: {', '.join(RENDERERS)}")
    sets = (tuple(renderers) + ("variants", "html-nodate") + tuple(f"tpl-{r}" for r in renderers)
            + ("wr-html",) + tuple(f"wr-{r}" for r in renderers))

    missing = [RENDERERS[r][0] for r in renderers if shutil.which(RENDERERS[r][0]) is None]
    if missing:
        die(f"{' and '.join(missing)} not installed; they render the pages. "
            f"On Debian: apt-get update && apt-get install -y {' '.join(missing)}")
    binary = Path(args.bin)
    if not os.access(binary, os.X_OK):
        die(f"newsdex binary not found at {binary} (cargo build, or --bin PATH)")
    shared = Path(args.shared)
    corpus = shared / "corpora" / "article-extraction-benchmark"
    if not (corpus / "ground-truth.json").is_file() or not (shared / "corpora" / "bbc-news" / "bbc").is_dir():
        die(f"corpora not found under {shared}/corpora (article-extraction-benchmark, bbc-news); use --shared DIR")
    work = Path(args.work).resolve()
    if work == ROOT or ROOT in work.parents:
        die("--work must be outside the repository")
    t0 = time.perf_counter()

    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    (work / "html").mkdir(parents=True, exist_ok=True)
    (work / "sets" / "html-nodate").mkdir(parents=True, exist_ok=True)
    pages = {}
    for f in sorted((corpus / "html").glob("*.html.gz")):
        key = f.name.removesuffix(".html.gz")
        raw = gzip.decompress(f.read_bytes())
        html = raw.decode("utf-8", "replace")
        g = page_gold(html, truth[key]["url"])
        g["body"] = truth[key]["articleBody"]
        src = work / "html" / f"{key}.html"
        if not src.exists() or src.read_bytes() != raw:
            src.write_bytes(raw)
        nodate = undate(html, truth[key]["url"], g["canonical"])
        (work / "sets" / "html-nodate" / f"{key}.html").write_text(nodate, encoding="utf-8")
        pages[key] = {"bytes": raw, "gold": g, "nodate": nodate}

    texts, fresh = render_all(pages, work, renderers)
    vgold = make_variants(shared, work)
    # BBC articles in web page templates, rendered the same ways (benches/eval/templates.py).
    tpl_rng = random.Random(SEED + 1)
    tpl = templates.pages(bbc_articles(shared, tpl_rng, TEMPLATE_PAGES), SEED + 2, NAMES)
    tpl_pages = {}
    for stem, _, doc, _ in tpl:
        raw = doc.encode("utf-8")
        src = work / "html" / f"{stem}.html"
        if not src.exists() or src.read_bytes() != raw:
            src.write_bytes(raw)
        tpl_pages[stem] = {"bytes": raw}
    for name in renderers:
        old = work / "sets" / f"tpl-{name}"
        if old.exists():
            shutil.rmtree(old)
    tpl_texts, tpl_fresh = render_all(tpl_pages, work, renderers, prefix="tpl-")
    (work / "templates-gold.json").write_text(json.dumps({stem: g for stem, _, _, g in tpl}, ensure_ascii=False,
                                                         indent=1), encoding="utf-8")
    fresh += tpl_fresh
    written = written_pages(args.written)
    wr_pages = {}
    for name in renderers + ["html"]:
        old = work / "sets" / f"wr-{name}"
        if old.exists():
            shutil.rmtree(old)
    (work / "sets" / "wr-html").mkdir(parents=True)
    for stem, raw, _ in written:
        src = work / "html" / f"{stem}.html"
        if not src.exists() or src.read_bytes() != raw:
            src.write_bytes(raw)
        (work / "sets" / "wr-html" / f"{stem}.html").write_bytes(raw)
        wr_pages[stem] = {"bytes": raw}
    wr_texts, wr_fresh = render_all(wr_pages, work, renderers, prefix="wr-")
    fresh += wr_fresh
    t_render = time.perf_counter() - t0

    files = {name: sorted((work / "sets" / name).glob("*.txt"))
             for name in renderers + ["variants"] + [f"tpl-{r}" for r in renderers] + [f"wr-{r}" for r in renderers]}
    for name in ("html-nodate", "wr-html"):
        files[name] = sorted((work / "sets" / name).glob("*.html"))
    t1 = time.perf_counter()
    got = {}
    for name in sets:
        got[name] = extract(binary, files[name], "html" if name in ("html-nodate", "wr-html") else "text")
    t_extract = time.perf_counter() - t1

    rows = {name: [] for name in sets}
    for name in renderers:
        for key, pg in pages.items():
            g = dict(pg["gold"])
            text = texts[(name, key)]
            g["score_date"] = bool(g["date"]) and (printed(g["date"], text) or printed(g["date_utc"], text))
            if g["byline"] and not byline_printed(g["byline"], text):
                g["byline"] = None
            rows[name].append(score_page(key, g, got[name].get(f"{key}.txt"), text))
    for key, pg in pages.items():
        g = dict(pg["gold"])
        if g["date"]:
            p = parse_meta(pg["nodate"])
            g["score_date"] = (printed(g["date"], texts[("w3m", key)]) or printed(g["date"], texts[("lynx", key)])
                               or any(_days(t) and g["date"] in _days(t) for t in p.times)
                               or in_url(g["date"], g["url"]))
        rows["html-nodate"].append(score_page(key, g, got["html-nodate"].get(f"{key}.html")))
    for name in renderers:
        for stem, _, _, g in tpl:
            text = tpl_texts[(name, stem)]
            g = dict(g, score_date=printed(g["date"], text))
            rows[f"tpl-{name}"].append(score_page(stem, g, got[f"tpl-{name}"].get(f"{stem}.txt"), text))
    for stem, _, g in written:
        rows["wr-html"].append(score_page(stem, dict(g, score_date=g["date_in_html"]),
                                          got["wr-html"].get(f"{stem}.html")))
        for name in renderers:
            text = wr_texts[(name, stem)]
            g2 = dict(g, score_date=bool(g["date"]) and printed(g["date"], text))
            rows[f"wr-{name}"].append(score_page(stem, g2, got[f"wr-{name}"].get(f"{stem}.txt"), text))
    for stem, g in vgold.items():
        text = (work / "sets" / "variants" / f"{stem}.txt").read_text(encoding="utf-8")
        rows["variants"].append(score_page(stem, g, got["variants"].get(f"{stem}.txt"), text))

    summary = {name: summarise(rows[name]) for name in sets}
    print(f"newsdex: {binary}   work: {work}")
    print(f"pages, gold and renderings: {t_render:.1f}s ({fresh} of {len(renderers) * (len(pages) + TEMPLATE_PAGES + len(written))} rendered now)   extraction: "
          f"{sum(len(v) for v in files.values())} files in {t_extract:.1f}s")
    print(table(summary))
    lost = {k: s["missing"] for k, s in summary.items() if s["missing"]}
    if lost:
        print(f"files with no extraction output: {lost}")

    if args.show:
        for name in sets:
            show(name, rows[name], args.show)
    if args.json:
        payload = {"binary": str(binary), "sets": summary}
        data = json.dumps(payload, indent=1, sort_keys=True)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data + "\n", encoding="utf-8")
    if args.write_floors:
        Path(args.write_floors).write_text(json.dumps(
            {"note": "floors (ceilings for *_max) for benches/eval/textpages.py --gate; "
                     "current figures rounded down (up for *_max) to 0.01",
             "sets": floors_from(summary)}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.gate:
        failed = gate(summary, args.gate)
        if failed:
            print("\nGATE FAILED:\n  " + "\n  ".join(failed))
            return 1
        print(f"\ngate passed ({args.gate})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
