"""TIME magazine 1963 (`shared/corpora/time-1963`, SMART format) -> newsdex layout.

- Documents: `*TEXT <id> <MM/DD/YY> PAGE <n>` records of `TIME.ALL`, whitespace-tolerant
  (`*TEXT 431 08/30 63 PAGE 026` lacks a slash, some headers have runs of spaces). The
  docid (and file stem) is the `*TEXT` number as printed (`017`); `Date:` is the issue
  date; there is no title or byline. The body is kept as is: upper case, punctuation
  spaced out, blank lines between paragraphs.
- Topics: the 83 `*FIND <n>` queries of `TIME.QUE`, ids `<n>`, text on one line.
- Qrels: `TIME.REL` numbers a document by its position in the original 425-document
  file, and this copy lost two documents inside record `*TEXT 504` (SOURCE.md, "Qrels
  document numbers"): the record at position p (1-based, file order) has qrels number p
  for p <= 374 and p + 2 from p = 375 on; numbers 375 and 376 have no document and are
  never judged. Judgments are binary: grade 1.
"""
import datetime
import os
import re

from .common import Collection, Doc, body_text, read_ascii, squash

HEADER = re.compile(
    r"^\*TEXT\s+(\d+)\s+(\d{1,2})\s*/\s*(\d{1,2})\s*[/\s]\s*(\d{2})\s+PAGE\s+(\d+)\s*$"
)
# Where the two lost documents were: the last position before the gap and its record.
LAST_BEFORE_GAP, RECORD_BEFORE_GAP, FIRST_AFTER_GAP = 374, "504", "507"
SHIFT = 2


def qrels_number(position):
    return position if position <= LAST_BEFORE_GAP else position + SHIFT


def parse_docs(text):
    docs, cur = [], None
    for line in text.split("\n"):
        if line.startswith("*TEXT"):
            m = HEADER.match(line)
            if not m:
                raise ValueError(f"TIME.ALL: unreadable header {line!r}")
            tid, mm, dd, yy, _page = m.groups()
            date = datetime.date(1900 + int(yy), int(mm), int(dd)).isoformat()
            cur = [tid, date, []]
            docs.append(cur)
        elif line.startswith("*STOP"):
            cur = None
        elif cur is not None:
            cur[2].append(line)
        elif line.strip():
            raise ValueError(f"TIME.ALL: text outside a record: {line!r}")
    return [Doc(tid, "", date, [], body_text(lines)) for tid, date, lines in docs]


def parse_topics(text):
    topics, cur = [], None
    for line in text.split("\n"):
        m = re.match(r"^\*FIND\s+(\d+)\s*$", line)
        if m:
            cur = [m.group(1), []]
            topics.append(cur)
        elif line.startswith("*STOP"):
            cur = None
        elif cur is not None:
            cur[1].append(line)
    return [(qid, squash(" ".join(lines))) for qid, lines in topics]


def parse_qrels(text, by_number):
    qrels = {}
    for line in text.split("\n"):
        cols = line.split()
        if not cols:
            continue
        qid, numbers = cols[0], cols[1:]
        judged = qrels.setdefault(qid, {})
        for n in numbers:
            if int(n) not in by_number:
                raise ValueError(f"TIME.REL: query {qid} judges document number {n}, not present")
            judged[by_number[int(n)]] = 1
    return qrels


def convert(shared):
    base = os.path.join(shared, "corpora", "time-1963")
    docs = parse_docs(read_ascii(os.path.join(base, "TIME.ALL")))
    # The shift rule holds for this copy only (423 records, the damaged *TEXT 504 at 374);
    # refuse any other rather than mis-key every judgment after the gap.
    if (
        len(docs) != 423
        or docs[LAST_BEFORE_GAP - 1].docid != RECORD_BEFORE_GAP
        or docs[LAST_BEFORE_GAP].docid != FIRST_AFTER_GAP
    ):
        raise ValueError("TIME.ALL is not the 423-record copy described in SOURCE.md")
    by_number = {qrels_number(p): d.docid for p, d in enumerate(docs, start=1)}
    topics = parse_topics(read_ascii(os.path.join(base, "TIME.QUE")))
    qrels = parse_qrels(read_ascii(os.path.join(base, "TIME.REL")), by_number)
    pairs = sum(len(j) for j in qrels.values())
    notes = [
        f"{len(docs)} documents keyed by *TEXT number; {len(topics)} topics; {pairs} judged "
        f"pairs (binary); qrels number n is record n up to {LAST_BEFORE_GAP}, "
        f"record n - {SHIFT} from {LAST_BEFORE_GAP + SHIFT + 1}"
    ]
    return Collection("time", docs, topics, qrels, notes)
