#!/usr/bin/env python3
"""Blind rating packets for a careerquiz bank, and the tally of the answers.

    python3 docs/ratings/packet.py packet questions.toml SEED > packet.md
    python3 docs/ratings/packet.py key    questions.toml SEED > key.md
    python3 docs/ratings/packet.py tally  questions.toml SEED reader-*.txt > table.md

Any of them takes --only=ID,ID,... after SEED to rate only those questions
(a round of reworded questions); give the same list to packet, key and tally.

The packet shows every scored question without path names, weights, ids,
bases or themes: its text and its sides, labelled A/B (graded pairs, and a
statement's "agree" and "disagree") or 1..n (options), in an order drawn
from SEED, items shuffled too. The key, which readers must never see, maps
each item and label back to the question and the path it scores for. The
tally reads readers' answers, one line per item:

    7: senior A; attractive same; why ...

and prints, per question, the seniority and attractiveness votes and the
majority (more than half of the readers, and at least two, on one side;
"same" is no side); then the counts per side and, for two paths, per path
(a statement's "disagree" is the other path's side), and the questions on
which one path's side is both the more senior and the more attractive.
"""

import random
import re
import sys
import tomllib
from collections import Counter

INSTRUCTIONS = """\
# Rating packet

Below are {n} questions from a career quiz. Each offers two or more ways to
work, labelled A/B or 1..n. For a statement, A and B are agreeing and
disagreeing with it. For each item, say:

- **senior**: which side sounds more senior (A, B, an option number, or
  `same` if neither does);
- **attractive**: which side sounds more attractive to work on (likewise);
- **why**: one line.

Judge only how the sides sound, not which you would choose. Answer with one
line per item, in this form:

    7: senior A; attractive same; why: A decides, B carries it out

"""


def items(bank_file, seed, only=None):
    """The scored questions (or those named in only) as packet items, in shuffled order."""
    with open(bank_file, "rb") as f:
        bank = tomllib.load(f)
    rng = random.Random(seed)
    out = []
    for q in bank["questions"]:
        if q.get("scored", True) is False or (only and q["id"] not in only):
            continue
        kind = q.get("kind", "choice")
        if kind == "graded":
            sides = [(q["a"]["text"], q["a"]["path"]), (q["b"]["text"], q["b"]["path"])]
        elif kind == "scale":
            sides = [("Agree", q["keyed"]), ("Disagree", "not " + q["keyed"])]
        else:
            sides = [(o["text"], "+".join(sorted(o.get("weights", {}))) or "none")
                     for o in q["options"]]
        rng.shuffle(sides)
        out.append({"id": q["id"], "kind": kind, "text": q["text"], "sides": sides})
    rng.shuffle(out)
    return out


def path_ids(bank_file):
    with open(bank_file, "rb") as f:
        return [p["id"] for p in tomllib.load(f)["paths"]]


def labels(item):
    n = len(item["sides"])
    return "AB" if n == 2 else [str(i + 1) for i in range(n)]


def packet(its):
    print(INSTRUCTIONS.format(n=len(its)), end="")
    for i, it in enumerate(its, 1):
        print(f"## {i}\n")
        if it["kind"] == "scale":
            print(f"Statement: “{it['text']}”\n")
        else:
            print(f"{it['text']}\n")
            if it["kind"] == "pick-any":
                print("(Any number of these may be picked.)\n")
        for lab, (text, _) in zip(labels(it), it["sides"]):
            print(f"- **{lab}**: {text}")
        print()


def key(its):
    print("# Key to the packet (never shown to readers)\n")
    print("| item | question | kind | sides (label: path it scores for) |")
    print("|---|---|---|---|")
    for i, it in enumerate(its, 1):
        sides = ", ".join(f"{lab}: {path}" for lab, (_, path) in zip(labels(it), it["sides"]))
        print(f"| {i} | {it['id']} | {it['kind']} | {sides} |")


LINE = re.compile(r"^\s*(\d+)\s*[:.]\s*senior\s+(\S+?)\s*[;,]\s*attractive\s+(\S+?)\s*[;,]", re.I)


def tally(its, paths, files):
    votes = {i: {"senior": [], "attractive": []} for i in range(1, len(its) + 1)}
    for name in files:
        with open(name, encoding="utf-8") as f:
            for line in f:
                m = LINE.match(line)
                if m and int(m.group(1)) in votes:
                    votes[int(m.group(1))]["senior"].append(m.group(2).strip("*").upper())
                    votes[int(m.group(1))]["attractive"].append(m.group(3).strip("*").upper())
    print("| question | kind | sides (label: path) | senior votes | more senior | attractive votes | more attractive |")
    print("|---|---|---|---|---|---|---|")
    count = Counter()
    both = []
    # With two paths, disagreeing with one path's statement is the other
    # path's side: "not X" folds into it, to say whose side won.
    other = {f"not {p}": q for p, q in (paths, paths[::-1])} if len(paths) == 2 else {}
    for i, it in sorted(enumerate(its, 1), key=lambda x: x[1]["id"]):
        path = dict(zip(labels(it), (p for _, p in it["sides"])))
        row = [it["id"], it["kind"], ", ".join(f"{k}: {v}" for k, v in path.items())]
        won = []
        for aspect in ("senior", "attractive"):
            c = Counter(votes[i][aspect])
            side, n = (c.most_common(1) or [("", 0)])[0]
            # A majority: more than half of the readers who rated the item,
            # and at least two of them, on one side; "same" is no side.
            winner = path.get(side, "") if side != "SAME" and n >= 2 and 2 * n > sum(c.values()) else ""
            count[(aspect, winner or "neither")] += 1
            won.append(winner)
            row += [" ".join(f"{k}×{v}" for k, v in sorted(c.items())) or "–",
                    f"{side} ({winner})" if winner else "neither"]
        print("| " + " | ".join(row) + " |")
        if won[0] and other.get(won[0], won[0]) == other.get(won[1], won[1]):
            both.append(it["id"])
    print()
    for aspect in ("senior", "attractive"):
        print(f"- more {aspect}: " + ", ".join(f"{w} {count[(aspect, w)]}" for w in sorted({w for a, w in count if a == aspect})))
    if other:
        print()
        for aspect in ("senior", "attractive"):
            by_side = Counter()
            for (a, w), n in count.items():
                if a == aspect:
                    by_side[other.get(w, w)] += n
            print(f"- {aspect}, by whose side: " + ", ".join(f"{w} {by_side[w]}" for w in [*paths, "neither"]))
        print(f"- one path's side both more senior and more attractive: {len(both)}"
              + (f" ({', '.join(both)})" if both else ""))


def main(argv):
    cmd, bank_file, seed, rest = argv[1], argv[2], int(argv[3]), argv[4:]
    only = None
    if rest and rest[0].startswith("--only="):
        only = set(rest.pop(0)[len("--only="):].split(","))
    its = items(bank_file, seed, only)
    if only and len(its) != len(only):
        sys.exit(f"packet.py: --only names {len(only)} questions, the bank has {len(its)} of them scored")
    {"packet": lambda: packet(its), "key": lambda: key(its),
     "tally": lambda: tally(its, path_ids(bank_file), rest)}[cmd]()


if __name__ == "__main__":
    main(sys.argv)
