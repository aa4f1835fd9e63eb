"""Cranfield, CISI and MEDLINE (`shared/corpora/ir-classic-glasgow`, SMART dot-tag
format) -> newsdex layout. Docids (and file stems) are the documents' `.I` numbers.

Cranfield (`cran/`):
- documents: `.T` title, `.A` author line(s) as the byline, `.W` body (it repeats the
  title, as in the original); `.B` (bibliographic source) is dropped. Three records carry
  stray markers after `.W`: 240 has `.A` and `.B` lines in mid-abstract, 576 and 578 a
  second `.W`. The text after them continues the abstract, so everything from the first
  `.W` on is body and the stray marker lines go;
- topics: the `.I` ids of `cran.qry` (001 ... 365, with gaps) are not what `cranqrel`
  uses: it numbers queries by position, 1 ... 225, and so do the topics written here;
- qrels: `cranqrel` holds Cleverdon's codes, 1 = "complete answer" ... 4 = "minimum
  interest" (`cranqrel.readme`; 5 = "no interest" is never listed), plus one row per query
  with code -1, which is not in the readme (it marks the paper the question was written
  from, by every case read). Relevant = codes 1-4, graded for nDCG as gain 5 - code
  (1 -> 4, 2 -> 3, 3 -> 2, 4 -> 1), since trec_eval reads a larger grade as more relevant.
  Code -1 is written as grade 0, judged not relevant, which is what trec_eval does with
  any grade below 1.

CISI (`cisi/`):
- documents: `.T` title, every `.A` line as one author, `.W` body; dropped: `.X`
  (citation cross-references), `.B` (24 bibliographic notes), and the one-off `.K`
  (keywords) and `.C` (classification codes) of document 1460;
- topics: all 112 queries. 57 are questions (`.W` only); 55 are papers standing for the
  request, with `.T` title, `.A` authors, `.B` source and `.W` abstract. The query is the
  title and the text (`.T` + `.W`), as a document is title and body; authors and source
  are left out. Only 76 topics have judgments; the other 36 run but are not averaged;
- qrels: `CISI.REL` is `qid docid 0 0.000000`; every listed pair is relevant: grade 1.

MEDLINE (`med/`):
- documents: `.W` only (no title, author or date; lines space-padded to 72 columns,
  padding dropped), so each file's header is `Date: unknown` (see `common.document_file`);
- topics: the 30 `.W` queries; qrels: `MED.REL` is already `qid 0 docid 1`: grade 1.
"""
import os

from .common import Collection, Doc, body_text, dot_records, read_ascii, squash


def _fields(record):
    out = {}
    for tag, lines in record:
        out.setdefault(tag, []).append(lines)
    return out


def _base(shared, sub):
    return os.path.join(shared, "corpora", "ir-classic-glasgow", sub)


def convert_cran(shared):
    base = _base(shared, "cran")
    docs, stray = [], 0
    for docid, record in dot_records(read_ascii(os.path.join(base, "cran.all.1400")), "TABW"):
        tags = [t for t, _ in record]
        w = tags.index("W")
        before = _fields(record[:w])
        body = [line for _, lines in record[w:] for line in lines]
        stray += len(record) - w - 1
        title = squash(" ".join(" ".join(l) for l in before.get("T", [])))
        authors = [a for a in (squash(" ".join(l)) for l in before.get("A", [])) if a]
        docs.append(Doc(docid, title, "", authors, body_text(body)))
    topics = []
    for pos, (_qi, record) in enumerate(dot_records(read_ascii(os.path.join(base, "cran.qry")), "W"), 1):
        text = squash(" ".join(line for _, lines in record for line in lines))
        topics.append((str(pos), text))
    qrels, codes = {}, {}
    for line in read_ascii(os.path.join(base, "cranqrel")).split("\n"):
        cols = line.split()
        if not cols:
            continue
        qid, docid, code = cols[0], cols[1], int(cols[2])
        if code not in (-1, 1, 2, 3, 4):
            raise ValueError(f"cranqrel: unknown relevance code {code} in {line!r}")
        codes[code] = codes.get(code, 0) + 1
        qrels.setdefault(qid, {})[docid] = 5 - code if code > 0 else 0
    notes = [
        f"{len(docs)} documents ({stray} stray markers after .W folded into the body); "
        f"{len(topics)} topics by position; codes {dict(sorted(codes.items()))} -> "
        "grades 1..4 as 5-code, -1 as 0"
    ]
    return Collection("cran", docs, topics, qrels, notes)


def convert_cisi(shared):
    base = _base(shared, "cisi")
    docs = []
    for docid, record in dot_records(read_ascii(os.path.join(base, "CISI.ALL")), "TAWXBKC"):
        f = _fields(record)
        title = squash(" ".join(" ".join(l) for l in f.get("T", [])))
        authors = [squash(a) for lines in f.get("A", []) for a in lines if a.strip()]
        body = [line for lines in f.get("W", []) for line in lines]
        docs.append(Doc(docid, title, "", authors, body_text(body)))
    topics = []
    for qid, record in dot_records(read_ascii(os.path.join(base, "CISI.QRY")), "TAWB"):
        f = _fields(record)
        text = squash(" ".join(" ".join(l) for tag in "TW" for l in f.get(tag, [])))
        topics.append((qid, text))
    qrels = {}
    for line in read_ascii(os.path.join(base, "CISI.REL")).split("\n"):
        cols = line.split()
        if cols:
            qrels.setdefault(cols[0], {})[cols[1]] = 1
    notes = [f"{len(docs)} documents; {len(topics)} topics, {len(qrels)} with judgments"]
    return Collection("cisi", docs, topics, qrels, notes)


def convert_med(shared):
    base = _base(shared, "med")
    docs = []
    for docid, record in dot_records(read_ascii(os.path.join(base, "MED.ALL")), "W"):
        body = [line for _, lines in record for line in lines]
        docs.append(Doc(docid, "", "", [], body_text(body)))
    topics = []
    for qid, record in dot_records(read_ascii(os.path.join(base, "MED.QRY")), "W"):
        topics.append((qid, squash(" ".join(line for _, lines in record for line in lines))))
    qrels = {}
    for line in read_ascii(os.path.join(base, "MED.REL")).split("\n"):
        cols = line.split()
        if cols:
            if len(cols) != 4 or cols[3] != "1":
                raise ValueError(f"MED.REL: unexpected line {line!r}")
            qrels.setdefault(cols[0], {})[cols[2]] = 1
    notes = [f"{len(docs)} documents (no title: header 'Date: unknown'); {len(topics)} topics"]
    return Collection("med", docs, topics, qrels, notes)
