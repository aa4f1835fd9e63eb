"""What every converter shares: the document record, the SMART dot-tag reader and the
writer of the directory newsdex indexes.

A converted collection is a directory holding one `<docid>.txt` per document, in the
header layout newsdex's text extractor reads (a block of `Key: value` lines, a blank line,
the body), plus `topics.tsv` (`qid<TAB>query`) and `qrels` (`qid 0 docid grade`). It is
always written outside the repository: the corpora's text must not be copied into it.
"""
import os
import re
from typing import NamedTuple


class Doc(NamedTuple):
    docid: str
    title: str  # "" when the collection has none
    date: str  # "YYYY-MM-DD" or ""
    authors: list  # of str
    body: str  # paragraphs separated by a blank line


class Collection(NamedTuple):
    name: str
    docs: list  # of Doc
    topics: list  # of (qid, text)
    qrels: dict  # qid -> {docid: grade}
    notes: list  # of str: what the conversion did that a reader should know


def squash(text):
    return " ".join(text.split())


def read_ascii(path):
    # The collections are ASCII (checked in their SOURCE.md); refuse anything else loudly
    # rather than guess an encoding.
    with open(path, "rb") as f:
        return f.read().decode("ascii")


def dot_records(text, tags):
    """Splits a SMART dot-tag file into records: [(id, [(tag, [lines])])].

    A record starts at `.I <id>`; a line holding only `.X` (X in `tags`) opens a field.
    """
    records = []
    field = None
    for line in text.split("\n"):
        line = line.rstrip()
        m = re.match(r"^\.I\s+(\S+)$", line)
        if m:
            records.append((m.group(1), []))
            field = None
            continue
        m = re.match(r"^\.([A-Z])$", line)
        if m and m.group(1) in tags and records:
            field = [m.group(1), []]
            records[-1][1].append(field)
            continue
        if field is not None:
            field[1].append(line)
        elif line.strip() and records:
            raise ValueError(f"record {records[-1][0]}: text outside a field: {line!r}")
    return records


def body_text(lines):
    """Field lines to body text: lines kept as they are (no re-wrapping), runs of blank
    lines become one paragraph break, and surrounding blank lines go."""
    out, blank = [], False
    for line in lines:
        if not line.strip():
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line.strip())
    return "\n".join(out)


def document_file(doc):
    """The text newsdex reads: header lines, blank line, body.

    A document with no title, date or author would have no header block, and newsdex
    would then read its first line as a title (the 'title line, blank line, body' layout
    of headerless archives). `Date: unknown` keeps the header block without inventing
    anything: it is a header line whose value is not a date, so no date is stored.
    """
    head = []
    if doc.title:
        head.append(f"Title: {doc.title}")
    if doc.date:
        head.append(f"Date: {doc.date}")
    if doc.authors:
        head.append("By: " + "; ".join(doc.authors))
    if not head:
        head.append("Date: unknown")
    return "\n".join(head) + "\n\n" + doc.body + "\n"


def write_collection(coll, out_dir):
    """Writes the documents, `topics.tsv` and `qrels` into `out_dir` (created if needed)
    and returns the paths (docs directory, topics, qrels)."""
    docs_dir = os.path.join(out_dir, "docs")
    os.makedirs(docs_dir, exist_ok=True)
    ids = set()
    for d in coll.docs:
        if d.docid in ids or not re.fullmatch(r"[A-Za-z0-9_-]+", d.docid):
            raise ValueError(f"{coll.name}: bad or repeated docid {d.docid!r}")
        ids.add(d.docid)
        with open(os.path.join(docs_dir, d.docid + ".txt"), "w", encoding="utf-8") as f:
            f.write(document_file(d))
    qids = [q for q, _ in coll.topics]
    if len(set(qids)) != len(qids):
        raise ValueError(f"{coll.name}: repeated topic ids")
    for qid, judged in coll.qrels.items():
        if qid not in qids:
            raise ValueError(f"{coll.name}: qrels topic {qid} has no query")
        missing = [d for d in judged if d not in ids]
        if missing:
            raise ValueError(f"{coll.name}: qrels topic {qid} names unknown documents {missing[:5]}")
    topics = os.path.join(out_dir, "topics.tsv")
    with open(topics, "w", encoding="utf-8") as f:
        for qid, text in coll.topics:
            if "\t" in text or "\n" in text:
                raise ValueError(f"{coll.name}: topic {qid} text has a tab or newline")
            f.write(f"{qid}\t{text}\n")
    qrels = os.path.join(out_dir, "qrels")
    with open(qrels, "w", encoding="utf-8") as f:
        for qid, judged in sorted(coll.qrels.items(), key=lambda kv: natural(kv[0])):
            for docid, grade in sorted(judged.items(), key=lambda kv: natural(kv[0])):
                f.write(f"{qid} 0 {docid} {grade}\n")
    return docs_dir, topics, qrels


def natural(s):
    return (0, int(s), "") if s.isdigit() else (1, 0, s)
