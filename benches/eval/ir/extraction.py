"""Did newsdex read the converted files as written? `relevance.py --check-extraction`.

Runs `newsdex extract --format jsonl` over a converted collection and compares, per document,
the words of the title and body written with the words newsdex extracted. Differences come
from the text extractor's clean-up (boilerplate lines, repeated paragraphs, credit lines),
which is tuned for scraped news pages; on these collections it should change nothing.
"""
import difflib
import json
import os
import re
import subprocess


def words(text):
    return re.findall(r"\w+", (text or "").lower())


def check(binary, coll, docs_dir, batch=1000):
    """Returns (documents not extracted, [(docid, dropped words, added words)])."""
    by_id = {d.docid: d for d in coll.docs}
    paths = [os.path.join(docs_dir, d + ".txt") for d in sorted(by_id)]
    seen, diffs = set(), []
    for i in range(0, len(paths), batch):
        p = subprocess.run([binary, "extract", "--format", "jsonl", *paths[i:i + batch]],
                           capture_output=True, text=True, check=False)
        for line in p.stdout.splitlines():
            a = json.loads(line)
            docid = os.path.splitext(os.path.basename(a["path"]))[0]
            seen.add(docid)
            d = by_id[docid]
            want = words(d.title) + words(d.body)
            got = words(a["title"]) + words(a["body"])
            if want != got:
                ops = difflib.SequenceMatcher(a=want, b=got, autojunk=False).get_opcodes()
                dropped = " ".join(w for op, i1, i2, _, _ in ops if op != "equal"
                                   for w in want[i1:i2])
                added = " ".join(w for op, _, _, j1, j2 in ops if op != "equal"
                                 for w in got[j1:j2])
                diffs.append((docid, dropped, added))
    missing = sorted(set(by_id) - seen)
    return missing, diffs
