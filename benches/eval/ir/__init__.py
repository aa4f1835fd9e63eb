"""Classic IR test collections for newsdex's ranking-quality harness (benchmark tooling,
not product code; python3 standard library only).

- `time1963`, `glasgow`: converters from the SMART-format originals under
  `shared/corpora/` to a directory newsdex indexes: one `<docid>.txt` per document in
  newsdex's header layout, `topics.tsv` and TREC `qrels` whose docids are the file stems;
- `metrics`: the one implementation of MAP, P@10, nDCG@10 and recall@100 used for every
  run (newsdex's and the baseline's);
- `fts5`: the SQLite FTS5 baseline (porter + unicode61, bm25, OR of the query's terms);
- `extraction`: checks that newsdex reads back every converted document's words;
- `compare` (`python3 -m ir.compare A B`): per-topic comparison of two kept runs, with a
  paired randomization test, for the tuning log in docs/relevance.md;
- `bm25sim` (`python3 -m ir.bm25sim time`): BM25 variants scored in Python, to explore
  choices tantivy does not offer;
- `modelsim` (`python3 -m ir.modelsim`): language models, DFR, axiomatic and BM25 variants,
  query weighting, SDM and RM3 over newsdex's Snowball terms (needs `snowballstemmer`).

Standalone conversion: `PYTHONPATH=benches/eval python3 -m ir time OUT_DIR`.
"""

import os

from . import glasgow, gnad, time1963

# The repository root (benches/eval/ir -> ../../..).
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

CONVERTERS = {
    "time": time1963.convert,
    "cran": glasgow.convert_cran,
    "cisi": glasgow.convert_cisi,
    "med": glasgow.convert_med,
    "gnad": gnad.convert,
}
