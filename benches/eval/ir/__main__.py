"""`PYTHONPATH=benches/eval python3 -m ir NAME OUT_DIR [--shared DIR]`: converts one
collection (time, cran, cisi, med) into OUT_DIR (docs/, topics.tsv, qrels)."""
import argparse
import os
import sys

from . import CONVERTERS, ROOT
from .common import write_collection


def main():
    ap = argparse.ArgumentParser(prog="python3 -m ir", description=__doc__.splitlines()[0])
    ap.add_argument("name", choices=sorted(CONVERTERS))
    ap.add_argument("out")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    if os.path.abspath(args.out).startswith(os.path.abspath(ROOT) + os.sep):
        sys.exit("refusing to write corpus text inside the repository")
    coll = CONVERTERS[args.name](args.shared)
    docs, topics, qrels = write_collection(coll, args.out)
    print(f"{args.name}: {docs} ({len(coll.docs)} files), {topics}, {qrels}")
    for n in coll.notes:
        print(f"  {n}")


if __name__ == "__main__":
    main()
