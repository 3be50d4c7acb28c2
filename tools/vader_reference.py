#!/usr/bin/env python3
"""VADER (Python) on the same JSON Lines as `repwatch score`/`repwatch eval`: its speed on one
core, and, when the lines are labelled, its 3-class (or complaint) macro F1, as the reference
repwatch's scorer is measured against. Needs `pip install vaderSentiment`; reads the data at
run time only.

    python3 tools/vader_reference.py FILE.jsonl [--task sentiment|complaints] [--end-to-end]

With --end-to-end the time also takes in reading and parsing the lines and writing one JSON
line per post (to /dev/null), as `repwatch score` does.
"""
import json
import os
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def macro_f1(pairs, classes):
    f1s = []
    for c in classes:
        tp = sum(1 for l, d in pairs if l == c and d == c)
        pred = sum(1 for _, d in pairs if d == c)
        sup = sum(1 for l, _ in pairs if l == c)
        p = tp / pred if pred else 0.0
        r = tp / sup if sup else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    return sum(f1s) / len(f1s)


def main():
    args = sys.argv[1:]
    task = "sentiment"
    if "--task" in args:
        i = args.index("--task")
        task = args[i + 1]
        del args[i : i + 2]
    end_to_end = "--end-to-end" in args
    if end_to_end:
        args.remove("--end-to-end")
    analyzer = SentimentIntensityAnalyzer()
    if end_to_end:
        start, cpu = time.perf_counter(), time.process_time()
        rows, scores = [], []
        with open(args[0], encoding="utf-8") as lines, open(os.devnull, "w") as out:
            for line in lines:
                if not line.strip():
                    continue
                r = json.loads(line)
                compound = analyzer.polarity_scores(r["text"])["compound"]
                out.write(json.dumps({"id": r.get("id"), "sentiment": compound}) + "\n")
                rows.append(r)
                scores.append(compound)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    else:
        rows = [json.loads(line) for line in open(args[0], encoding="utf-8") if line.strip()]
        start, cpu = time.perf_counter(), time.process_time()
        scores = [analyzer.polarity_scores(r["text"])["compound"] for r in rows]
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    # CPU time is the figure to compare on a shared machine; wall time is printed beside it.
    print(
        f"vader{' end to end' if end_to_end else ''}: {len(rows)} posts in {cpu:.2f} s of CPU ({elapsed:.2f} s wall): "
        f"{len(rows) / cpu:.0f} posts/s per core of CPU time"
    )
    labelled = [(r.get("label"), s) for r, s in zip(rows, scores) if r.get("label")]
    if not labelled:
        return
    if task == "complaints":
        pairs = [(l, "complaint" if s <= -0.05 else "not_complaint") for l, s in labelled]
        print(f"vader complaints (compound <= -0.05): macro F1 {macro_f1(pairs, ['complaint', 'not_complaint']):.3f}")
    else:
        decide = lambda s: "negative" if s <= -0.05 else "positive" if s >= 0.05 else "neutral"
        pairs = [(l, decide(s)) for l, s in labelled if l in ("negative", "neutral", "positive")]
        print(f"vader sentiment (±0.05): macro F1 {macro_f1(pairs, ['negative', 'neutral', 'positive']):.3f}")


if __name__ == "__main__":
    main()
