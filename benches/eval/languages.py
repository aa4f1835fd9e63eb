#!/usr/bin/env python3
"""Language detection and per-language search on a mixed archive built from the corpora.

    python3 benches/eval/languages.py [--bin target/debug/newsdex] [--shared ../shared]
        [--work /tmp/newsdex-languages]

The archive (plain-text files: title, blank line, body):
- BBC News, every article (English);
- 10k GNAD's test set (German; the first sentence as title);
- AG News, the first 1,000 test items (English);
- the article-extraction-benchmark pages that declare `<html lang>` (English, Russian,
  Portuguese, Korean, Japanese, Italian, German, Indonesian), as their gold body text;
- fixtures/: the French articles of the demo archive, and short Chinese and French items
  written for this check (`WRITTEN`; the corpora hold no Chinese and little French).
The declared `lang` of a few benchmark pages is not the language of their text (a German
article on a page declared `en`): those count as errors here all the same.

Gold is the corpus's language (the page's `lang` for the benchmark). Scored: the
`language` that `newsdex extract --format jsonl` gives each article whose body is over 200
characters, per source and overall (bar 0.98). Then the archive is indexed and searched:
German inflections meet (`Regierung` and `Regierungen` find the same German articles) and
a German query's snippets mark the German word; an English query still finds English
articles by their English stems.

Exit 0 when every bar is met (or the corpora are absent: SKIPPED), 1 otherwise.
"""

import argparse
import csv
import gzip
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Gold codes as newsdex writes them: ISO 639-1 where newsdex has an analysis, 639-3 else.
AS_NEWSDEX = {"id": "ind", "pl": "pol", "cs": "ces", "uk": "ukr", "he": "heb", "hi": "hin"}


# Short news items written for this check (the corpora hold no Chinese and little French).
WRITTEN = {
    "zh": [
        ("上海港集装箱吞吐量创新高", "上海港务集团周一公布，今年前十个月集装箱吞吐量同比增长百分之八，创下历史新高。集团负责人表示，新开通的国际航线和自动化码头提高了装卸效率，预计全年吞吐量将继续保持增长。分析人士认为，外贸需求回暖是主要原因。"),
        ("暴雨导致多地航班延误", "受强降雨影响，南方多个城市的机场周三出现大面积航班延误和取消。气象部门发布暴雨橙色预警，提醒市民减少外出。铁路部门也临时调整了部分列车的运行时间，旅客可通过官方网站查询最新信息。"),
        ("新能源汽车销量持续增长", "中国汽车工业协会发布数据显示，上个月新能源汽车销量达到八十万辆，同比增长三成以上。业内人士指出，充电设施不断完善和购车补贴政策推动了市场需求，多家车企计划在明年推出更多新车型。"),
        ("大学生就业形势总体稳定", "教育部表示，今年高校毕业生就业形势总体稳定，各地通过举办招聘会和提供创业扶持等方式帮助毕业生找到工作。部分行业对技术人才需求旺盛，专家建议学生提前规划职业方向，提升实践能力。"),
    ],
    "fr": [
        ("Grève dans les transports parisiens", "Les syndicats de la RATP ont appelé à une grève reconductible à partir de jeudi pour protester contre la réforme des retraites. La direction prévoit un trafic très perturbé sur la plupart des lignes de métro et conseille aux voyageurs de reporter leurs déplacements."),
        ("Le prix du blé en forte hausse", "Le prix du blé a atteint son plus haut niveau depuis deux ans sur le marché européen, en raison de la sécheresse qui touche plusieurs régions productrices. Les agriculteurs s'inquiètent de la baisse des rendements, tandis que les meuniers craignent une hausse du prix du pain."),
        ("Un nouveau musée ouvre ses portes à Lyon", "Consacré à l'histoire de l'imprimerie, le musée a été inauguré samedi en présence du maire et de nombreux habitants. Les visiteurs peuvent y découvrir des presses anciennes et assister à des ateliers de typographie organisés chaque week-end par des bénévoles."),
    ],
}


def write(path, title, body):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write((title or "").strip() + "\n\n" + body.strip() + "\n")


def build(shared, work):
    arch = os.path.join(work, "archive")
    shutil.rmtree(arch, ignore_errors=True)
    gold = {}
    bbc = os.path.join(shared, "corpora", "bbc-news", "bbc")
    for d, _, fs in os.walk(bbc):
        for f in sorted(fs):
            if f.endswith(".txt"):
                rel = os.path.join("bbc", os.path.relpath(os.path.join(d, f), bbc))
                os.makedirs(os.path.dirname(os.path.join(arch, rel)), exist_ok=True)
                shutil.copyfile(os.path.join(d, f), os.path.join(arch, rel))
                gold[rel] = ("bbc", "en")
    gnad = os.path.join(shared, "corpora", "10kgnad-german", "test.csv")
    with open(gnad, encoding="utf-8") as f:
        for i, (cat, text) in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            rel = f"gnad/{cat}/{i:05d}.txt"
            write(os.path.join(arch, rel), text.split(". ")[0][:120], text)
            gold[rel] = ("gnad", "de")
    ag = os.path.join(shared, "corpora", "ag-news", "test.csv")
    if os.path.exists(ag):
        with open(ag, encoding="utf-8") as f:
            for i, row in enumerate(csv.reader(f)):
                if i >= 1000:
                    break
                if len(row) >= 3:
                    rel = f"ag/{i:05d}.txt"
                    write(os.path.join(arch, rel), row[1], row[2])
                    gold[rel] = ("ag-news", "en")
    bench = os.path.join(shared, "corpora", "article-extraction-benchmark")
    truth = json.load(open(os.path.join(bench, "ground-truth.json"), encoding="utf-8"))
    for name, t in sorted(truth.items()):
        path = os.path.join(bench, "html", name + ".html.gz")
        if not os.path.exists(path):
            continue
        head = gzip.decompress(open(path, "rb").read())[:5000]
        m = re.search(rb"<html[^>]*\blang=[\"']?([A-Za-z]{2})", head, re.I)
        body = t.get("articleBody") or ""
        if not m or not body:
            continue
        code = m.group(1).decode().lower()
        rel = f"pages/{name[:16]}.txt"
        write(os.path.join(arch, rel), "", body)
        gold[rel] = ("pages", AS_NEWSDEX.get(code, code))
    for rel, code in (("layouts/french.txt", "fr"), ("html/microdata-latin1.html", "fr")):
        src = os.path.join(ROOT, "fixtures", rel)
        if os.path.exists(src):
            dst = os.path.join(arch, "fixtures", rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(src, dst)
            gold[os.path.join("fixtures", rel)] = ("fixtures", code)
    for code, items in WRITTEN.items():
        for i, (title, body) in enumerate(items):
            rel = f"written/{code}/{i}.txt"
            write(os.path.join(arch, rel), title, body)
            gold[rel] = ("written", code)
    for d, _, fs in os.walk(os.path.join(ROOT, "fixtures")):
        for f in fs:
            p = os.path.join(d, f)
            try:
                text = open(p, encoding="utf-8").read()
            except (UnicodeDecodeError, OSError):
                continue
            if sum(1 for c in text if "\u4e00" <= c <= "\u9fff") > 50:
                rel = os.path.join("fixtures", os.path.relpath(p, os.path.join(ROOT, "fixtures")))
                dst = os.path.join(arch, rel)
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copyfile(p, dst)
                gold[rel] = ("fixtures", "zh")
    return arch, gold


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/debug/newsdex"))
    ap.add_argument("--shared", default=os.environ.get("NEWSDEX_SHARED", os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--work", default="/tmp/newsdex-languages")
    a = ap.parse_args()
    need = [os.path.join(a.shared, "corpora", p) for p in ("bbc-news", "10kgnad-german", "article-extraction-benchmark")]
    if not all(os.path.isdir(p) for p in need):
        print(f"SKIPPED: languages.py needs {', '.join(need)}")
        return 0
    os.makedirs(a.work, exist_ok=True)
    arch, gold = build(a.shared, a.work)
    rels = sorted(gold)
    got = {}
    for i in range(0, len(rels), 500):
        r = subprocess.run([a.bin, "extract", "--format", "jsonl", *[os.path.join(arch, x) for x in rels[i:i + 500]]],
                           capture_output=True)
        for line in r.stdout.decode("utf-8", "replace").splitlines():
            art = json.loads(line)
            rel = os.path.relpath(art["path"], arch) if os.path.isabs(art["path"]) else art["path"]
            for cand in (rel, art["path"]):
                if cand in gold:
                    got[cand] = (art["language"], len(art["body"]))
    per = {}
    wrong = []
    for rel, (source, code) in gold.items():
        lang, n = got.get(rel, (None, 0))
        if n <= 200:
            continue
        ok = lang == code
        s = per.setdefault(source, [0, 0])
        s[0] += ok
        s[1] += 1
        if not ok:
            wrong.append((rel, code, lang))
    total_ok = sum(v[0] for v in per.values())
    total = sum(v[1] for v in per.values())
    print(f"Languages of a mixed archive ({total} articles over 200 characters); command: newsdex extract --format jsonl")
    for source, (ok, n) in sorted(per.items()):
        print(f"  {source:10} {ok}/{n} = {ok / n:.3f}")
    accuracy = total_ok / total if total else 0.0
    for rel, code, lang in wrong[:15]:
        print(f"    {rel}: gold {code}, newsdex {lang}")
    checks = [("language accuracy", accuracy >= 0.98, f"{accuracy:.4f} (bar 0.98)")]

    idx = os.path.join(a.work, "index")
    shutil.rmtree(idx, ignore_errors=True)
    subprocess.run([a.bin, "index", "-q", arch, "--index", idx], check=True)

    def search(q, *extra):
        r = subprocess.run([a.bin, "search", q, "--index", idx, "--format", "json", "-n", "1000", *extra],
                           capture_output=True)
        return json.loads(r.stdout or b'{"hits": [], "total_hits": 0}')

    sing, plur = search("Regierung", "--lang", "de"), search("Regierungen", "--lang", "de")
    same = {h["id"] for h in sing["hits"]} == {h["id"] for h in plur["hits"]} and sing["total_hits"] > 20
    checks.append(("German inflections meet", same,
                   f"Regierung {sing['total_hits']}, Regierungen {plur['total_hits']} German articles"))
    hits = search("Regierungen", "--lang", "de")["hits"][:20]
    marked = 0
    for h in hits:
        text = list(h["snippet"]["text"])
        words = ["".join(text[x:y]).lower() for x, y in h["snippet"]["highlights"]]
        marked += any(w.startswith("regierung") for w in words)
    checks.append(("German snippets marked", hits and marked == len(hits), f"{marked}/{len(hits)} snippets mark a form of Regierung"))
    zh_detected = sum(got.get(f"written/zh/{i}.txt", ("", 0))[0] == "zh" for i in range(len(WRITTEN["zh"])))
    checks.append(("Chinese detected (short items)", zh_detected == len(WRITTEN["zh"]),
                   f"{zh_detected}/{len(WRITTEN['zh'])}"))
    zh = search("吞吐量")
    zh_ok = [h["path"] for h in zh["hits"]] == ["written/zh/0.txt"] and zh["hits"][0]["snippet"]["highlights"]
    checks.append(("Chinese word inside a sentence", bool(zh_ok), f"吞吐量: {[h['path'] for h in zh['hits']]}"))
    en = search("elections", "--lang", "en")
    checks.append(("English stems", en["total_hits"] > 50, f"elections: {en['total_hits']} English articles"))
    ok_all = True
    for name, ok, detail in checks:
        ok_all &= bool(ok)
        print(f"  {'ok  ' if ok else 'FAIL'} {name}: {detail}")
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
