#!/usr/bin/env python3
"""Scores `repwatch spikes` on NAB realTweets with NAB's own scorer (read at run time from
../shared/eval/nab; nothing from it is copied here).

usage: tools/nab_score.py [--repwatch PATH] [--nab DIR]

Runs `repwatch spikes` on every realTweets CSV under NAB_DIR/data/realTweets with the one
built-in setting, writes the detections as NAB's scorer reads them, and prints the scorer's
standard, reward_low_FP_rate and reward_low_FN_rate scores, then the published detectors'
standard scores on the same files for comparison."""
import argparse
import importlib.util
import json
import pathlib
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent
ap = argparse.ArgumentParser()
ap.add_argument("--repwatch", default=str(root / "target/release/repwatch"))
# ../shared/eval/nab from the project root (or from its parent, for a git worktree).
near = [d / "shared/eval/nab" for d in (root.parent, root.parent.parent)]
ap.add_argument("--nab", default=str(next((d for d in near if d.is_dir()), near[0])))
args = ap.parse_args()

nab = pathlib.Path(args.nab)
files = sorted(p.name for p in (nab / "data/realTweets").glob("*.csv"))
if not files:
    sys.exit(f"nab_score: no realTweets CSV files under {nab}/data/realTweets")
detections = {}
for f in files:
    run = subprocess.run([args.repwatch, "spikes", str(nab / "data/realTweets" / f)], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"nab_score: repwatch spikes {f} failed ({run.returncode}): {run.stderr.strip()}")
    detections[f] = [line for line in run.stdout.splitlines() if line.strip()]
    print(f"{f}: {len(detections[f])} alerts", file=sys.stderr)

spec = importlib.util.spec_from_file_location("nab_scorer", nab / "score.py")
scorer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scorer)
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
    json.dump(detections, out)
for profile in ("standard", "reward_low_FP_rate", "reward_low_FN_rate"):
    print(f"repwatch spikes  {profile:<20} {scorer.score(str(nab), detections, files, profile):5.1f}")
print(f"detections written to {out.name}")
published = scorer.published(str(nab), files, "standard")
for name, value in sorted(published.items(), key=lambda kv: -kv[1]):
    print(f"published        {name:<20} {value:5.1f}")
