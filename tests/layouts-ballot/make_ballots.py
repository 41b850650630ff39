#!/usr/bin/python3
"""Writes the ballot corpus for issue 12 (述职评议 / 民主测评 / 群众评议): workbooks laid out the way
offices type their ballots, each as a correct version and a flawed twin, plus expectations.json.

Run with Debian's python (openpyxl, xlsxwriter, pandas):
    /usr/bin/python3 tests/layouts-ballot/make_ballots.py <out-dir>

The ballots are generated here as data first (who ticked what on which ballot, seeded); the
workbooks are drawn from that data by three producers (openpyxl, xlsxwriter, pandas), and the
expected tallies and findings are computed here from the same data by the rules of
/tmp/team/BALLOT-SPEC.md (never from the engine). Rates are computed with exact fractions.
"""
import json
import os
import random
import sys
from dataclasses import dataclass, field
from fractions import Fraction

import openpyxl
import pandas as pd
import xlsxwriter
from openpyxl.utils import get_column_letter

C4 = ['好', '较好', '一般', '差']
C3 = ['满意', '基本满意', '不满意']
DEFAULT_ITEMS = ['对党建工作重视程度', '党建工作成效', '问题查摆到位情况', '廉政勤政', '总体评价']
VIRTUE_ITEMS = ['德', '能', '勤', '绩', '廉', '总体评价']
SEVERITY = {
    'ballot.multiple-marks': 'warning', 'ballot.blank-item': 'warning', 'ballot.blank': 'warning',
    'ballot.invalid-mark': 'error', 'ballot.count-exceeds': 'error', 'ballot.person-missing': 'warning',
    'ballot.tally-mismatch': 'error',
    # not in the spec's table: the engine's id for its "error message for the run" (a sheet in no group)
    'ballot.group-unmatched': 'error',
}
WORST_SHARE = Fraction(1, 3)


def addr(r, c):
    return f'{get_column_letter(c)}{r}'


# ---------------------------------------------------------------------------------------------
# Producers: the same drawing calls on openpyxl and xlsxwriter (pandas writes the entry sheets)
# ---------------------------------------------------------------------------------------------

class OpenpyxlBook:
    def __init__(self, path):
        self.path = path
        self.wb = openpyxl.Workbook()
        self.fresh = True

    def sheet(self, name):
        if self.fresh:
            ws = self.wb.active
            ws.title = name
            self.fresh = False
        else:
            ws = self.wb.create_sheet(name)
        return OpenpyxlSheet(ws)

    def close(self):
        self.wb.save(self.path)


class OpenpyxlSheet:
    def __init__(self, ws):
        self.ws = ws

    def put(self, r, c, v):
        if v is not None:
            self.ws.cell(row=r, column=c, value=v)

    def merge(self, r1, c1, r2, c2, v):
        self.put(r1, c1, v)
        if (r1, c1) != (r2, c2):
            self.ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


class XlsxwriterBook:
    def __init__(self, path):
        self.wb = xlsxwriter.Workbook(path)
        self.center = self.wb.add_format({'align': 'center', 'valign': 'vcenter', 'border': 1})

    def sheet(self, name):
        return XlsxwriterSheet(self.wb.add_worksheet(name), self.center)

    def close(self):
        self.wb.close()


class XlsxwriterSheet:
    def __init__(self, ws, fmt):
        self.ws = ws
        self.fmt = fmt

    def put(self, r, c, v):
        if v is None:
            return
        if isinstance(v, str):
            self.ws.write_string(r - 1, c - 1, v, self.fmt)
        else:
            self.ws.write_number(r - 1, c - 1, v, self.fmt)

    def merge(self, r1, c1, r2, c2, v):
        if (r1, c1) == (r2, c2):
            self.put(r1, c1, v)
        else:
            self.ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, v, self.fmt)


# ---------------------------------------------------------------------------------------------
# The data: persons, ballots, and what each ballot holds for each person and item
# ---------------------------------------------------------------------------------------------

@dataclass
class Person:
    name: str
    unit: str
    post: str = ''

    @property
    def key(self):
        return (self.name, self.unit)


# An entry is ('ok', choice) | ('blank',) | ('multi', (c1, c2)) | ('invalid', text, column choice)
@dataclass
class Ballot:
    file: str
    sheet: str
    no: int
    group: str = None
    rows: list = field(default_factory=list)  # [(Person, {item: entry})]
    cells: dict = field(default_factory=dict)  # filled by the drawing: where things are


UNITS = ['城关镇党委', '沙镇镇党委', '侯营镇党委', '于集镇党委', '郑家镇党委', '梁水镇镇党委', '张炉集镇党委',
         '斗虎屯镇党委', '堂邑镇党委', '许营镇党委', '道口铺街道党工委', '古楼街道党工委', '新区街道党工委', '县教育局党组']
NAMES = ['王伟', '李秀英', '张建国', '刘志强', '陈丽娟', '杨海燕', '赵永红', '黄立新', '周德胜', '吴学成',
         '徐振东', '孙俊峰', '胡秋菊', '朱宝山', '高长福', '林瑞芝', '何庆云', '郭广田']
POSTS = ['党委书记', '党工委书记', '党组书记']


def persons(n, twins=False):
    """n persons; with twins, two 王伟 in different units (two persons)."""
    out = []
    for i in range(n):
        out.append(Person(NAMES[i], UNITS[i], POSTS[1] if '街道' in UNITS[i] else POSTS[2] if '党组' in UNITS[i] else POSTS[0]))
    if twins:
        out[n // 2] = Person('王伟', UNITS[n // 2], out[n // 2].post)
    return out


PROFILES4 = [[70, 20, 8, 2], [40, 40, 15, 5], [20, 35, 35, 10], [10, 20, 40, 30], [5, 15, 35, 45]]
PROFILES3 = [[75, 20, 5], [35, 50, 15], [15, 35, 50]]


def draw(rng, profile):
    return rng.choices(range(len(profile)), weights=profile)[0]


def fill(rng, ballots, people, items, nchoices, profile_of=None):
    profiles = PROFILES4 if nchoices == 4 else PROFILES3
    prof = profile_of or {p.key: profiles[i % len(profiles)] for i, p in enumerate(people)}
    for b in ballots:
        b.rows = [(p, {it: ('ok', draw(rng, prof[p.key])) for it in items}) for p in people]


def row_of(b, name, unit=None):
    for p, ent in b.rows:
        if p.name == name and (unit is None or p.unit == unit):
            return ent
    raise KeyError(name)


# ---------------------------------------------------------------------------------------------
# The spec's tally (exact fractions)
# ---------------------------------------------------------------------------------------------

def shares(parts, choices):
    """parts: [(weight, {choice index: count})]; the groups with valid marks, renormalised."""
    parts = [(w, c) for w, c in parts if sum(c.values()) > 0]
    if not parts:
        return None
    total_w = sum(w for w, _ in parts)
    return [sum(w * Fraction(c.get(i, 0), sum(c.values())) for w, c in parts) / total_w for i in range(len(choices))]


def grade_of(sh, choices, rule=None):
    """The spec's grade rule; rule: settings ballot.gradeRule ({worstShare, tie}), else the default."""
    rule = rule or {}
    if sh is None:
        return None
    if sh[-1] >= Fraction(str(rule.get('worstShare', WORST_SHARE))):
        return len(choices) - 1
    top = max(sh)
    tied = [i for i, s in enumerate(sh) if s == top]
    return min(tied) if rule.get('tie') == 'higher' else max(tied)  # default: a tie goes to the lower (worse) choice


def interview_grades(choices):
    return {2, 3} if len(choices) == 4 else {2}


def tally(ballots, items, choices, grade_item, groups, present, rule=None, interview=None):
    """The `ballot` object of the JSON report, as the spec defines it, from the ballots."""
    order, seen = [], set()
    for b in ballots:
        for p, _ in b.rows:
            if p.key not in seen:
                seen.add(p.key)
                order.append(p)
    gnames = [g['name'] for g in groups] if groups else [None]
    weight = {g['name']: Fraction(str(g['weight'])) for g in groups} if groups else {None: Fraction(1)}
    counts = {p.key: {g: {it: {} for it in items} for g in gnames} for p in order}
    nballots = {p.key: 0 for p in order}
    blank = 0
    for b in ballots:
        if all(e[0] == 'blank' for _, ent in b.rows for e in ent.values()):
            blank += 1
        for p, ent in b.rows:
            valid = False
            for it in items:
                e = ent[it]
                if e[0] == 'ok':
                    c = counts[p.key][b.group][it]
                    c[e[1]] = c.get(e[1], 0) + 1
                    valid = True
            if valid:
                nballots[p.key] += 1

    def person_shares(key, its):
        parts = []
        for g in gnames:
            pooled = {}
            for it in its:
                for ci, n in counts[key][g][it].items():
                    pooled[ci] = pooled.get(ci, 0) + n
            parts.append((weight[g], pooled))
        return shares(parts, choices)

    grade_items = [grade_item] if grade_item else items
    low = {choices.index(g) for g in interview} if interview else interview_grades(choices)
    out, exact = [], []
    for i, p in enumerate(order):
        sh = person_shares(p.key, grade_items)
        g = grade_of(sh, choices, rule)
        interviewed = g is not None and g in low
        down = []
        for it in items:
            ish = person_shares(p.key, [it])
            ig = grade_of(ish, choices, rule)
            worst = Fraction(str((rule or {}).get('worstShare', WORST_SHARE)))
            if ish is not None and (ig in low or ish[-1] >= worst):
                down.append(it)
        merged = {it: {ch: sum(counts[p.key][g][it].get(ci, 0) for g in gnames) for ci, ch in enumerate(choices)} for it in items}
        rec = {
            'person': p.name, 'unit': p.unit, 'ballots': nballots[p.key], 'counts': merged,
            'goodRate': None if sh is None else float(sh[0]),
            'goodOrBetterRate': None if sh is None else float(sh[0] + sh[1]),
            'grade': None if g is None else choices[g], 'rank': None, 'interview': interviewed,
            'downItems': down if interviewed else None,
        }
        out.append(rec)
        exact.append((i, sh))
    graded = sorted([(i, sh) for i, sh in exact if sh is not None], key=lambda x: (-x[1][0], -(x[1][0] + x[1][1]), x[0]))
    for pos, (i, sh) in enumerate(graded):
        prev = graded[pos - 1][1] if pos else None
        out[i]['rank'] = out[graded[pos - 1][0]]['rank'] if prev is not None and prev[0] == sh[0] and prev[0] + prev[1] == sh[0] + sh[1] else pos + 1
    ordered = [out[i] for i, _ in graded] + [out[i] for i, sh in exact if sh is None]
    group_list = None
    if groups:
        group_list = [{'name': g['name'], 'weight': g['weight'], 'ballots': sum(1 for b in ballots if b.group == g['name'])} for g in groups]
    return {
        'items': items, 'choices': choices, 'gradeItem': grade_item, 'present': present,
        'cast': len(ballots), 'blank': blank, 'groups': group_list, 'persons': ordered,
    }, exact


def guard_weighted(exact, choices, what):
    """With weights the engine adds floats: no comparison the grade or rank depends on may be an
    exact tie there (it would be decided by rounding). Unweighted ties are exact and kept."""
    for _, sh in exact:
        if sh is None:
            continue
        if sh[-1] == WORST_SHARE or sorted(sh)[-1] == sorted(sh)[-2]:
            raise ValueError(f'{what}: a weighted share ties')
    keys = [(sh[0], sh[0] + sh[1]) for _, sh in exact if sh is not None]
    if len(set(k[0] for k in keys)) != len(keys):
        raise ValueError(f'{what}: two weighted good rates tie')


# ---------------------------------------------------------------------------------------------
# The spec's findings, from the ballots and where the drawing put them
# ---------------------------------------------------------------------------------------------

def finding(rule, b, cells, note, mentions=(), sheets=()):
    """A planted mistake; `sheets`: other sheets its cell may be on, where the spec does not say which."""
    return {'rule': rule, 'file': b.file if b else None, 'sheet': b.sheet if b else None, 'cells': cells, 'note': note,
            'mentions': list(mentions), 'sheets': list(sheets)}


def expected_findings(ballots, items, roster=()):
    out = []
    by_file = {}
    for b in ballots:
        by_file.setdefault(b.file, []).append(b)
    ballots = [b for b in ballots if b.cells]  # a tally alone: the ballots behind it are not drawn
    for b in ballots:
        cm = b.cells
        if all(e[0] == 'blank' for _, ent in b.rows for e in ent.values()):
            out.append(finding('ballot.blank', b, [cm['firstItem']], f'ballot {b.no} wholly blank (废票)'))
            continue
        for p, ent in b.rows:
            where = cm['items'][p.key]
            if all(e[0] == 'blank' for e in ent.values()):
                out.append(finding('ballot.blank-item', b, [where[items[0]][0]], f'ballot {b.no}: {p.name} 整行未填', [p.name]))
                continue
            for it in items:
                e = ent[it]
                if e[0] == 'blank':
                    out.append(finding('ballot.blank-item', b, where[it][:1], f'ballot {b.no}: {p.name} {it} blank', [p.name, it]))
                elif e[0] == 'multi':
                    out.append(finding('ballot.multiple-marks', b, [where[it][min(e[1])]], f'ballot {b.no}: {p.name} {it} two marks', [p.name, it]))
                elif e[0] == 'invalid':
                    col = e[2] if len(where[it]) > 1 else 0
                    out.append(finding('ballot.invalid-mark', b, [where[it][col]], f'ballot {b.no}: {p.name} {it} {e[1]!r}', [p.name, it]))
    for file, bs in by_file.items():
        everyone, seen = list(roster), {p.key for p in roster}
        for b in bs:
            for p, _ in b.rows:
                if p.key not in seen:
                    seen.add(p.key)
                    everyone.append(p)
        for b in bs:
            on = {p.key for p, _ in b.rows}
            for p in everyone:
                if p.key not in on:
                    out.append(finding('ballot.person-missing', b, b.cells['header'], f'ballot {b.no}: {p.name} ({p.unit}) missing', [p.name]))
    return out


# ---------------------------------------------------------------------------------------------
# Drawing the layouts
# ---------------------------------------------------------------------------------------------

def tick(symbols):
    return lambda rng, ci, choices: rng.choice(symbols)


def word(rng, ci, choices):
    return choices[ci]


def grid_block(sh, r, b, items, choices, o, rng):
    """One ballot as printed: optional title lines, a two-row header (items over choices), one row
    per person. Returns the next free row; records the cells in b.cells."""
    left = (['序号'] if o.get('seq') else []) + [o.get('nameHdr', '姓名'), o.get('unitHdr', '单位')] + (['职务'] if o.get('post') else [])
    width = len(left) + len(items) * len(choices)
    header = []
    if o.get('title'):
        sh.merge(r, 1, r, width, o['title'](b))
        header.append(addr(r, 1))
        r += 1
    if o.get('subtitle'):
        sh.merge(r, 1, r, width, o['subtitle'])
        r += 1
    h1, h2 = r, r + 1
    for i, name in enumerate(left):
        if o.get('leftMerged'):
            sh.merge(h1, i + 1, h2, i + 1, name)
        else:
            sh.put(h1, i + 1, name)
    c = len(left) + 1
    for it in items:
        if o.get('mergedItems'):
            sh.merge(h1, c, h1, c + len(choices) - 1, o.get('itemLabel', str)(it))
        else:
            sh.put(h1, c, o.get('itemLabel', str)(it))
        for j, ch in enumerate(choices):
            sh.put(h2, c + j, ch)
        c += len(choices)
    name_col = left.index(o.get('nameHdr', '姓名')) + 1
    header += [addr(h1, 1), addr(h1, name_col)]
    r = h2 + 1
    b.cells = {'header': sorted(set(header)), 'firstItem': addr(r, len(left) + 1), 'items': {}}
    for k, (p, ent) in enumerate(b.rows):
        name = o.get('nameLabel', lambda b, n: n)(b, p.name)
        vals = ([k + 1] if o.get('seq') else []) + [name, p.unit] + ([p.post] if o.get('post') else [])
        for i, v in enumerate(vals):
            sh.put(r, i + 1, v)
        b.cells['items'][p.key] = {}
        for n, it in enumerate(items):
            base = len(left) + 1 + n * len(choices)
            b.cells['items'][p.key][it] = [addr(r, base + j) for j in range(len(choices))]
            e = ent[it]
            if e[0] == 'ok':
                sh.put(r, base + e[1], o['mark'](rng, e[1], choices))
            elif e[0] == 'multi':
                for ci in e[1]:
                    sh.put(r, base + ci, o['mark'](rng, ci, choices))
            elif e[0] == 'invalid':
                sh.put(r, base + e[2], e[1])
        r += 1
    if o.get('footer'):  # the printed instructions under the table, after a blank row
        sh.merge(r + 1, 1, r + 1, width, o['footer'])
        r += 2
    return r


def code(style, ci, choices):
    return {'word': choices[ci], 'letter': 'ABCD'[ci], 'number': ci + 1}[style]


def entry_rows(ballots, items, choices, o):
    """The rows of an entry sheet (录入表): one per ballot and person, ordered by ballot, or by
    person when the sheet has no 票号 (the k-th row of a person is ballot k)."""
    pairs = [(b, p, ent) for b in ballots for p, ent in b.rows]
    if not o.get('ticket') or o.get('byPerson'):  # no 票号, or a clerk who sorted the rows by 姓名
        order = []
        for b in ballots:
            for p, _ in b.rows:
                if p.key not in order:
                    order.append(p.key)
        pairs.sort(key=lambda x: (order.index(x[1].key), x[0].no))
    rows = []
    for b, p, ent in pairs:
        row = ([o.get('ticketLabel', int)(b.no)] if o.get('ticket') else []) + [p.name] + ([p.unit] if o.get('unitHdr') else [])
        for it in items:
            e = ent[it]
            v = code(o['code'], e[1], choices) if e[0] == 'ok' else e[1] if e[0] == 'invalid' else None
            if o.get('textEvery') and isinstance(v, int) and len(rows) % o['textEvery'] == 0:
                v = str(v)  # a code exported as text, as systems and copy-paste leave them
            row.append(v)
        if 'remark' in o:  # 备注: the clerk's own note, not an item
            row.append(o['remark'].get((b.no, p.name)))
        rows.append((b, p, row))
    return rows


def entry_layout(ballots, items, choices, o, header_row):
    cols = ([o['ticket']] if o.get('ticket') else []) + ['姓名'] + ([o['unitHdr']] if o.get('unitHdr') else []) + items
    rows = entry_rows(ballots, items, choices, o)
    first_item_col = len(cols) - len(items) + 1
    if 'remark' in o:
        cols = cols + ['备注']
    name_col = cols.index('姓名') + 1
    for b in ballots:
        b.cells = {'items': {}, 'header': sorted({addr(header_row, 1), addr(header_row, name_col)})}
    for k, (b, p, row) in enumerate(rows):
        r = header_row + 1 + k
        if 'firstItem' not in b.cells:
            b.cells['firstItem'] = addr(r, first_item_col)
            if o.get('ticket'):
                b.cells['header'] = sorted(set(b.cells['header']) | {addr(r, 1)})
        b.cells['items'][p.key] = {it: [addr(r, first_item_col + n)] for n, it in enumerate(items)}
    return cols, rows


def entry_sheet(sh, ballots, items, choices, o):
    r = 1
    if o.get('title'):
        sh.put(1, 1, o['title'])
        r = 2
    cols, rows = entry_layout(ballots, items, choices, o, r)
    for c, h in enumerate(cols):
        sh.put(r, c + 1, h)
    for k, (_, _, row) in enumerate(rows):
        for c, v in enumerate(row):
            sh.put(r + 1 + k, c + 1, v)


def entry_pandas(path, sheet, ballots, items, choices, o, engine):
    startrow = 1 if o.get('title') else 0
    cols, rows = entry_layout(ballots, items, choices, o, startrow + 1)
    df = pd.DataFrame([row for _, _, row in rows], columns=cols, dtype=object)
    with pd.ExcelWriter(path, engine=engine) as xw:
        df.to_excel(xw, sheet_name=sheet, startrow=startrow, index=False)
        if o.get('title'):
            ws = xw.sheets[sheet]
            if engine == 'xlsxwriter':
                ws.write_string(0, 0, o['title'])
            else:
                ws.cell(row=1, column=1, value=o['title'])


def counts_for_tally(ballots, people, items, nchoices):
    out = {p.key: {it: [0] * nchoices for it in items} for p in people}
    for b in ballots:
        for p, ent in b.rows:
            for it in items:
                if ent[it][0] == 'ok':
                    out[p.key][it][ent[it][1]] += 1
    return out


def tally_sheet(sh, title, people, items, choices, counts, wrong=(), results=None):
    """An office's own 计票 sheet: persons × (item × choice) vote counts. `wrong`: {(person key,
    item, choice index): delta} planted typing errors. `results`: {key: (好票率, 等次)} for the two
    columns offices add at the end (not counts). Returns {(key, item, ci): cell}."""
    width = 3 + len(items) * len(choices) + (2 if results else 0)
    sh.merge(1, 1, 1, width, title)
    for i, h in enumerate(['序号', '姓名', '单位']):
        sh.merge(2, i + 1, 3, i + 1, h)
    for n, it in enumerate(items):
        base = 4 + n * len(choices)
        sh.merge(2, base, 2, base + len(choices) - 1, it)
        for j, ch in enumerate(choices):
            sh.put(3, base + j, ch)
    end = 4 + len(items) * len(choices)
    if results:
        sh.merge(2, end, 3, end, '好票率')
        sh.merge(2, end + 1, 3, end + 1, '总体等次')
    where = {}
    for k, p in enumerate(people):
        r = 4 + k
        for i, v in enumerate([k + 1, p.name, p.unit]):
            sh.put(r, i + 1, v)
        for n, it in enumerate(items):
            for j in range(len(choices)):
                c = 4 + n * len(choices) + j
                where[(p.key, it, j)] = addr(r, c)
                sh.put(r, c, counts[p.key][it][j] + dict(wrong).get((p.key, it, j), 0))
        if results:
            sh.put(r, end, results[p.key][0])
            sh.put(r, end + 1, results[p.key][1])
    return where


# ---------------------------------------------------------------------------------------------
# The workbooks
# ---------------------------------------------------------------------------------------------

CASES = []


def case(pair, families, correct, files, ballots, items, choices, grade_item, present=None, groups=None,
         settings=None, extra=(), check_tally=True, rule=None, skip=(), single=False, roster=(), interview=None, only_extra=False):
    t, exact = tally(ballots, items, choices, grade_item, groups, present, rule, interview)
    if groups:
        guard_weighted(exact, choices, pair)
    found = ([] if only_extra else expected_findings(ballots, items, roster)) + list(extra)
    if correct and found:
        raise ValueError(f'{pair}: the correct version has findings {found}')
    if not correct:
        rules = sorted({f['rule'] for f in found})
        if not found:
            raise ValueError(f'{pair}: a flawed twin without planted mistakes')
    for f in found:
        f['severity'] = SEVERITY[f['rule']]
    CASES.append({
        'name': f'{pair}.{"ok" if correct else "flawed"}', 'pair': pair, 'family': families, 'correct': correct,
        'files': files, 'settings': settings, 'ballot': t if check_tally else None, 'findings': found,
        'skip': list(skip), 'single': single,
    })


def variants(out, pair, build):
    """build(correct, out) → draws the workbook(s) and calls case(); seeded per pair."""
    for correct in (True, False):
        build(random.Random(f'{pair}'), correct, out)


def new_ballots(file, sheet_of, n, group=None):
    return [Ballot(file=file, sheet=sheet_of(k), no=k, group=group) for k in range(1, n + 1)]


# (1) one ballot per sheet, merged item headers over 好 较好 一般 差, √, 应到/实到 on a subtitle line
def grid_per_sheet(rng, correct, out):
    pair = 'grid-per-sheet-check-marks'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = persons(6)
    bs = new_ballots(f, lambda k: f'第{k}张', 8)
    fill(rng, bs, people, DEFAULT_ITEMS, 4)
    if not correct:
        row_of(bs[1], people[2].name)['党建工作成效'] = ('multi', (0, 1))
        row_of(bs[4], people[4].name)['廉政勤政'] = ('blank',)
        row_of(bs[6], people[0].name)['总体评价'] = ('invalid', '×', 1)
        bs[2].rows = [x for x in bs[2].rows if x[0] is not people[3]]
        for b in bs:  # nobody graded one person overall: no grade, no rank, listed last
            row_of(b, people[1].name)['总体评价'] = ('blank',)
    book = OpenpyxlBook(os.path.join(out, f))
    o = {'title': lambda b: '2017年度党组织书记抓党建述职评议测评表', 'subtitle': '应到 10 人，实到 8 人', 'seq': True, 'post': True,
         'mergedItems': True, 'leftMerged': True, 'mark': tick(['√']),
         'footer': '填表说明：请在相应等次栏内划“√”，每个项目只能选一个等次，多选或不选视为无效。'}
    for b in bs:
        grid_block(book.sheet(b.sheet), 1, b, DEFAULT_ITEMS, C4, o, rng)
    book.close()
    case(pair, ['ticked grid', 'one ballot per sheet', '√', 'merged item headers', '应到…实到 subtitle', '填表说明 footer'], correct, [f], bs,
         DEFAULT_ITEMS, C4, '总体评价', present=8)


# (2) 12 persons × 45 ballots stacked on one sheet, each with its title, item names only over the
#     first sub-column, ✓, blank rows between; 应到/实到 in the sheet's title (A1)
def grid_stacked_titled(rng, correct, out):
    pair = 'grid-stacked-titled-45-ballots'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = persons(12)
    n = 45 if correct else 46
    bs = new_ballots(f, lambda k: '测评票', n)
    fill(rng, bs, people, DEFAULT_ITEMS, 4)
    if not correct:
        for p, ent in bs[16].rows:  # ballot 17 handed in blank
            for it in ent:
                ent[it] = ('blank',)
        for it in DEFAULT_ITEMS:  # ballot 30: one person's row left wholly blank
            row_of(bs[29], people[4].name)[it] = ('blank',)
        row_of(bs[7], people[10].name)['问题查摆到位情况'] = ('multi', (2, 3))
        row_of(bs[40], people[1].name)['总体评价'] = ('multi', (0, 3))
    book = OpenpyxlBook(os.path.join(out, f))
    sh = book.sheet('测评票')
    sh.merge(1, 1, 1, 23, '2017年度县直单位党组织书记抓党建工作述职评议（应到 50 人，实到 45 人）')
    o = {'title': lambda b: f'党组织书记抓党建述职评议测评表    第 {b.no} 张', 'seq': True, 'mergedItems': False,
         'mark': tick(['✓'])}
    r = 3
    for b in bs:
        r = grid_block(sh, r, b, DEFAULT_ITEMS, C4, o, rng) + 1
    book.close()
    extra = [] if correct else [finding('ballot.count-exceeds', bs[0], ['A1'], '46 ballots, 实到 45', ['46', '45'])]
    case(pair, ['ticked grid', 'stacked with titles', '✓', 'item name over the first sub-column', '12 persons', '40+ ballots',
                '应到…实到 in the sheet title'], correct, [f], bs, DEFAULT_ITEMS, C4, '总体评价', present=45, extra=extra)
    case(f'{pair}-settings-interview', ['the same workbook', 'settings ballot.interviewGrades [差]: 一般 is not interviewed'], correct, [f], bs,
         DEFAULT_ITEMS, C4, '总体评价', present=45, extra=extra, settings={'ballot': {'interviewGrades': ['差']}}, interview=['差'])


# (3) stacked without titles (xlsxwriter), ○, merged headers, 被测评人 / 工作单位, blank rows
#     of one or two between blocks; two 王伟 in different units
def grid_stacked_untitled(rng, correct, out):
    pair = 'grid-stacked-untitled-same-name'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = persons(7, twins=True)
    people[1] = Person('王伟', UNITS[1], POSTS[0])
    bs = new_ballots(f, lambda k: 'Sheet1', 15)
    fill(rng, bs, people, DEFAULT_ITEMS, 4)
    if not correct:
        row_of(bs[2], people[5].name)['党建工作成效'] = ('invalid', '好', 2)
        row_of(bs[5], '王伟', UNITS[1])['对党建工作重视程度'] = ('multi', (1, 2))
        bs[9].rows = [x for x in bs[9].rows if x[0] is not people[3]]
        row_of(bs[11], people[6].name)['问题查摆到位情况'] = ('blank',)
    book = XlsxwriterBook(os.path.join(out, f))
    sh = book.sheet('Sheet1')
    # a clerk pads two-character names to line up with three-character ones (王　伟), on some ballots
    o = {'nameHdr': '被测评人', 'unitHdr': '工作单位', 'post': True, 'mergedItems': True, 'leftMerged': True,
         'mark': tick(['○']), 'nameLabel': lambda b, n: '\u3000'.join(n) if len(n) == 2 and b.no % 2 else n}
    r = 1
    for b in bs:
        r = grid_block(sh, r, b, DEFAULT_ITEMS, C4, o, rng) + b.no % 3  # none, one or two blank rows between
    book.close()
    case(pair, ['ticked grid', 'stacked without titles', 'blocks with 0, 1 or 2 blank rows between', '○', 'two 王伟 in different units', '王　伟 padded on some ballots', 'xlsxwriter'], correct, [f], bs,
         DEFAULT_ITEMS, C4, '总体评价')


# (4) one ballot per sheet (xlsxwriter), 满意 / 基本满意 / 不满意, 1 as a number or as text, items 德
#     能 勤 绩 廉 总体评价, 参加测评 N 人
def grid_satisfaction(rng, correct, out):
    pair = 'grid-per-sheet-satisfaction-ones'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = persons(6)
    bs = new_ballots(f, lambda k: f'测评表{k}', 9 if correct else 10)
    fill(rng, bs, people, VIRTUE_ITEMS, 3)
    if not correct:
        for p, ent in bs[3].rows:
            for it in ent:
                ent[it] = ('blank',)
        row_of(bs[1], people[2].name)['勤'] = ('invalid', '?', 1)
        row_of(bs[5], people[0].name)['绩'] = ('blank',)
        row_of(bs[7], people[5].name)['总体评价'] = ('multi', (0, 2))
    book = XlsxwriterBook(os.path.join(out, f))
    o = {'title': lambda b: '2017年度科级领导干部民主测评表', 'subtitle': '参加测评 9 人', 'seq': True, 'post': True,
         'mergedItems': True, 'mark': lambda rng, ci, ch: 1 if rng.random() < 0.75 else '1',
         'itemLabel': lambda it: '总体\n评价' if it == '总体评价' else it}
    for b in bs:
        grid_block(book.sheet(b.sheet), 1, b, VIRTUE_ITEMS, C3, o, rng)
    book.close()
    # ten sheets, each saying 参加测评 9 人: the file has one ballot too many ("the title cell of the sheet/file": any sheet's
    # title A1, or A2, the subtitle line that states the 9)
    extra = [] if correct else [finding('ballot.count-exceeds', bs[0], ['A1', 'A2'], '10 ballot sheets, 参加测评 9 人', ['10', '9'],
                                        [b.sheet for b in bs])]
    case(pair, ['ticked grid', 'one ballot per sheet', '满意/基本满意/不满意', '1 (number and text)', '德能勤绩廉 items',
                '参加测评 N 人', '总体\\n评价 header on two lines', 'xlsxwriter'], correct, [f], bs, VIRTUE_ITEMS, C3, '总体评价', present=9,
         extra=extra)


# (5) stacked with titles, the choice word typed in its own column, no 总体评价 (pooled grade),
#     述职人 / 党组织
def grid_words_pooled(rng, correct, out):
    pair = 'grid-stacked-words-pooled'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    items = ['政治素质', '履职能力', '工作实绩', '廉洁自律']
    people = persons(10)
    bs = new_ballots(f, lambda k: '述职评议', 14)
    fill(rng, bs, people, items, 4)
    if not correct:
        row_of(bs[0], people[3].name)['履职能力'] = ('invalid', '好', 2)
        row_of(bs[4], people[7].name)['工作实绩'] = ('multi', (0, 1))
        bs[8].rows = [x for x in bs[8].rows if x[0] is not people[9]]
        row_of(bs[12], people[0].name)['廉洁自律'] = ('blank',)
    book = OpenpyxlBook(os.path.join(out, f))
    sh = book.sheet('述职评议')
    o = {'title': lambda b: f'基层党组织书记述职评议表（第{b.no}张）', 'nameHdr': '述职人', 'unitHdr': '党组织', 'seq': True,
         'mergedItems': True, 'leftMerged': True, 'mark': word}
    r = 1
    for b in bs:
        r = grid_block(sh, r, b, items, C4, o, rng) + 1
    book.close()
    case(pair, ['ticked grid', 'stacked with titles', 'choice word as the mark', 'no 总体评价 (pooled grade)', '述职人/党组织'],
         correct, [f], bs, items, C4, None)
    case(f'{pair}-settings-grade-item', ['the same workbook', 'settings ballot.gradeItem 工作实绩'], correct, [f], bs, items, C4, '工作实绩',
         settings={'ballot': {'gradeItem': '工作实绩'}})


# (6) entry sheet (pandas + xlsxwriter): 票号, 姓名, 单位, five items as words; 12 persons × 28
def entry_words(rng, correct, out):
    pair = 'entry-words-ticket'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = persons(12, twins=True)
    bs = new_ballots(f, lambda k: '录入表', 28 if correct else 29)
    fill(rng, bs, people, DEFAULT_ITEMS, 4)
    if not correct:
        for p, ent in bs[4].rows:
            for it in ent:
                ent[it] = ('blank',)
        row_of(bs[8], people[2].name)['党建工作成效'] = ('invalid', '优', 0)
        row_of(bs[10], people[9].name)['廉政勤政'] = ('blank',)
        bs[19].rows = [x for x in bs[19].rows if x[0] is not people[7]]
    o = {'ticket': '票号', 'unitHdr': '单位', 'code': 'word',
         'title': '2017年度党组织书记抓党建述职评议测评票录入表（应到 30 人，实到 28 人）'}
    entry_pandas(os.path.join(out, f), '录入表', bs, DEFAULT_ITEMS, C4, o, 'xlsxwriter')
    extra = [] if correct else [finding('ballot.count-exceeds', bs[0], ['A1'], '29 ballots, 实到 28', ['29', '28'])]
    case(pair, ['entry sheet', '票号', 'choice words', 'two 王伟 in different units', '应到…实到 title', 'pandas'], correct, [f], bs,
         DEFAULT_ITEMS, C4, '总体评价', present=28, extra=extra)


# (7) entry sheet with A–D codes and no 票号, rows grouped by person; 实到16人
def entry_letters(rng, correct, out):
    pair = 'entry-letters-no-ticket'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = persons(9)
    bs = new_ballots(f, lambda k: '民主测评录入', 16)
    fill(rng, bs, people, DEFAULT_ITEMS, 4)
    if not correct:
        row_of(bs[3], people[1].name)['问题查摆到位情况'] = ('invalid', 'E', 0)
        row_of(bs[11], people[6].name)['总体评价'] = ('invalid', '优', 0)
        row_of(bs[7], people[4].name)['对党建工作重视程度'] = ('blank',)
    book = OpenpyxlBook(os.path.join(out, f))
    entry_sheet(book.sheet('民主测评录入'), bs, DEFAULT_ITEMS, C4, {'unitHdr': '单位', 'code': 'letter', 'title': '2017年度民主测评录入（实到16人）',
                                                      'remark': {(3, people[2].name): '补录', (9, people[5].name): '字迹不清，已核对'}})
    book.close()
    case(pair, ['entry sheet', 'no 票号', 'A–D codes', '实到N人 title', '备注 column with notes'], correct, [f], bs, DEFAULT_ITEMS, C4, '总体评价', present=16)


# (8) entry sheet with 1–4 codes, 选票编号, no 单位 column, 德能勤绩廉; settings ballot.present
#     wins over the title's 实到
def entry_numbers(rng, correct, out):
    pair = 'entry-numbers-settings-present'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = [Person(p.name, '') for p in persons(10)]
    bs = new_ballots(f, lambda k: 'Sheet1', 25)
    fill(rng, bs, people, VIRTUE_ITEMS, 4)
    if not correct:
        row_of(bs[2], people[3].name)['能'] = ('invalid', 5, 0)
        row_of(bs[17], people[8].name)['廉'] = ('invalid', 'x', 0)
        row_of(bs[21], people[0].name)['总体评价'] = ('blank',)
    book = OpenpyxlBook(os.path.join(out, f))
    entry_sheet(book.sheet('Sheet1'), bs, VIRTUE_ITEMS, C4, {'ticket': '选票编号', 'code': 'number', 'title': '民主测评录入表（实到20人）',
                                                 'textEvery': 4})
    book.close()
    present = 30 if correct else 22
    settings = {'ballot': {'present': present}}
    extra = [] if correct else [finding('ballot.count-exceeds', bs[0], ['A1'], '25 ballots, settings present 22', ['25', '22'])]
    case(pair, ['entry sheet', '选票编号', '1–4 codes (every 4th row as text)', 'no 单位 column', '德能勤绩廉 items', 'settings ballot.present over the title'],
         correct, [f], bs, VIRTUE_ITEMS, C4, '总体评价', present=present, settings=settings, extra=extra)


# (9) entry sheet (xlsxwriter) with 满意 / 基本满意 / 不满意 words, 测评表编号, 所在单位; 实到 24 人
def entry_satisfaction(rng, correct, out):
    pair = 'entry-satisfaction-words'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    items = ['服务态度', '工作效率', '廉洁自律', '总体评价']
    people = persons(8)
    bs = new_ballots(f, lambda k: '群众评议', 24)
    fill(rng, bs, people, items, 3)
    if not correct:
        for p, ent in bs[5].rows:
            for it in ent:
                ent[it] = ('blank',)
        for it in items:
            row_of(bs[9], people[2].name)[it] = ('blank',)
        row_of(bs[14], people[6].name)['工作效率'] = ('invalid', '较满意', 0)
    book = XlsxwriterBook(os.path.join(out, f))
    entry_sheet(book.sheet('群众评议'), bs, items, C3, {'ticket': '测评表编号', 'unitHdr': '所在单位', 'code': 'word', 'ticketLabel': lambda n: f'{n:03d}',
                                                        'title': '2017年群众满意度测评录入表（实到 24 人）'})
    book.close()
    case(pair, ['entry sheet', '测评表编号 as text 001', '满意/基本满意/不满意 words', 'custom items', 'xlsxwriter'], correct, [f], bs, items, C3,
         '总体评价', present=24)


# (10) one ballot per sheet with mixed ticks (✔ ☑ ● v V) and the office's own 计票 sheet beside
def grid_with_tally(rng, correct, out):
    pair = 'grid-per-sheet-with-office-tally'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = persons(6)
    bs = new_ballots(f, lambda k: f'第{k}张', 10)
    fill(rng, bs, people, DEFAULT_ITEMS, 4)
    book = OpenpyxlBook(os.path.join(out, f))
    o = {'title': lambda b: f'党组织书记抓党建述职评议测评表（第{b.no}张）', 'seq': True, 'mergedItems': True, 'leftMerged': True,
         'mark': tick(['✔', '☑', '●', 'v', 'V', '√ ', ' ✔'])}
    for b in bs:
        grid_block(book.sheet(b.sheet), 1, b, DEFAULT_ITEMS, C4, o, rng)
    counts = counts_for_tally(bs, people, DEFAULT_ITEMS, 4)
    wrong = [] if correct else [((people[1].key, '总体评价', 0), 1), ((people[4].key, '党建工作成效', 2), -1)]
    t, _ = tally(bs, DEFAULT_ITEMS, C4, '总体评价', None, None)
    results = {(p['person'], p['unit']): (f"{p['goodRate'] * 100:.1f}%", p['grade']) for p in t['persons']}
    where = tally_sheet(book.sheet('计票'), '述职评议测评票数统计表', people, DEFAULT_ITEMS, C4, counts, wrong, results)
    book.close()
    extra = [dict(finding('ballot.tally-mismatch', None, [where[k]], f'tally {k[0][0]} {k[1]} {C4[k[2]]} off by {d}', [k[0][0], k[1]]), file=f, sheet='计票')
             for k, d in wrong]
    case(pair, ['ticked grid', 'one ballot per sheet', '✔ ☑ ● v V, ticks with a space', 'office tally beside ballots with 好票率 and 总体等次 columns'], correct, [f], bs, DEFAULT_ITEMS, C4,
         '总体评价', extra=extra)


# (11) groups as sheets 领导测评 / 党员测评 / 群众测评 with weights 0.4 / 0.3 / 0.3 in a settings file
GROUPS = [{'name': '领导', 'weight': 0.4, 'match': '领导'}, {'name': '党员', 'weight': 0.3, 'match': '党员'},
          {'name': '群众', 'weight': 0.3, 'match': '群众'}]


def groups_sheets(rng, correct, out):
    pair = 'groups-weighted-sheets'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = persons(8)
    sizes = {'领导': 4, '党员': 10, '群众': 15}
    for attempt in range(200):
        bs = []
        for g in GROUPS:
            bs += new_ballots(f, lambda k, g=g: f'{g["name"]}测评', sizes[g['name']], group=g['name'])
        # each group sees the persons differently, so the weights matter
        for gi, g in enumerate(GROUPS):
            gp = {p.key: PROFILES4[(i + 2 * gi) % 5] for i, p in enumerate(people)}
            fill(rng, [b for b in bs if b.group == g['name']], people, DEFAULT_ITEMS, 4, gp)
        if not correct:
            for b in bs[:4]:  # the leaders left one person's 总体评价 blank: their group drops out for that person
                row_of(b, people[5].name)['总体评价'] = ('blank',)
            row_of(bs[6], people[2].name)['廉政勤政'] = ('multi', (0, 1))
            row_of(bs[20], people[7].name)['党建工作成效'] = ('invalid', '×', 3)
        try:
            guard_weighted(tally(bs, DEFAULT_ITEMS, C4, '总体评价', GROUPS, None)[1], C4, pair)
            break
        except ValueError:
            continue
    book = OpenpyxlBook(os.path.join(out, f))
    for g in GROUPS:
        sh = book.sheet(f'{g["name"]}测评')
        o = {'title': lambda b, g=g: f'党组织书记述职评议测评表（{g["name"]}）第{b.no}张', 'seq': True, 'mark': tick(['√'])}
        r = 1
        for b in [b for b in bs if b.group == g['name']]:
            r = grid_block(sh, r, b, DEFAULT_ITEMS, C4, o, rng) + 1
    book.close()
    case(pair, ['ticked grid', 'groups as sheets', 'weights 0.4/0.3/0.3', 'a group absent for a person (flawed: renormalised)'],
         correct, [f], bs, DEFAULT_ITEMS, C4, '总体评价', groups=GROUPS, settings={'ballot': {'groups': GROUPS}})
    if correct:
        # the correct workbook under settings whose 群众 group matches no sheet (居民): the spec's "error message for the
        # run", so not ready; the engine names it ballot.group-unmatched at the sheet's title. The tally is not compared
        # (what a left-out group does to it is not said).
        wrong = [dict(g, match='居民') if g['name'] == '群众' else g for g in GROUPS]
        unmatched = [b for b in bs if b.group == '群众'][0]
        case('groups-sheet-in-no-group', ['groups as sheets', 'settings: a sheet matching no group (an error for the run)'], False, [f], bs,
             DEFAULT_ITEMS, C4, '总体评价', groups=GROUPS, settings={'ballot': {'groups': wrong}}, check_tally=False, single=True,
             extra=[finding('ballot.group-unmatched', unmatched, ['A1'], 'sheet 群众测评 matches no group', ['群众测评'])], only_extra=True)


# (12) groups as files (pandas + openpyxl entry sheets): letters, words, numbers
def groups_files(rng, correct, out):
    pair = 'groups-weighted-files'
    tag = 'ok' if correct else 'flawed'
    people = persons(7)
    styles = {'领导': ('letter', 3, '测评表编号'), '党员': ('word', 8, '票号'), '群众': ('number', 12, '票号')}
    for attempt in range(200):
        bs, files = [], []
        for gi, g in enumerate(GROUPS):
            fn = f'{pair}-{g["name"]}.{tag}.xlsx'
            gb = new_ballots(fn, lambda k: '录入', styles[g['name']][1], group=g['name'])
            fill(rng, gb, people, DEFAULT_ITEMS, 4, {p.key: PROFILES4[(i + gi) % 5] for i, p in enumerate(people)})
            bs += gb
            files.append(fn)
        if not correct:
            row_of(bs[5], people[3].name)['总体评价'] = ('invalid', '中', 0)
            row_of(bs[15], people[6].name)['党建工作成效'] = ('blank',)
        try:
            guard_weighted(tally(bs, DEFAULT_ITEMS, C4, '总体评价', GROUPS, None)[1], C4, pair)
            break
        except ValueError:
            continue
    for g, fn in zip(GROUPS, files):
        st, _, ticket = styles[g['name']]
        entry_pandas(os.path.join(out, fn), '录入', [b for b in bs if b.file == fn], DEFAULT_ITEMS, C4,
                     {'ticket': ticket, 'unitHdr': '单位', 'code': st, 'byPerson': g['name'] == '党员'}, 'openpyxl')
    case(pair, ['entry sheet', 'groups as files', 'A–D / words / 1–4 per file', '党员 rows sorted by 姓名, not 票号', 'pandas'], correct, files, bs, DEFAULT_ITEMS, C4,
         '总体评价', groups=GROUPS, settings={'ballot': {'groups': GROUPS}})


# (13) ties: designed 总体评价 counts over 12 ballots (tie → lower grade, 差 at exactly 1/3,
#      competition ranking 4, 4, 6), stacked titled grids and a 计票结果 tally
TIE_COUNTS = [  # 好 较好 一般 差 on 总体评价, 12 ballots each
    ('A', [5, 5, 2, 0]),  # 好 = 较好 → 较好
    ('B', [5, 5, 2, 0]),  # the same as A: same rank
    ('C', [6, 2, 0, 4]),  # 差 exactly 1/3 → 差
    ('D', [3, 3, 3, 3]),  # four-way tie → 差
    ('E', [2, 2, 5, 3]),  # → 一般
    ('F', [4, 4, 4, 0]),  # three-way tie → 一般
    ('G', [7, 3, 2, 0]),  # → 好
    ('H', [5, 6, 1, 0]),  # → 较好, ranks above A and B on 好+较好
]


def ties(rng, correct, out):
    pair = 'ties-and-ranking'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = persons(8)
    bs = new_ballots(f, lambda k: '测评票', 12)
    fill(rng, bs, people, DEFAULT_ITEMS, 4)
    for p, (_, cnt) in zip(people, TIE_COUNTS):
        marks = [ci for ci, n in enumerate(cnt) for _ in range(n)]
        rng.shuffle(marks)
        for b, m in zip(bs, marks):
            row_of(b, p.name)['总体评价'] = ('ok', m)
    if not correct:
        row_of(bs[3], people[2].name)['党建工作成效'] = ('multi', (0, 2))
    book = OpenpyxlBook(os.path.join(out, f))
    sh = book.sheet('测评票')
    o = {'title': lambda b: f'述职评议测评表  票号：{b.no:03d}', 'seq': True, 'post': True, 'mark': tick(['√', '✓'])}
    r = 1
    for b in bs:
        r = grid_block(sh, r, b, DEFAULT_ITEMS, C4, o, rng) + 2
    counts = counts_for_tally(bs, people, DEFAULT_ITEMS, 4)
    wrong = [] if correct else [((people[3].key, '总体评价', 3), 1)]
    where = tally_sheet(book.sheet('计票结果'), '述职评议测评结果统计', people, DEFAULT_ITEMS, C4, counts, wrong)
    book.close()
    extra = [dict(finding('ballot.tally-mismatch', None, [where[k]], f'tally {k[0][0]} {k[1]} {C4[k[2]]} off by {d}', [k[0][0], k[1]]), file=f, sheet='计票结果')
             for k, d in wrong]
    case(pair, ['ticked grid', 'stacked with titles', 'ties (→ lower grade)', '差 at exactly 1/3', 'competition ranking',
                'office tally beside ballots'], correct, [f], bs, DEFAULT_ITEMS, C4, '总体评价', extra=extra)
    rule = {'worstShare': 0.5, 'tie': 'higher'}
    case(f'{pair}-settings-tie-higher', ['the same workbook', 'settings ballot.gradeRule: worstShare 0.5, tie higher'], correct, [f], bs,
         DEFAULT_ITEMS, C4, '总体评价', extra=extra, settings={'ballot': {'gradeRule': rule}}, rule=rule)


# (14) an office's tally alone (no ballots): tallied as given. How many ballots a tally stands for is
#      not said by the spec, so cast / blank / ballots are not compared; every person has 30 marks
#      on every item.
def tally_only(rng, correct, out):
    if not correct:
        return
    pair = 'tally-only'
    f = f'{pair}.ok.xlsx'
    people = persons(9)
    bs = new_ballots(f, lambda k: '统计', 30)
    fill(rng, bs, people, DEFAULT_ITEMS, 4)
    book = XlsxwriterBook(os.path.join(out, f))
    tally_sheet(book.sheet('测评结果统计'), '2017年度党组织书记抓党建述职评议测评结果统计表（实到 30 人）', people, DEFAULT_ITEMS, C4,
                counts_for_tally(bs, people, DEFAULT_ITEMS, 4))
    book.close()
    case(pair, ['office tally alone', '计票 counts per person × item × choice', 'xlsxwriter'], True, [f], bs, DEFAULT_ITEMS, C4, '总体评价',
         present=30, skip=['cast', 'blank', 'ballots'], single=True)


# (15) a 名单 of the persons rated beside stacked ballots; the flawed 名单 names one person no ballot
#      has: person-missing on every ballot (the tally of that twin is not compared: whether an
#      unrated person is listed is not said)
def roster(rng, correct, out):
    pair = 'roster-beside-ballots'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = persons(7)
    bs = new_ballots(f, lambda k: '测评票', 6)
    fill(rng, bs, people, DEFAULT_ITEMS, 4)
    listed = people + ([] if correct else [Person('郭广田', '县教育局党组', '党组书记')])
    book = OpenpyxlBook(os.path.join(out, f))
    sh = book.sheet('名单')
    sh.merge(1, 1, 1, 4, '述职评议被测评人员名单')
    for c, h in enumerate(['序号', '姓名', '单位', '职务']):
        sh.put(2, c + 1, h)
    for k, p in enumerate(listed):
        for c, v in enumerate([k + 1, p.name, p.unit, p.post]):
            sh.put(3 + k, c + 1, v)
    sh = book.sheet('测评票')
    o = {'title': lambda b: f'党组织书记抓党建述职评议测评表（第{b.no}张）', 'seq': True, 'post': True, 'mergedItems': True,
         'mark': tick(['√'])}
    r = 1
    for b in bs:
        r = grid_block(sh, r, b, DEFAULT_ITEMS, C4, o, rng) + 1
    book.close()
    case(pair, ['名单 sheet', 'ticked grid', 'stacked with titles'], correct, [f], bs, DEFAULT_ITEMS, C4, '总体评价',
         roster=listed, check_tally=correct)


# (16) 年度考核 民主测评: the choice set 优秀 / 称职 / 基本称职 / 不称职 given in settings (称职 is inside
#      基本称职 and 不称职: a header word must be matched whole), interview grades 基本称职 and 不称职
CHENGZHI = ['优秀', '称职', '基本称职', '不称职']


def chengzhi(rng, correct, out):
    pair = 'grid-stacked-settings-choice-set'
    f = f'{pair}.{"ok" if correct else "flawed"}.xlsx'
    people = persons(9)
    bs = new_ballots(f, lambda k: '民主测评', 20)
    fill(rng, bs, people, VIRTUE_ITEMS, 4)
    if not correct:
        row_of(bs[2], people[4].name)['能'] = ('invalid', '良', 1)
        row_of(bs[9], people[1].name)['总体评价'] = ('multi', (1, 2))
        row_of(bs[15], people[8].name)['廉'] = ('blank',)
    book = OpenpyxlBook(os.path.join(out, f))
    sh = book.sheet('民主测评')
    o = {'title': lambda b: f'2017年度科级干部年度考核民主测评表（第{b.no}张）', 'seq': True, 'post': True, 'mergedItems': True,
         'leftMerged': True, 'mark': tick(['√'])}
    r = 1
    for b in bs:
        r = grid_block(sh, r, b, VIRTUE_ITEMS, CHENGZHI, o, rng) + 1
    book.close()
    low = ['基本称职', '不称职']
    case(pair, ['ticked grid', 'stacked with titles', 'settings choiceSets 优秀/称职/基本称职/不称职', 'settings interviewGrades'], correct, [f],
         bs, VIRTUE_ITEMS, CHENGZHI, '总体评价', settings={'ballot': {'choiceSets': [CHENGZHI], 'interviewGrades': low}}, interview=low)
    # the lead's decision (ballot-findings 5): 优秀 / 称职 / 基本称职 / 不称职 is a default set, interviewing the last two
    case(f'{pair[:-len("-settings-choice-set")]}-default-chengzhi-set', ['the same workbook without settings', '优秀/称职/基本称职/不称职 known by default'],
         correct, [f], bs, VIRTUE_ITEMS, CHENGZHI, '总体评价', interview=low)


BUILDERS = [grid_per_sheet, grid_stacked_titled, grid_stacked_untitled, grid_satisfaction, grid_words_pooled, entry_words,
            entry_letters, entry_numbers, entry_satisfaction, grid_with_tally, groups_sheets, groups_files, ties, roster,
            chengzhi, tally_only]


def main(out):
    os.makedirs(out, exist_ok=True)
    for build in BUILDERS:
        variants(out, build.__name__, build)
    for c in CASES:
        if c['settings'] is not None:
            path = os.path.join(out, f'{c["name"]}.settings.json')
            with open(path, 'w', encoding='utf-8') as fh:
                json.dump(c['settings'], fh, ensure_ascii=False)
            c['settingsFile'] = os.path.basename(path)
    with open(os.path.join(out, 'expectations.json'), 'w', encoding='utf-8') as fh:
        json.dump({'cases': CASES}, fh, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main(sys.argv[1])
