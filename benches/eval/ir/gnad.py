"""10k GNAD (German news from derStandard.at, labelled by section) as a test collection:
its test set's 1,028 articles, the 20 topics of `gnad-topics.tsv` (written once, two or
three per section), and as relevant to a topic every article of the topic's section.

The articles have no titles in the corpus; the first sentence (up to 120 characters)
is used as the title and the whole text as the body.
"""
import csv
import os

from .common import Collection, Doc

HERE = os.path.dirname(os.path.abspath(__file__))


def convert(shared):
    path = os.path.join(shared, "corpora", "10kgnad-german", "test.csv")
    docs, by_section = [], {}
    with open(path, encoding="utf-8") as f:
        for i, row in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            if len(row) != 2:
                continue
            section, text = row
            docid = f"g{i:05d}"
            title = text.split(". ")[0][:120]
            docs.append(Doc(docid, title, "", [], text.strip()))
            by_section.setdefault(section, []).append(docid)
    topics, qrels = [], {}
    with open(os.path.join(HERE, "gnad-topics.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            qid, section, query = line.rstrip("\n").split("\t")
            topics.append((qid, query))
            qrels[qid] = {d: 1 for d in by_section[section]}
    notes = [f"{len(docs)} articles of 10k GNAD's test set; {len(topics)} topics; relevance: "
             f"every article of the topic's section ({len(by_section)} sections)"]
    return Collection("gnad", docs, topics, qrels, notes)
