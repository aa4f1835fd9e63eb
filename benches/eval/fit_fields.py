#!/usr/bin/env python3
"""Fit the title and date weights of the plain-text extractor, and say how well they carry
over.

The headline and the date of a plain-text article are each chosen among candidate lines,
each scored as the sum of its measured signals times the weights `FIELD.<signal>` in
src/extract/text/lexicon.txt, with `FIELD.min` the score below which the field is left
empty (src/extract/text/headline.rs, dateline.rs). This script learns those weights from
labelled files instead of setting them by hand:

- files: the w3m and lynx renderings and the constructed layout variants of
  benches/eval/textpages.py (run it first: it writes them into its work directory), and
  the repository's own layout fixtures (tests/data/expected-layouts.json);
- labels: a title candidate is right when its value is the gold title under the textpages
  title rule, a date candidate when it falls on the gold day (pages of the renderings
  count only where that day is printed in the text, as textpages.py scores them); a file
  whose candidates are all wrong is labelled "leave empty";
- model: a softmax over the file's candidates and the empty choice (whose score is
  `FIELD.min`), trained by cross-entropy with an L2 penalty, full-batch Adam; the signals
  come from `newsdex extract --explain --format jsonl` (each candidate lists them);
- carry-over: site-grouped cross-validation (every page of one web site, in both
  renderings, is in the same fold), so the figure says how the weights do on sites they
  were not fitted on. That figure, not the fit, is what to compare.

Usage: python3 benches/eval/fit_fields.py --field title|date [--bin target/debug/newsdex]
           [--shared ../shared] [--work /tmp/newsdex-textpages] [--folds 5] [--seeds 1] [--l2 0.02]
           [--iters 800] [--renderers w3m,lynx,links,html2text] [--templates] [--write]

--write replaces the field's weights in lexicon.txt with the weights fitted on all files
(rounded to 0.01); without it the weights are only printed. Rebuild and rerun
textpages.py after writing (the title decides where dates are looked for: fit the title
first).
"""

import argparse
import json
import math
import random
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import textpages as tp  # noqa: E402

LEXICON = ROOT / "src" / "extract" / "text" / "lexicon.txt"
# Weights the fit leaves alone (it scores with them as they stand in the lexicon): the
# fallback to the file's first line, and a headline under its own dateline (blogs'
# date-first templates, rare among the files fitted on: the fit gives it 0.14 and changes
# none of them with it; set by hand at 0.5 from the written pages, where it turns a
# date-first blog's empty title into its headline).
# `FIELD.lead` is no signal: the decision adds it times the best candidate's lead over the
# next value (at most LEAD_CAP) before the threshold, as decision.rs does; it is held too.
# A headline named again as a breadcrumb trail's last item (`title.crumb`) is rare among
# the files fitted on (one page); set by hand at 1.0, a strong sign held fixed.
# A line lynx's link-rel line names as the post title (`title.rel_title`) is as rare
# among them (WordPress pages rendered by lynx) and as strong; set by hand at 1.0.
# A line named inside the story's sentences (`title.in_prose`: an organisation's own name
# over its news) is rare among them too; set by hand at -1.0. So is a line right under a
# breadcrumb trail (`title.under_trail`); set by hand at 0.5, as `title.after_meta`.
# An item of a list of dated lines (`title.dated_list`: a sidebar's latest news read in
# order before the article) is rare among them as well; set by hand at -1.0.
FIXED = {"title.file_start_min", "title.after_meta", "title.crumb", "title.rel_title",
         "title.in_prose", "title.under_trail", "title.dated_list",
         "title.lead", "date.lead"}
LEAD_CAP = 1.0
FIELDS = ("title", "date")


def explain(binary, files, field):
    """{file name: [(value, {signal: value}), ...]} from `newsdex extract --explain`."""
    out = {}
    for i in range(0, len(files), 200):
        chunk = files[i : i + 200]
        proc = subprocess.run([str(binary), "extract", "--explain", "--format", "jsonl", *map(str, chunk)],
                              capture_output=True, text=True)
        if proc.returncode not in (0, 2):
            tp.die(f"newsdex extract failed ({proc.returncode}): {proc.stderr[-800:]}")
        for line in proc.stdout.splitlines():
            a = json.loads(line)
            choice = next(f for f in a["explain"]["fields"] if f["field"] == field)
            out[Path(a["path"]).name] = [(c["value"], {k: s["value"] for k, s in c["signals"].items()})
                                         for c in choice.get("candidates", [])]
    return out


def day_ok(value, days):
    return (value or "")[:10] in days


def load(args):
    field = args.field
    work = Path(args.work)
    shared = Path(args.shared)
    truth = json.loads((shared / "corpora" / "article-extraction-benchmark" / "ground-truth.json").read_text())
    samples = []  # (group, name, [(signals, right)])
    for setname in args.renderers:
        files = sorted((work / "sets" / setname).glob("*.txt"))
        if not files:
            tp.die(f"no {setname} renderings in {work}/sets; run benches/eval/textpages.py first")
        cands = explain(args.bin, files, field)
        for f in files:
            key = f.stem
            html = (work / "html" / f"{key}.html").read_text(encoding="utf-8", errors="replace")
            g = tp.page_gold(html, truth[key]["url"])
            if field == "title":
                if not g["title"]:
                    continue
                ok = tp.title_candidates(g["title"], g.get("title_tag"), g["sites"])
                right = lambda v: tp.norm(v) in ok  # noqa: E731
            else:
                text = f.read_text(encoding="utf-8", errors="replace")
                if not g["date"] or not (tp.printed(g["date"], text) or tp.printed(g["date_utc"], text)):
                    continue
                days = {g["date"], g["date_utc"]}
                right = lambda v: day_ok(v, days)  # noqa: E731
            site = urlparse(truth[key]["url"]).netloc.removeprefix("www.")
            samples.append((site, f"{setname}/{key[:10]}", [(s, right(v)) for v, s in cands.get(f.name, [])],
                            [v for v, _ in cands.get(f.name, [])]))
    def constructed(files, gold, group, name):
        """Samples of files whose gold is known by construction (variants, templates)."""
        cands = explain(args.bin, files, field) if files else {}
        for f in files:
            g = gold.get(f.stem)
            if not g or not g.get(field):
                continue
            if field == "title":
                ok = tp.title_candidates(g["title"])
                right = lambda v: tp.norm(v) in ok  # noqa: E731
            else:
                days = {g["date"][:10]}
                right = lambda v: day_ok(v, days)  # noqa: E731
            samples.append((group(f, g), name(f), [(s, right(v)) for v, s in cands.get(f.name, [])],
                            [v for v, _ in cands.get(f.name, [])]))

    def gold_of(name):
        path = work / name
        return json.loads(path.read_text()) if path.exists() else {}

    # The template pages (textpages.py): grouped by template, so that a template's pages
    # are held out together.
    tgold = gold_of("templates-gold.json")
    for setname in args.renderers if args.templates else []:
        constructed(sorted((work / "sets" / f"tpl-{setname}").glob("*.txt")), tgold,
                    lambda f, g: f"tpl:{g['kind']}", lambda f, r=setname: f"tpl-{r}/{f.stem}")
    constructed(sorted((work / "sets" / "variants").glob("*.txt")), gold_of("variants-gold.json"),
                lambda f, g: "variants:" + f.stem.split("-")[1], lambda f: f"variants/{f.stem}")
    # Clean text archives: every 10th BBC article as it is (title on the first line, no
    # date, no byline), so that the weights keep titles and invent no dates there.
    bbc = sorted((shared / "corpora" / "bbc-news" / "bbc").glob("*/*.txt"))[::10]
    cands = explain(args.bin, bbc, field)
    for f in bbc:
        first = f.read_text(encoding="latin-1").strip().split("\n")[0].strip()
        ok = {tp.norm(first)} if field == "title" else set()
        samples.append((f"bbc:{f.parent.name}", f"bbc/{f.parent.name}/{f.name}",
                        [(s, tp.norm(v) in ok) for v, s in cands.get(f.name, [])],
                        [v for v, _ in cands.get(f.name, [])]))
    expected = json.loads((ROOT / "tests" / "data" / "expected-layouts.json").read_text())
    lfiles = [ROOT / "fixtures" / e["path"] for e in expected]
    cands = explain(args.bin, lfiles, field)
    for e, f in zip(expected, lfiles):
        if field == "title":
            ok = {tp.norm(e["title"])} if e.get("title") else set()
            right = lambda v: tp.norm(v) in ok  # noqa: E731
        else:
            days = {e["date"][:10]} if e.get("date") else set()
            right = lambda v: day_ok(v, days)  # noqa: E731
        samples.append(("fixtures", f"fixtures/{e['path']}", [(s, right(v)) for v, s in cands.get(f.name, [])],
                        [v for v, _ in cands.get(f.name, [])]))
    return samples


def current_weights(field, names):
    w = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([a-z]+\.[a-z_]+)\s+(-?[0-9.]+)\s*$", line)
        if m:
            w[m.group(1)] = float(m.group(2))
    return {n: w.get(f"{field}.{n}", 0.0) for n in names}, w.get(f"{field}.min", 0.0)


def scores(w, b, sample):
    return [sum(w.get(k, 0.0) * v for k, v in s.items()) for s, _ in sample[2]], b


def chosen(w, b, sample, lead):
    """The index of the candidate the weights choose, or None: the best one (the earliest
    of equals) if its score plus `lead` times its lead over the best candidate of another
    value (at most LEAD_CAP) reaches b."""
    cs, b = scores(w, b, sample)
    if not cs:
        return None
    best = max(range(len(cs)), key=lambda i: cs[i])
    values = sample[3]
    others = [c for c, v in zip(cs, values) if v != values[best]]
    ahead = min(cs[best] - max(others), LEAD_CAP) if others else LEAD_CAP
    return best if cs[best] + lead * ahead >= b else None


def predict_ok(w, b, sample, lead=0.0):
    """Whether the weights choose right: the chosen candidate is right, or nothing is
    chosen and no candidate is right."""
    i = chosen(w, b, sample, lead)
    if i is None:
        return not any(r for _, r in sample[2])
    return sample[2][i][1]


def fit(samples, names, l2, iters=400, lr=0.05, init=None, fixed=None):
    """Adam on the mean softmax cross-entropy plus l2 * |w|^2; returns (weights, bias),
    the weights including `fixed` ({signal: weight} held as they are). The problem is
    convex, so the result depends on the data and l2 only (given enough iterations)."""
    fixed = fixed or {}
    names = [n for n in names if n not in fixed]
    idx = {n: i for i, n in enumerate(names)}
    nb = len(names)  # the bias (title.min) is parameter nb
    # Each file: its candidates as sparse (index, value) rows, and the right ones.
    data = []
    for _, _, cands, _ in samples:
        rows = [[(idx[k], x) for k, x in s.items() if k in idx] for s, _ in cands]
        offsets = [sum(fixed[k] * x for k, x in s.items() if k in fixed) for s, _ in cands]
        right = [i for i, (_, r) in enumerate(cands) if r] or [len(cands)]
        data.append((rows, offsets, set(right)))
    theta = [0.0] * (nb + 1)
    if init:
        for n, v in init[0].items():
            if n in idx:
                theta[idx[n]] = v
        theta[nb] = init[1]
    m = [0.0] * (nb + 1)
    v = [0.0] * (nb + 1)
    b1, b2, eps = 0.9, 0.999, 1e-8
    inv = 1.0 / len(data)
    for t in range(1, iters + 1):
        g = [2 * l2 * theta[i] for i in range(nb)] + [0.0]
        for rows, offsets, right in data:
            cs = [o + sum(theta[i] * x for i, x in r) for r, o in zip(rows, offsets)]
            cs.append(theta[nb])
            mx = max(cs)
            ex = [math.exp(c - mx) for c in cs]
            z = sum(ex)
            pr = sum(ex[i] for i in right) / z
            for i, e in enumerate(ex):
                p = e / z
                d = p - (p / pr if i in right else 0.0)
                if d == 0.0:
                    continue
                d *= inv
                if i == len(rows):
                    g[nb] += d
                else:
                    for j, x in rows[i]:
                        g[j] += d * x
        c1, c2 = 1 - b1**t, 1 - b2**t
        for i in range(nb + 1):
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
            theta[i] -= lr * (m[i] / c1) / (math.sqrt(v[i] / c2) + eps)
    return {**{n: theta[idx[n]] for n in names}, **fixed}, theta[nb]


def predict_right(w, b, sample, lead=0.0):
    """Whether the weights choose a right title (an empty one never is): the share
    textpages.py reports as title accuracy."""
    i = chosen(w, b, sample, lead)
    return i is not None and sample[2][i][1]


def accuracy(w, b, samples, prefix=None, judge=predict_right, lead=0.0):
    sel = [s for s in samples if prefix is None or s[1].startswith(prefix)]
    return sum(judge(w, b, s, lead) for s in sel) / max(1, len(sel)), len(sel)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--field", choices=FIELDS, required=True)
    ap.add_argument("--bin", default=str(ROOT / "target" / "debug" / "newsdex"))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--work", default="/tmp/newsdex-textpages")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=1,
                    help="repeat the held-out folds with this many shuffles of the sites (the figure is "
                         "their mean: less noise when comparing settings such as --l2)")
    ap.add_argument("--l2", type=float, default=0.02)
    ap.add_argument("--iters", type=int, default=400)
    ap.add_argument("--write", action="store_true", help="write the weights fitted on all files into lexicon.txt")
    ap.add_argument("--lead", type=float, help="the lead weight to decide with (default: the lexicon's FIELD.lead)")
    ap.add_argument("--templates", action="store_true",
                    help="fit on the template pages too (textpages.py's tpl-* sets)")
    ap.add_argument("--renderers", default="w3m,lynx",
                    help="renderings fitted on, of " + ", ".join(tp.RENDERERS) + " (rendered by textpages.py "
                         "--renderers first)")
    args = ap.parse_args()
    args.renderers = [r for r in args.renderers.split(",") if r]

    samples = load(args)
    names = sorted({k for s in samples for c, _ in s[2] for k in c})
    w0, b0 = current_weights(args.field, names)
    lead = args.lead if args.lead is not None else current_weights(args.field, ["lead"])[0]["lead"]
    fixed = {n: w0[n] for n in names if f"{args.field}.{n}" in FIXED}
    reach = sum(any(r for _, r in s[2]) for s in samples)
    print(f"{len(samples)} files, {len(names)} signals; a right candidate exists in {reach}")
    sets = (tuple(f"{r}/" for r in args.renderers) + ("variants/", "fixtures/", "bbc/")
            + (("tpl-",) if args.templates else ()))
    print("current weights: " + "  ".join(f"{p[:-1]} {accuracy(w0, b0, samples, p, lead=lead)[0]:.3f}" for p in sets))
    print("  not wrong:       " + "  ".join(f"{p[:-1]} {accuracy(w0, b0, samples, p, predict_ok, lead)[0]:.3f}" for p in sets))

    # Site-grouped folds: every file of one site is held out together.
    held = {p: [0, 0, 0] for p in sets}
    for seed in range(7, 7 + max(1, args.seeds)):
        sites = sorted({s[0] for s in samples})
        random.Random(seed).shuffle(sites)
        fold_of = {site: i % args.folds for i, site in enumerate(sites)}
        for k in range(args.folds):
            train = [s for s in samples if fold_of[s[0]] != k]
            test = [s for s in samples if fold_of[s[0]] == k]
            w, b = fit(train, names, args.l2, args.iters, fixed=fixed)
            for s in test:
                p = next(p for p in sets if s[1].startswith(p))
                held[p][0] += predict_right(w, b, s, lead)
                held[p][1] += predict_ok(w, b, s, lead)
                held[p][2] += 1
    print(f"held-out sites ({args.folds} folds, {max(1, args.seeds)} shuffles): "
          + "  ".join(f"{p[:-1]} {h[0] / max(1, h[2]):.3f}" for p, h in held.items()))
    print("  not wrong (right, or empty where no line is right): "
          + "  ".join(f"{p[:-1]} {h[1] / max(1, h[2]):.3f}" for p, h in held.items()))

    w, b = fit(samples, names, args.l2, args.iters, fixed=fixed)
    print("fitted on all:   " + "  ".join(f"{p[:-1]} {accuracy(w, b, samples, p, lead=lead)[0]:.3f}" for p in sets))
    print("  not wrong:       " + "  ".join(f"{p[:-1]} {accuracy(w, b, samples, p, predict_ok, lead)[0]:.3f}" for p in sets))
    fld = args.field
    lines = [f"{fld}.min {b:.2f}"] + [f"{fld}.{n} {w[n]:.2f}" for n in names if n not in fixed]
    was = lambda line: b0 if line.startswith(f"{fld}.min ") else w0.get(line.split()[0][len(fld) + 1:], 0.0)  # noqa: E731
    print("\n".join(f"  {line}   (was {was(line):.2f})" for line in lines))
    if args.write:
        text = LEXICON.read_text(encoding="utf-8")
        kept = [ln for ln in text.splitlines()
                if not re.match(rf"^{fld}\.[a-z_]+\s+-?[0-9.]+\s*$", ln) or ln.split()[0] in FIXED]
        out = []
        for ln in kept:
            out.append(ln)
            if ln.strip() == "[weights]":
                out.extend(lines)
        LEXICON.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"wrote {LEXICON.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
