"""The measures, once, for every run: trec_eval's `map`, `P_10`, `ndcg_cut_10` and
`recall_100`, defined exactly as `src/eval.rs` defines them (so that the two implementations
cross-check each other on newsdex's run):

- a document is relevant when its grade is > 0;
- AP: the sum of precision at the rank of each relevant document retrieved, over the
  number of relevant documents (those never retrieved add 0);
- P@10: relevant documents in the top 10, over 10;
- nDCG@10: DCG with gain = grade and discount log2(rank + 1), over the DCG of the judged
  relevant documents in decreasing grade order;
- R@100: relevant documents in the top 100 over all relevant;
- means over every topic with at least one relevant judgment, retrieved or not
  (trec_eval -c); topics without one are not averaged.

Rankings are read in the run file's rank order, as newsdex ranked them. trec_eval itself
re-sorts a run by score and breaks ties by docid (`trec_eval_order`); with scores printed to
six decimals, tied scores are where the two can differ (`runs_tied`).
"""
import math

MEASURES = ("map", "p_10", "ndcg_10", "recall_100")


def read_qrels(path):
    qrels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if not cols:
                continue
            qid, docid, grade = (cols[0], cols[2], cols[3]) if len(cols) == 4 else cols
            qrels.setdefault(qid, {})[docid] = int(grade)
    return qrels


def read_run(path):
    """TREC run file -> {qid: [docid, ...]} in rank order, and {qid: [score, ...]}."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if cols:
                qid, _, docid, rank, score = cols[:5]
                rows.setdefault(qid, []).append((int(rank), docid, float(score)))
    ranked = {q: sorted(r) for q, r in rows.items()}
    return ({q: [d for _, d, _ in r] for q, r in ranked.items()},
            {q: [s for _, _, s in r] for q, r in ranked.items()})


def write_run(path, rankings, tag):
    """{qid: [(docid, score), ...]} -> TREC run file."""
    with open(path, "w", encoding="utf-8") as f:
        for qid, entries in rankings.items():
            for rank, (docid, score) in enumerate(entries, 1):
                f.write(f"{qid} Q0 {docid} {rank} {score:.6f} {tag}\n")


def score_topic(ranking, judged):
    relevant = sum(1 for g in judged.values() if g > 0)
    hits, precision_sum, dcg, p10, r100 = 0, 0.0, 0.0, 0, 0
    for i, doc in enumerate(ranking):
        grade = judged.get(doc, 0)
        if grade > 0:
            hits += 1
            precision_sum += hits / (i + 1)
            if i < 10:
                p10 += 1
                dcg += grade / math.log2(i + 2)
            if i < 100:
                r100 += 1
    ideal = sorted((g for g in judged.values() if g > 0), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return {
        "map": precision_sum / relevant if relevant else 0.0,
        "p_10": p10 / 10,
        "ndcg_10": dcg / idcg if idcg else 0.0,
        "recall_100": r100 / relevant if relevant else 0.0,
        "relevant": relevant,
    }


def evaluate(rankings, qrels):
    """Mean measures over the topics of `qrels` with a relevant document, and per topic."""
    per_topic = {}
    for qid, judged in qrels.items():
        s = score_topic(rankings.get(qid, []), judged)
        if s["relevant"]:
            per_topic[qid] = s
    n = len(per_topic)
    means = {m: (sum(s[m] for s in per_topic.values()) / n if n else 0.0) for m in MEASURES}
    means["topics"] = n
    return means, per_topic


def trec_eval_order(rankings, scores):
    """The rankings as trec_eval reads a run: by score, decreasing, ties by docid, decreasing
    (it ignores the rank column)."""
    out = {}
    for qid, docs in rankings.items():
        pairs = sorted(zip(scores[qid], docs), key=lambda p: (p[0], p[1]), reverse=True)
        out[qid] = [d for _, d in pairs]
    return out


def runs_tied(scores):
    """How many adjacent pairs in the rankings share a printed score."""
    return sum(1 for s in scores.values() for a, b in zip(s, s[1:]) if a == b)
