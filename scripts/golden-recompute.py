#!/usr/bin/env python3
"""
An independent recomputation of the golden figures of scoring/golden.test.ts, written apart from
the TypeScript engine: Python, exact fractions (fractions.Fraction), decimal rounding written out.

It reads the v1 definition (forms/definitions/zeeland-quickscan/1.0.0.json) and the three example
scans (docs/examples/*.quickscan.json) and recomputes, from the rules in docs/contracts.md:
  - per theme: points, maximum, score truncated to one decimal, applicable/answered/n.a./unanswered;
  - the weighted total (exact fraction and its one-decimal truncation);
  - the design's cost (low, mid, high in cents; per m² amounts rounded once, half away from zero;
    mid = (low + high) / 2, half away from zero);
  - the budget frontier on mid costs: its size and the (total, mid cost) of its first and last
    point, by an exact dynamic programme over themes (every level of every free question,
    locked questions kept, not-applicable answers kept);
  - the best plan within the project's circular budget: total and mid cost.
Plans that tie on cost and total may differ in which questions they change; the figures compared
here do not depend on that choice.

Writes scoring/test-support/golden-recomputed.json; scoring/golden.test.ts checks its literal
figures against that file, so a change to either side shows. Run: python3 scripts/golden-recompute.py
"""
import json
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ['new-build-school-goes', 'renovation-office-middelburg', 'holiday-park-veere-na']


def half_away(num, den):
    """num / den (den > 0) rounded half away from zero, integers only."""
    q, r = divmod(abs(num), den)
    if 2 * r >= den:
        q += 1
    return q if num >= 0 else -q


def truncate1(x):
    """A fraction on 0-1 as a percentage truncated to one decimal (41.25 -> 41.2)."""
    tenths = (x * 1000).numerator // (x * 1000).denominator
    return tenths / 10


def hundredths(eur):
    return int(round(Fraction(str(eur)) * 100))


def bound_cents(basis, eur, gfa_h):
    h = hundredths(eur)
    return h if basis == 'lump_sum' else half_away(h * gfa_h, 100)


def level_cost(cost, gfa_h):
    return bound_cents(cost['basis'], cost['low'], gfa_h), bound_cents(cost['basis'], cost['high'], gfa_h)


def recompute(definition, scan_file):
    project = scan_file['project']
    scan = scan_file['scan']
    answers = scan['answers']
    locked = set(scan.get('locked') or [])
    gfa_h = hundredths(project['gfaM2'])
    overrides = {(o['question'], o['level']): o['cost'] for o in scan.get('costOverrides') or []}
    weights = {t['id']: t['weight'] for t in definition['themes']}

    def cost_of(q, level):
        return level_cost(overrides.get((q['id'], level['id']), level['cost']), gfa_h)

    themes = []
    options = {}  # theme -> list of per-question options [(points, low, high)]
    maxima = {}
    points_now = {}
    low_now = high_now = 0
    for t in definition['themes']:
        qs = [q for q in definition['questions'] if q['theme'] == t['id']]
        applicable = answered = na = unanswered = 0
        pts = mx = 0
        per_question = []
        for q in qs:
            a = answers.get(q['id'])
            if project['kind'] not in q['appliesTo'] or (a and a.get('notApplicable')):
                na += 1
                continue
            applicable += 1
            mx += max(level['points'] for level in q['levels'])
            current = next((level for level in q['levels'] if a and level['id'] == a.get('level')), None)
            if current is not None:
                answered += 1
                pts += current['points']
                lo, hi = cost_of(q, current)
                low_now += lo
                high_now += hi
            else:
                unanswered += 1
            if q['id'] in locked:
                per_question.append([(current['points'], *cost_of(q, current)) if current else (0, 0, 0)])
            else:
                per_question.append([(level['points'], *cost_of(q, level)) for level in q['levels']])
        score = Fraction(pts, mx) if mx else None
        themes.append([t['id'], pts, mx, truncate1(score) if score is not None else None, applicable, answered, na, unanswered])
        options[t['id']] = per_question
        maxima[t['id']] = mx
        points_now[t['id']] = pts
    scored = [t for t in weights if maxima[t] > 0]
    w_sum = sum(weights[t] for t in scored)
    total = sum(Fraction(weights[t] * points_now[t], maxima[t]) for t in scored) / w_sum

    # Frontier on mid cost: for every reachable (points per theme) combination keep the cheapest
    # half-cost (low + high); then combine themes, keeping for each exact total the cheapest cost.
    def theme_table(per_question):
        table = {0: 0}  # points -> cheapest half-cost
        for opts in per_question:
            nxt = {}
            for p, c in table.items():
                for (qp, lo, hi) in opts:
                    key, val = p + qp, c + lo + hi
                    if key not in nxt or val < nxt[key]:
                        nxt[key] = val
            table = nxt
        return table

    combined = {Fraction(0): 0}  # total -> cheapest half-cost
    for t in scored:
        table = theme_table(options[t])
        nxt = {}
        for tot, c in combined.items():
            for p, tc in table.items():
                key = tot + Fraction(weights[t] * p, maxima[t] * w_sum)
                val = c + tc
                if key not in nxt or val < nxt[key]:
                    nxt[key] = val
        # keep only the Pareto points (a higher total must cost strictly more)
        pareto = {}
        best = None
        for key in sorted(nxt, reverse=True):
            if best is None or nxt[key] < best:
                best = nxt[key]
                pareto[key] = nxt[key]
        combined = pareto
    frontier = sorted(combined.items(), key=lambda kv: kv[1])

    def mid(half):
        return half_away(half, 2)

    budget = project.get('circularBudget')
    if budget['mode'] == 'pct':
        budget_cents = half_away(hundredths(project['constructionBudgetEur']) * int(round(Fraction(str(budget['pct'])) * 100)), 10000)
    else:
        budget_cents = hundredths(budget['amountEur'])
    within = [kv for kv in frontier if kv[1] <= 2 * budget_cents]
    best_total, best_half = within[-1]

    frac = lambda f: [f.numerator, f.denominator]
    return {
        'themes': themes,
        'total': {'exact': frac(total), 'display': truncate1(total)},
        'cost': {'lowCents': low_now, 'midCents': half_away(low_now + high_now, 2), 'highCents': high_now},
        'frontier': {
            'size': len(frontier),
            'first': [frac(frontier[0][0]), mid(frontier[0][1])],
            'last': [frac(frontier[-1][0]), mid(frontier[-1][1])],
        },
        'best': {'budgetCents': budget_cents, 'total': frac(best_total), 'midCents': mid(best_half)},
    }


def main():
    definition = json.loads((ROOT / 'forms/definitions/zeeland-quickscan/1.0.0.json').read_text('utf8'))
    out = {}
    for name in EXAMPLES:
        scan_file = json.loads((ROOT / f'docs/examples/{name}.quickscan.json').read_text('utf8'))
        out[name] = recompute(definition, scan_file)
    target = ROOT / 'scoring/test-support/golden-recomputed.json'
    target.write_text(json.dumps(out, indent=2, ensure_ascii=False) + '\n', 'utf8')
    print(f'wrote {target.relative_to(ROOT)}')


if __name__ == '__main__':
    main()
