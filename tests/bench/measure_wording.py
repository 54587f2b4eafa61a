"""Measure the wording checks (recruitment_core.wording) against the hand-labelled sentences.

Run: ``.venv/bin/python tests/bench/measure_wording.py [--file PATH ...] [--show-errors] [--timing]``

Without ``--file`` every labelled batch (``tests/recruitment_core/data/wording_labelled*.yaml``) is measured,
each on its own and per language (``batch:<file> lang:<sv|en>``), then all together.

Counting, per flag: a predicted flag is correct when an expected flag of the same sentence, not yet used,
has the same kind (and the same ground when the label gives one). Precision = correct / predicted,
recall = correct / expected; overall, per language and per kind (a kind's precision is over the flags
predicted with that kind, its recall over the flags expected with that kind), and for the first part of the
set (written before the checker) and the held-out part (written after its first version, ``holdout: true``)
on their own. Exits 0.
"""
import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from recruitment_core.wording import KINDS, check_text  # noqa: E402  pylint: disable=wrong-import-position

DATA = ROOT / "tests" / "recruitment_core" / "data"
LABELLED = DATA / "wording_labelled.yaml"


def batch_files():
    """Every labelled batch, the first one first."""
    return sorted(DATA.glob("wording_labelled*.yaml"), key=lambda p: (p != LABELLED, p.name))


def load_labelled(path=LABELLED):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["sentences"]


def match_sentence(predicted, expected):
    """Pair predicted flags with expected labels; return (list of (flag, ok)), unmatched expected labels."""
    left = list(expected)
    paired = []
    # Labels with a ground are the stricter ones: let them claim their flags first.
    for flag in sorted(predicted, key=lambda f: f["ground"] is None):
        hit = None
        for i, label in enumerate(left):
            if label["kind"] == flag["kind"] and label.get("ground") in (None, flag["ground"]):
                if hit is None or (label.get("ground") is not None and left[hit].get("ground") is None):
                    hit = i
        paired.append((flag, hit is not None))
        if hit is not None:
            left.pop(hit)
    return paired, left


def measure(sentences):
    """Counters ``{group: [correct_predicted, predicted, found_expected, expected]}`` and the error list."""
    counts = defaultdict(lambda: [0, 0, 0, 0])
    errors = []
    for item in sentences:
        flags = check_text(item["text"], item["lang"])
        expected = item.get("expect") or []
        paired, missed = match_sentence(flags, expected)
        part = "part:held-out" if item.get("holdout") else "part:first"
        groups_of = lambda kind: ("all", part, f"lang:{item['lang']}", f"kind:{kind}")  # noqa: E731, B023 (used at once)
        for flag, ok in paired:
            for group in groups_of(flag["kind"]):
                counts[group][0] += ok
                counts[group][1] += 1
            if not ok:
                errors.append(("false positive", item, flag["kind"], flag["ground"], flag["match"]))
        found = list(expected)
        for label in missed:
            found.remove(label)
            errors.append(("missed", item, label["kind"], label.get("ground"), ""))
        for label in expected:
            for group in groups_of(label["kind"]):
                counts[group][3] += 1
        for label in found:
            for group in groups_of(label["kind"]):
                counts[group][2] += 1
    return counts, errors


def ratio(numerator, denominator):
    return numerator / denominator if denominator else float("nan")


def table(counts):
    order = ["all", "part:first", "part:held-out", "lang:sv", "lang:en"] + [f"kind:{k}" for k in KINDS]
    lines = [f"{'group':<24}{'predicted':>10}{'expected':>10}{'precision':>11}{'recall':>9}"]
    for group in order:
        c = counts.get(group, [0, 0, 0, 0])
        lines.append(f"{group:<24}{c[1]:>10}{c[3]:>10}{ratio(c[0], c[1]):>11.3f}{ratio(c[2], c[3]):>9.3f}")
    return "\n".join(lines)


def timing(repeats=50):
    """Median time of check_text on a realistic 5 KB Swedish/English ad text (milliseconds)."""
    sentences = [s["text"] for s in load_labelled()]
    text = ""
    i = 0
    while len(text) < 5000:
        text += sentences[i % len(sentences)] + " "
        i += 1
    text = text[:5000]
    check_text(text, "sv")
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        check_text(text, "sv")
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="list every false positive and miss")
    parser.add_argument("--timing", action="store_true", help="also time check_text on a 5 KB text")
    parser.add_argument("--file", action="append", type=Path, help="a labelled batch (default: every batch)")
    args = parser.parse_args(argv)
    files = args.file or batch_files()
    sentences = []
    for path in files:
        batch = load_labelled(path)
        sentences.extend(batch)
        counts, _ = measure(batch)
        print(f"== {path.name}: {len(batch)} sentences, {sum(1 for s in batch if not s.get('expect'))} clean")
        for lang in ("sv", "en"):
            c = counts.get(f"lang:{lang}", [0, 0, 0, 0])
            print(f"   {lang}: precision {ratio(c[0], c[1]):.3f} ({c[0]}/{c[1]}), "
                  f"recall {ratio(c[2], c[3]):.3f} ({c[2]}/{c[3]})")
    counts, errors = measure(sentences)
    print(f"== all: {len(sentences)} labelled sentences, {sum(1 for s in sentences if not s.get('expect'))} clean")
    print(table(counts))
    if args.show_errors:
        for what, item, kind, ground, match in errors:
            print(f"{what:15} [{item['lang']}] {kind}/{ground} {match!r:30} in: {item['text']}")
    else:
        print(f"{len(errors)} errors (run with --show-errors to list them)")
    if args.timing:
        print(f"check_text on 5 KB: median {timing():.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
