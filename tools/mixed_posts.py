#!/usr/bin/env python3
"""Writes a file of mixed-language posts (contract.md §1 Mention lines) built at run time from
the labelled sets in ../shared/eval, for measuring `repwatch score` and VADER on the same
texts. The data stays outside the repository: write the file to /tmp.

Every dev set is read, shuffled with a fixed seed, and cut to N posts; two posts in three
keep their `lang`, the third goes without, so that language detection is measured too.

    python3 tools/mixed_posts.py ../shared/eval /tmp/mixed.jsonl [N]
"""
import json
import random
import sys
from pathlib import Path


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
    rows = []
    for dev in sorted(root.glob("*/dev.jsonl")):
        with open(dev, encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    random.seed(1)
    random.shuffle(rows)
    with open(out, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows[:n]):
            post = {"source": "x", "id": str(r["id"]), "text": r["text"], "created_at": "2026-11-23T10:00:00Z"}
            if i % 3:
                post["lang"] = r["lang"]
            f.write(json.dumps(post, ensure_ascii=False) + "\n")
    print(f"wrote {min(n, len(rows))} posts to {out}")


if __name__ == "__main__":
    main()
