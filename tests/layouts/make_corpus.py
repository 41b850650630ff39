#!/usr/bin/python3
"""Writes the layout corpus for issue 8: workbooks laid out the way county and township offices
make them, each as a correct version and a flawed twin, plus expectations.json beside them.

Run with Debian's python (openpyxl): /usr/bin/python3 tests/layouts/make_corpus.py <out-dir>

The expected totals and unit scores are computed here, in Python, from the data this script
generates (never from the engine). Money in the expectations is in 元.
"""
import json
import os
import random
import sys
from datetime import date, timedelta

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

# ---------------------------------------------------------------------------------------------
# Domain data
# ---------------------------------------------------------------------------------------------

REGION = {  # current GB/T 2260 codes
    '东昌府区': '371502', '茌平区': '371503', '阳谷县': '371521', '莘县': '371522', '东阿县': '371524',
    '冠县': '371525', '高唐县': '371526', '临清市': '371581', '乐陵市': '371481',
}
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = '10X98765432'


def check_char(first17):
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


SURNAMES = list('王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文')
GIVEN = list('秀英桂兰玉凤春梅淑珍明华建国志强丽娟海燕文军永红金花立新德胜学成振东俊峰秋菊翠萍宝山长福瑞芝庆云广田素芳')
TYPES = ['失独', '伤残', '特别扶助', '低保', '因病致贫', '其他']
FONTS = ['宋体', '仿宋_GB2312', '仿宋', '楷体_GB2312']
THIN = Side(style='thin', color='000000')
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
YUAN_FMT = '#,##0'
WAN_FMT = '0.00##'
DATE_FMT = 'yyyy"年"m"月"d"日"'


class Names:
    """Unique person names within one workbook (a repeated head in a village is a finding)."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def __call__(self):
        while True:
            n = self.rng.choice(SURNAMES) + ''.join(self.rng.choice(GIVEN) for _ in range(self.rng.choice([1, 2, 2])))
            if n not in self.used:
                self.used.add(n)
                return n


class Ids:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def __call__(self, county):
        while True:
            born = date(1938, 1, 1) + timedelta(days=self.rng.randrange(0, 365 * 50))
            first = REGION[county] + born.strftime('%Y%m%d') + '%03d' % self.rng.randrange(1, 999)
            i = first + check_char(first)
            if i not in self.used:
                self.used.add(i)
                return i


def mobile(rng):
    return rng.choice(['135', '138', '139', '150', '152', '158', '186', '187', '133', '177']) + '%08d' % rng.randrange(0, 10 ** 8)


# ---------------------------------------------------------------------------------------------
# Sheet writer: titles, a header of 1–3 rows with merged group cells, an optional 栏次 row,
# a body of data / section / subtotal / total rows, and footer lines.
# ---------------------------------------------------------------------------------------------

class Col:
    def __init__(self, key, path, width=10, fmt=None, colnum=None):
        self.key = key
        self.path = path if isinstance(path, tuple) else (path,)
        self.width = width
        self.fmt = fmt
        self.colnum = colnum  # the 栏次 label under the header
        self.letter = None


class Row:
    """One body row. kind: data | section | sub | total. Data rows carry `v` (key → value)."""

    def __init__(self, kind, v=None, **kw):
        self.kind = kind
        self.v = dict(v or {})
        self.kw = kw
        self.r = None  # Excel row number once written


def office_sum(rows, key):
    """What Excel's SUM gives: text is skipped."""
    s = 0
    for x in rows:
        val = x.v.get(key)
        if isinstance(val, (int, float)) and not isinstance(val, bool):
            s += val
    return s


def write_sheet(ws, cols, body, titles=(), footer=(), colnums=None, colnums_hidden=False, font='宋体',
                footer_gap=0, header_fill='D9E1F2'):
    """Returns nothing; sets col.letter and row.r. titles: list of (text, merged?, style).
    Notes on the current case what the sheet's detection should name (栏次, 小计, 万元)."""
    n = len(cols)
    words = (['栏次'] if colnums else []) + (['小计'] if any(x.kind == 'sub' for x in body) else []) + \
        (['万元'] if any('万元' in t[0] for t in titles) else [])
    if words:
        CURRENT.detect.setdefault(ws.title, []).extend(words)
    last = get_column_letter(n)
    r = 1
    for t in titles:
        text, merged, style = t
        ws.cell(r, 1, text)
        if merged:
            ws.merge_cells(f'A{r}:{last}{r}')
        c = ws.cell(r, 1)
        if style == 'title':
            c.font = Font(name='方正小标宋简体' if font == '仿宋_GB2312' else '黑体', size=16, bold=True)
            c.alignment = Alignment(horizontal='center', vertical='center')
            ws.row_dimensions[r].height = 30
        elif style == 'right':
            c.font = Font(name=font, size=11)
            c.alignment = Alignment(horizontal='right')
        else:
            c.font = Font(name=font, size=11)
        r += 1
    # the header
    depth = max(len(c.path) for c in cols)
    top = r
    for i, c in enumerate(cols):
        c.letter = get_column_letter(i + 1)
        ws.column_dimensions[c.letter].width = c.width
    for level in range(depth):
        j = 0
        while j < n:
            p = cols[j].path
            if len(p) <= level:
                j += 1
                continue
            if len(p) == level + 1:  # a leaf: down to the last header row
                ws.cell(top + level, j + 1, p[level])
                if level < depth - 1:
                    ws.merge_cells(start_row=top + level, start_column=j + 1, end_row=top + depth - 1, end_column=j + 1)
                j += 1
                continue
            k = j
            while k + 1 < n and len(cols[k + 1].path) > level + 1 and cols[k + 1].path[:level + 1] == p[:level + 1]:
                k += 1
            ws.cell(top + level, j + 1, p[level])
            if k > j:
                ws.merge_cells(start_row=top + level, start_column=j + 1, end_row=top + level, end_column=k + 1)
            j = k + 1
    for rr in range(top, top + depth):
        for i in range(n):
            c = ws.cell(rr, i + 1)
            c.font = Font(name='黑体', size=11, bold=True)
            c.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)
            c.border = BORDER
            c.fill = PatternFill('solid', fgColor=header_fill)
    r = top + depth
    if colnums:
        for i, c in enumerate(cols):
            cell = ws.cell(r, i + 1, c.colnum)
            cell.alignment = Alignment(horizontal='center')
            cell.border = BORDER
            cell.font = Font(name=font, size=10)
        if colnums_hidden:
            ws.row_dimensions[r].hidden = True
        r += 1
    ws.freeze_panes = ws.cell(r, 1)
    bykey = {c.key: c for c in cols}
    for x in body:
        x.r = r
        if x.kind == 'section':
            if x.kw.get('mode', 'merged') == 'merged':
                ws.cell(r, 1, x.kw['text'])
                ws.merge_cells(f'A{r}:{last}{r}')
                ws.cell(r, 1).font = Font(name='黑体', size=11, bold=True)
                ws.cell(r, 1).alignment = Alignment(horizontal='left', vertical='center')
            else:  # only the label cells
                for key, text in x.kw['labels'].items():
                    ws.cell(r, _idx(cols, key), text).font = Font(name='黑体', size=11, bold=True)
            for i in range(n):
                ws.cell(r, i + 1).border = BORDER
            r += 1
            continue
        if x.kind in ('sub', 'total'):
            vals = {k: office_sum(x.kw['rows'], k) for k in x.kw['sum']}
            for k, off in x.kw.get('off', {}).items():
                vals[k] = vals[k] + off
            vals = {k: (round(v, 6) if isinstance(v, float) else v) for k, v in vals.items()}
            x.v = vals
            label_span = x.kw.get('label_span')
            ws.cell(r, _idx(cols, x.kw['label_key']), x.kw['label'])
            if label_span:
                ws.merge_cells(start_row=r, start_column=_idx(cols, x.kw['label_key']), end_row=r, end_column=_idx(cols, label_span))
            for k, v in vals.items():
                cell = ws.cell(r, _idx(cols, k), v)
                if bykey[k].fmt:
                    cell.number_format = bykey[k].fmt
            for i in range(n):
                ws.cell(r, i + 1).border = BORDER
                ws.cell(r, i + 1).font = Font(name=font, size=11, bold=True)
            r += 1
            continue
        for i, c in enumerate(cols):
            val = x.v.get(c.key)
            cell = ws.cell(r, i + 1, val)
            cell.border = BORDER
            cell.font = Font(name=font, size=11)
            if c.fmt and not isinstance(val, str):
                cell.number_format = c.fmt
            if c.key in ('id', 'phone'):
                cell.number_format = '@'
            if isinstance(val, str) and len(val) > 12:
                cell.alignment = Alignment(wrap_text=True, vertical='center')
        r += 1
    r += footer_gap
    for line in footer:
        if isinstance(line, str):
            ws.cell(r, 1, line).font = Font(name=font, size=11)
        else:
            for key, text in line:
                ws.cell(r, _idx(cols, key), text).font = Font(name=font, size=11)
        r += 1
    ws.page_setup.orientation = 'landscape'
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = f'{top}:{top + depth - 1}'


def _idx(cols, key):
    for i, c in enumerate(cols):
        if c.key == key:
            return i + 1
    raise KeyError(key)


def cell(cols, x, key):
    for c in cols:
        if c.key == key:
            return f'{c.letter}{x.r}'
    raise KeyError(key)


def colnums_letters(cols, numeric_keys, style='cn'):
    """甲 乙 丙 for text columns and 1 2 3 for numbers, or (1) (2) (3) for all."""
    cn = '甲乙丙丁戊己庚辛壬癸'
    a = b = 0
    for c in cols:
        if style == 'paren':
            b += 1
            c.colnum = f'({b})'
        elif c.key in numeric_keys:
            b += 1
            c.colnum = b
        else:
            c.colnum = cn[a]
            a += 1


# ---------------------------------------------------------------------------------------------
# Corpus bookkeeping
# ---------------------------------------------------------------------------------------------

CASES = []


CURRENT = None  # the case being written: write_sheet notes its detection words on it


class Case:
    def __init__(self, name, family, kind, correct, args):
        global CURRENT
        CURRENT = self
        self.detect = {}  # sheet → words its detection line must name
        self.name = name
        self.family = family
        self.kind = kind
        self.correct = correct
        self.args = args
        self.planted = []
        self.allowed = []
        self.aid_rows = []  # (county, township, row dict in 元)
        self.units = None
        self.unit_fields = None

    def plant(self, rule, sheet, cells, note, mentions=(), hint_any=()):
        """cells: one A1 address, or a list of acceptable ones (the mistake is at either).
        mentions: texts the finding's message + hint must contain (the amount it means, in 元);
        hint_any: the hint must contain one of these."""
        self.planted.append({'rule': rule if isinstance(rule, list) else [rule], 'sheet': sheet,
                             'cells': cells if isinstance(cells, list) else [cells], 'note': note,
                             'mentions': list(mentions), 'hintAny': list(hint_any)})

    def allow(self, sheet, cell, note):
        """A cell where a consequence of a planted mistake may also be reported (not required)."""
        self.allowed.append({'sheet': sheet, 'cell': cell, 'note': note})

    def expectation(self):
        e = {'file': self.name + '.xlsx', 'family': self.family, 'kind': self.kind, 'correct': self.correct, 'args': self.args}
        if self.kind == 'aid' and self.aid_rows and (self.correct or self.totals_hold):
            e['aid'] = aid_totals(self.aid_rows)
        if self.units is not None:
            e['responsibility'] = {'units': self.units, 'fields': self.unit_fields}
        e['detect'] = self.detect
        e['planted'] = self.planted
        e['allowed'] = self.allowed
        return e

    # a flawed twin whose planted mistakes leave the households and amounts as they are
    # (a wrong 汇总 row, a date, a phone number) is held to the same totals
    totals_hold = False


def aid_totals(rows):
    def add(acc, h):
        acc['households'] += 1
        acc['persons'] += h['members']
        acc['cash'] += h['cash']
        acc['goods'] += h['goods']
        acc['amount'] += h['cash'] + h['goods']

    def zero():
        return {'households': 0, 'persons': 0, 'cash': 0, 'goods': 0, 'amount': 0}

    total = zero()
    counties = {}
    towns = {}
    for county, town, h in rows:
        add(total, h)
        add(counties.setdefault(county, dict(zero(), county=county)), h)
        add(towns.setdefault((county, town), dict(zero(), county=county, township=town)), h)
    return {'total': total, 'byCounty': list(counties.values()), 'byTownship': list(towns.values())}


def save(wb, case, out):
    wb.properties.creator = '乡镇计生办'
    wb.save(os.path.join(out, case.name + '.xlsx'))
    CASES.append(case)


# ---------------------------------------------------------------------------------------------
# Aid ledgers (kind 2)
# ---------------------------------------------------------------------------------------------

WIN17 = ('2017-01-09', '2017-01-22')
WIN16 = ('2016-01-25', '2016-02-05')


def households(rng, names, ids, county, villages, n, window=WIN17):
    d0 = date.fromisoformat(window[0])
    span = (date.fromisoformat(window[1]) - d0).days
    out = []
    for i in range(n):
        cash = rng.choice([300, 500, 500, 800, 1000, 1000, 1200, 1500, 2000])
        goods = rng.choice([0, 100, 150, 200, 200, 300, 500])
        h = {
            'village': villages[i * len(villages) // n],
            'head': names(),
            'id': ids(county),
            'members': rng.randint(1, 5),
            'type': rng.choice(TYPES),
            'cash': cash,
            'goods': goods,
            'total': cash + goods,
            'date': d0 + timedelta(days=rng.randint(0, span)),
            'phone': mobile(rng),
            'visitor': names(),
        }
        out.append(h)
    return out


def money_view(h, wan):
    """The row as the office typed it: 元, or 万元 (four decimals, as they type them)."""
    v = dict(h)
    if wan:
        for k in ('cash', 'goods', 'total'):
            v[k] = round(h[k] / 10000, 4)
    return v


def aid_title(place, year=2017, what='春节走访慰问计生困难家庭台账'):
    return f'{place}{year}年{what}'


def std_aid_cols(variant, wan=False):
    """Column sets as different offices draw them."""
    fmt = WAN_FMT if wan else YUAN_FMT
    if variant == 'group':  # 救助金额 over 慰问金 / 慰问品折款 / 小计
        return [
            Col('seq', '序号', 6), Col('village', '村（居）', 10), Col('head', '户主姓名', 10),
            Col('id', '公民身份号码', 21), Col('members', '家庭人口', 8), Col('type', '困难类型', 10),
            Col('cash', ('救助金额（元）', '慰问金'), 10, fmt=fmt), Col('goods', ('救助金额（元）', '慰问品折款'), 11, fmt=fmt),
            Col('total', ('救助金额（元）', '小计'), 10, fmt=fmt),
            Col('date', '走访日期', 14, fmt=DATE_FMT), Col('visitor', '走访人', 9), Col('phone', '联系电话', 14), Col('note', '备注', 8),
        ]
    if variant == 'flat':
        return [
            Col('seq', '序号', 6), Col('head', '户主', 10), Col('id', '身份证号码', 21), Col('village', '村居', 10),
            Col('type', '家庭类型', 10), Col('members', '家庭人口数', 8),
            Col('cash', '慰问金', 10, fmt=fmt), Col('goods', '物品折价', 10, fmt=fmt), Col('total', '合计金额', 10, fmt=fmt),
            Col('phone', '电话', 14), Col('date', '慰问时间', 14, fmt=DATE_FMT), Col('visitor', '慰问人', 9),
        ]
    if variant == 'place':  # county and township columns
        return [
            Col('seq', '序号', 6), Col('county', '县（市、区）', 10), Col('township', '乡镇（街道）', 12), Col('village', '村（居）', 10),
            Col('head', '户主姓名', 10), Col('id', '身份证号', 21), Col('members', '人口数', 8), Col('type', '救助类别', 10),
            Col('cash', '救助金（元）', 10, fmt=fmt), Col('goods', '慰问品（折合金额）', 12, fmt=fmt), Col('total', '合计（元）', 10, fmt=fmt),
            Col('date', '发放时间', 14, fmt=DATE_FMT), Col('phone', '联系电话', 14),
        ]
    raise ValueError(variant)


def data_rows(hs, wan=False, seq_from=1):
    rows = []
    for i, h in enumerate(hs):
        v = money_view(h, wan)
        v['seq'] = seq_from + i
        rows.append(Row('data', v))
    return rows


def record(case, county, town, hs):
    for h in hs:
        case.aid_rows.append((county, town, {'members': h['members'], 'cash': h['cash'], 'goods': h['goods']}))


MONEY = ['members', 'cash', 'goods', 'total']


def aid_group_header(out, correct, seed=11):
    """Group header 救助金额 over 慰问金/慰问品折款/小计, a visible 栏次 row 甲 乙 … 1 2 3, a 合计 row
    whose label is merged over the text columns; county and township only in the title."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-group-header-colnum' + ('.ok' if correct else '.flawed'), ['group-header', 'colnum-visible', 'total-row', 'place-title'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    ws = wb.active
    ws.title = '侯营镇'
    cols = std_aid_cols('group')
    colnums_letters(cols, {'members', 'cash', 'goods', 'total'})
    hs = households(rng, names, ids, '东昌府区', ['侯营村', '王庄村', '前屯村'], 14)
    body = data_rows(hs)
    if not correct:
        x = body[3]
        x.v['id'] = x.v['id'][:17] + ('1' if x.v['id'][17] != '1' else '2')
        x2 = body[7]
        x2.v['phone'] = x2.v['phone'][:10]
    tot = Row('total', label_key='seq', label='合计', label_span='id', rows=body, sum=MONEY, off={} if correct else {'cash': 500})
    body.append(tot)
    write_sheet(ws, cols, body, titles=[(aid_title('聊城市东昌府区侯营镇'), True, 'title'), ('填报单位：侯营镇计生办（盖章）', False, None)],
                footer=['填表人：' + names() + '          审核人：' + names() + '          填报日期：2017年1月24日'], colnums=True)
    record(case, '东昌府区', '侯营镇', hs)
    if not correct:
        case.plant('id.checksum', ws.title, cell(cols, body[3], 'id'), 'check character changed')
        case.plant('phone.format', ws.title, cell(cols, body[7], 'phone'), '10-digit mobile')
        case.plant('total-row.mismatch', ws.title, cell(cols, tot, 'cash'), '合计 慰问金 500 too high')
        case.allow(ws.title, cell(cols, tot, 'total'), 'the 合计 row no longer adds up across (慰问金 + 慰问品折款 ≠ 小计)')
    save(wb, case, out)


def aid_hidden_paren(out, correct, seed=12):
    """County and township columns, a hidden (1)(2)(3) 栏次 row, no title line at all."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-colnum-hidden-paren' + ('.ok' if correct else '.flawed'), ['colnum-hidden', 'place-columns'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    ws = wb.active
    ws.title = '帮扶台账'
    cols = std_aid_cols('place')
    colnums_letters(cols, set(), style='paren')
    parts = [('阳谷县', '阿城镇', ['阿城村', '陶城铺村']), ('阳谷县', '西湖乡', ['西湖村', '南街村']), ('阳谷县', '博济桥街道', ['城东社区'])]
    body = []
    allhs = []
    for county, town, vill in parts:
        hs = households(rng, names, ids, county, vill, 6)
        for h in hs:
            h['county'], h['township'] = county, town
        allhs += hs
        record(case, county, town, hs)
    body = data_rows(allhs)
    if not correct:
        body[4].v['total'] = body[4].v['total'] + 100
        body[11].v['id'] = body[2].v['id']
        body[11].v['head'] = body[2].v['head']  # the same person entered twice
    write_sheet(ws, cols, body, colnums=True, colnums_hidden=True, font='仿宋')
    if not correct:
        case.plant('amount.sum-mismatch', ws.title, cell(cols, body[4], 'total'), 'row total 100 too high')
        case.plant('household.duplicate', ws.title, cell(cols, body[11], 'id'), 'ID of row 3 again')
        case.allow(ws.title, cell(cols, body[2], 'id'), 'first occurrence of the duplicate')
    save(wb, case, out)


def aid_village_subtotals(out, correct, seed=13):
    """东街村小计 in the 村（居） column after each village, 合计 at the end (label in 序号)."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-village-subtotals' + ('.ok' if correct else '.flawed'), ['subtotal-village', 'colnum-visible-paren', 'total-row', 'place-sheet-name'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    ws = wb.active
    ws.title = '东昌府区沙镇镇'
    cols = std_aid_cols('group')
    colnums_letters(cols, set(), style='paren')  # a visible (1) (2) (3) … row this time
    villages = ['东街村', '西街村', '刘庄村']
    body, datas, subs = [], [], []
    for vi, v in enumerate(villages):
        hs = households(rng, names, ids, '东昌府区', [v], 5 + vi)
        record(case, '东昌府区', '沙镇镇', hs)
        rows = data_rows(hs, seq_from=len(datas) + 1)
        datas += rows
        body += rows
        off = {'cash': -200, 'total': -200} if (not correct and vi == 1) else {}
        sub = Row('sub', label_key='village', label=f'{v}小计', rows=rows, sum=MONEY, off=off)
        subs.append(sub)
        body.append(sub)
    tot_rows = datas + subs if not correct else datas  # the flawed office summed data and subtotals
    tot = Row('total', label_key='seq', label='合计', rows=tot_rows, sum=MONEY)
    body.append(tot)
    write_sheet(ws, cols, body, titles=[(aid_title('东昌府区沙镇镇'), True, 'title'), ('（单位：元）', True, 'right')],
                footer=['填表人：' + names() + '     审核人：' + names()], footer_gap=1, colnums=True)
    if not correct:
        case.plant('total-row.mismatch', ws.title, cell(cols, subs[1], 'cash'), '西街村小计 慰问金 200 too low')
        case.plant('total-row.mismatch', ws.title, cell(cols, subs[1], 'total'), '西街村小计 小计 200 too low')
        for k in MONEY:
            case.plant('total-row.mismatch', ws.title, cell(cols, tot, k), '合计 = data + subtotals')
    save(wb, case, out)


def aid_head_subtotals(out, correct, seed=14):
    """本村合计 in the 户主姓名 column, 总计 at the end; money in 万元 stated by a subtitle line."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-head-subtotals-wan' + ('.ok' if correct else '.flawed'), ['subtotal-head', 'unit-subtitle-wan', 'place-title'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    ws = wb.active
    ws.title = 'Sheet1'
    cols = std_aid_cols('flat', wan=True)
    body, datas, subs = [], [], []
    for v in ['七级村', '北街村']:
        hs = households(rng, names, ids, '阳谷县', [v], 7)
        record(case, '阳谷县', '七级镇', hs)
        rows = data_rows(hs, wan=True, seq_from=len(datas) + 1)
        datas += rows
        body += rows
        sub = Row('sub', label_key='head', label='本村合计', rows=rows, sum=MONEY)
        subs.append(sub)
        body.append(sub)
    if not correct:
        datas[5].v['cash'] = 800  # typed in 元 on a 万元 sheet
        datas[5].v['total'] = round(800 + datas[5].v['goods'], 4)
        datas[9].v['goods'] = -0.02
        datas[9].v['total'] = round(datas[9].v['cash'] - 0.02, 4)
    tot = Row('total', label_key='seq', label='总计', rows=datas, sum=MONEY)
    body.append(tot)
    write_sheet(ws, cols, body, titles=[(aid_title('阳谷县七级镇'), True, 'title'),
                                        ('填报单位：七级镇人民政府                 金额单位：万元', False, None)], colnums=False)
    if not correct:
        case.plant('amount.unit', ws.title, cell(cols, datas[5], 'cash'), '800 typed in a 万元 sheet')
        case.allow(ws.title, cell(cols, datas[5], 'total'), 'its row total is as big')
        for s in subs + [tot]:
            for k in ('cash', 'total', 'goods'):
                case.allow(ws.title, cell(cols, s, k), 'subtotal holding the mistyped amount')
        case.plant('amount.negative', ws.title, cell(cols, datas[9], 'goods'), 'negative goods value')
    save(wb, case, out)


def aid_page_subtotals(out, correct, seed=15):
    """本页小计 in the 序号 column every 10 households, 合计 at the end; 单位：元 in the title."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-page-subtotals' + ('.ok' if correct else '.flawed'), ['subtotal-page', 'unit-title-yuan', 'total-row', 'place-title'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    ws = wb.active
    ws.title = '花名册'
    cols = std_aid_cols('flat')
    hs = households(rng, names, ids, '临清市', ['先锋村', '大辛庄村', '八里园村'], 24)
    record(case, '临清市', '先锋路街道', hs)
    datas = data_rows(hs)
    body, pages = [], []
    for p in range(0, len(datas), 10):
        page = datas[p:p + 10]
        body += page
        off = {'cash': 1000, 'total': 1000} if (not correct and p == 10) else {}
        sub = Row('sub', label_key='seq', label='本页小计', rows=page, sum=MONEY, off=off)
        pages.append(sub)
        body.append(sub)
    tot = Row('total', label_key='seq', label='合计', rows=datas, sum=MONEY)
    body.append(tot)
    if not correct:
        datas[13].v['id'] = float(datas[13].v['id'][:15] + '000')  # typed as a number: Excel keeps 15 digits
    write_sheet(ws, cols, body, titles=[('临清市先锋路街道2017年春节计生困难家庭慰问花名册（单位：元）', True, 'title')], font='仿宋_GB2312')
    if not correct:
        ws[cell(cols, datas[13], 'id')].number_format = '0.00E+00'
        case.plant('total-row.mismatch', ws.title, cell(cols, pages[1], 'cash'), '本页小计 慰问金 1000 too high')
        case.plant('total-row.mismatch', ws.title, cell(cols, pages[1], 'total'), '本页小计 合计金额 1000 too high')
        for k in ('cash', 'total'):
            case.allow(ws.title, cell(cols, tot, k), 'the 合计 (right for the data rows) no longer equals the sum of the 小计 rows')
        case.plant('id.scientific', ws.title, cell(cols, datas[13], 'id'), 'ID typed as a number')
    save(wb, case, out)


def summary_tab(wb, title, towns, wan, with_persons, off=None, name='汇总', colhead='乡镇（街道）', hh='户数', unit_line=True):
    """A 汇总 tab: one row per township, 户数 and amounts, no ID column, a 合计 row."""
    off = off or {}
    fmt = WAN_FMT if wan else YUAN_FMT
    cols = [Col('seq', '序号', 6), Col('township', colhead, 14), Col('households', hh, 10)]
    if with_persons:
        cols.append(Col('members', '家庭人口', 10))
    cols += [Col('cash', '慰问金', 12, fmt=fmt), Col('goods', '慰问品折款', 12, fmt=fmt), Col('total', '合计', 12, fmt=fmt)]
    body = []
    for i, (town, hs) in enumerate(towns):
        v = {'seq': i + 1, 'township': town, 'households': len(hs), 'members': sum(h['members'] for h in hs)}
        for k in ('cash', 'goods', 'total'):
            s = sum(h[k] for h in hs)
            v[k] = round(s / 10000, 4) if wan else s
        for (t, k), d in off.items():
            if t == town:
                v[k] = round(v[k] + d, 4)
        body.append(Row('data', v))
    keys = ['households', 'cash', 'goods', 'total'] + (['members'] if with_persons else [])
    tot = Row('total', label_key='seq', label='合计', label_span='township', rows=body, sum=keys)
    body.append(tot)
    ws = wb.create_sheet(name, 0)
    unit = [('金额单位：万元', False, 'right')] if wan else [('单位：户、人、元', False, 'right')]
    write_sheet(ws, cols, body, titles=[(title, True, 'title')] + (unit if unit_line else []),
                footer=['填表人：李敏     审核人：王长新     联系电话：0635-8241234'])
    CURRENT.detect.setdefault(name, []).append('汇总')
    return ws, cols, body


def aid_summary_tab(out, correct, seed=16):
    """Township tabs plus a 汇总 tab in front; everything in 元."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-summary-tab' + ('.ok' if correct else '.flawed'), ['summary-tab', 'place-sheet-name'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    wb.remove(wb.active)
    towns = []
    for town, vill, n in [('堂邑镇', ['堂邑村', '路庄村'], 9), ('梁水镇', ['梁水镇村', '张庄村'], 8), ('道口铺街道', ['道口铺社区'], 7)]:
        hs = households(rng, names, ids, '东昌府区', vill, n)
        record(case, '东昌府区', town, hs)
        ws = wb.create_sheet(town)
        cols = std_aid_cols('group')
        body = data_rows(hs)
        body.append(Row('total', label_key='seq', label='合计', rows=list(body), sum=MONEY))
        write_sheet(ws, cols, body, titles=[(aid_title('东昌府区' + town), True, 'title')])
        towns.append((town, hs))
    off = {} if correct else {('梁水镇', 'households'): 1, ('道口铺街道', 'cash'): 300, ('道口铺街道', 'total'): 300}
    ws, cols, body = summary_tab(wb, '东昌府区2017年春节走访慰问计生困难家庭汇总表', towns, False, True, off)
    if not correct:
        case.plant('summary.mismatch', '汇总', cell(cols, body[1], 'households'), '梁水镇 户数 one too many')
        case.plant('summary.mismatch', '汇总', cell(cols, body[2], 'cash'), '道口铺街道 慰问金 300 too high')
        case.plant('summary.mismatch', '汇总', cell(cols, body[2], 'total'), '道口铺街道 合计 300 too high')
        for k in ('households', 'cash', 'total'):
            case.allow('汇总', cell(cols, body[-1], k), 'the 汇总 合计 carries the same difference')
        case.totals_hold = True  # the township tabs are right; only 汇总 is off
    save(wb, case, out)


def aid_summary_wan(out, correct, seed=17):
    """Township tabs in 元 (单位：元 in the title), 汇总表 in 万元 with 走访户数, no persons column."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-summary-wan' + ('.ok' if correct else '.flawed'), ['summary-tab', 'unit-title-wan', 'unit-title-yuan', 'header-words'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    wb.remove(wb.active)
    towns = []
    for town, vill, n in [('阿城镇', ['阿城村', '陶城铺村'], 8), ('张秋镇', ['张秋村'], 7), ('大布乡', ['大布村', '前王村'], 8)]:
        hs = households(rng, names, ids, '阳谷县', vill, n)
        record(case, '阳谷县', town, hs)
        ws = wb.create_sheet(town)
        cols = std_aid_cols('flat')
        body = data_rows(hs)
        write_sheet(ws, cols, body, titles=[(aid_title('阳谷县' + town), True, 'title'), ('单位：元', False, 'right')])
        towns.append((town, hs))
    off = {} if correct else {('张秋镇', 'total'): 0.05}
    ws, cols, body = summary_tab(wb, '阳谷县春节走访慰问计生困难家庭情况汇总表（单位：万元）', towns, True, False, off, name='汇总表', colhead='乡镇', hh='走访户数', unit_line=False)
    if not correct:
        case.plant('summary.mismatch', '汇总表', cell(cols, body[1], 'total'), '张秋镇 合计 0.05万元 (500 元) too high')
        case.allow('汇总表', cell(cols, body[-1], 'total'), 'the 汇总 合计 carries the same difference')
        case.allow('汇总表', cell(cols, body[1], 'cash'), 'row of the mismatch')
        case.allow('汇总表', cell(cols, body[1], 'goods'), 'row of the mismatch')
        case.totals_hold = True
    save(wb, case, out)


def aid_wan_title(out, correct, seed=18):
    """（单位：万元） on its own line under the title; one column states 元 itself."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-unit-title-wan' + ('.ok' if correct else '.flawed'), ['unit-title-wan', 'unit-own-column', 'place-sheet-name'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    ws = wb.active
    ws.title = '冠县东古城镇'
    cols = [Col('seq', '序号', 6), Col('village', '村', 10), Col('head', '救助对象', 10), Col('id', '身份证号码', 21), Col('members', '家庭人口', 8),
            Col('type', '困难类型', 10), Col('cash', '慰问金', 10, fmt=WAN_FMT), Col('goods', '慰问品折款（元）', 12, fmt=YUAN_FMT),
            Col('date', '走访时间', 13, fmt=DATE_FMT), Col('phone', '联系电话', 14)]
    hs = households(rng, names, ids, '冠县', ['东古城村', '孙庄村'], 12)
    record(case, '冠县', '东古城镇', hs)
    body = []
    for i, h in enumerate(hs):
        v = dict(h, seq=i + 1, cash=round(h['cash'] / 10000, 4))
        body.append(Row('data', v))
    if not correct:
        body[6].v['cash'] = 1000
        body[8].v['goods'] = 0.05
    write_sheet(ws, cols, body, titles=[('冠县东古城镇2017年春节走访慰问计生困难家庭明细表', True, 'title'), ('（单位：万元）', True, 'right')])
    if not correct:
        case.plant('amount.unit', ws.title, cell(cols, body[6], 'cash'), '1000 typed in a 万元 column')
        case.plant('amount.unit', ws.title, cell(cols, body[8], 'goods'), '0.05 in a column that says 元')
    save(wb, case, out)


def aid_yearless(out, correct, seed=19):
    """慰问时间 typed as 1月13日 (no year); 2016 campaign: window and title say 2016."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-yearless-dates' + ('.ok' if correct else '.flawed'), ['yearless-date', 'header-words'], 'aid', correct,
                ['--window', '2016-01-25..2016-02-05'])
    wb = Workbook()
    ws = wb.active
    ws.title = '莘县燕店镇'
    cols = [Col('seq', '序号', 6), Col('head', '户主姓名', 10), Col('id', '身份证号', 21), Col('village', '村（居）', 10),
            Col('members', '家庭人口', 8), Col('type', '困难类型', 10), Col('cash', '慰问金（元）', 10, fmt=YUAN_FMT),
            Col('goods', '慰问品折款（元）', 12, fmt=YUAN_FMT), Col('total', '合计（元）', 10, fmt=YUAN_FMT),
            Col('date', '慰问时间', 10), Col('visitor', '走访领导', 9), Col('handler', '经办人', 9)]
    hs = households(rng, names, ids, '莘县', ['燕店村', '李庄村'], 12, window=WIN16)
    record(case, '莘县', '燕店镇', hs)
    body = data_rows(hs)
    for x in body:
        d = x.v['date']
        x.v['date'] = f'{d.month}月{d.day}日'
        x.v['handler'] = names()
    if not correct:
        body[5].v['date'] = '2月20日'
        body[9].v['date'] = '12月28日'
    write_sheet(ws, cols, body, titles=[('莘县燕店镇2016年春节走访慰问计生困难家庭登记表', True, 'title')],
                footer=['注：慰问时间为入户时间。'])
    if not correct:
        case.plant('date.out-of-window', ws.title, cell(cols, body[5], 'date'), '2月20日 is after the 2016 window')
        case.plant('date.out-of-window', ws.title, cell(cols, body[9], 'date'), '12月28日 (2016) is after the window')
        case.totals_hold = True
    save(wb, case, out)


def aid_text_money(out, correct, seed=20):
    """Money typed as text: 500元, 0.05万, ５００. The office's 合计 (SUM) skips them."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-text-money' + ('.ok' if correct else '.flawed'), ['text-money', 'total-row', 'footer'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    ws = wb.active
    ws.title = '东阿县铜城街道'
    cols = [Col('seq', '序号', 6), Col('village', '社区', 10), Col('head', '户主姓名', 10), Col('id', '公民身份号码', 21),
            Col('members', '家庭人口', 8), Col('type', '困难类型', 10), Col('cash', '救助金', 10, fmt=YUAN_FMT),
            Col('date', '走访日期', 14, fmt=DATE_FMT), Col('phone', '联系电话', 14), Col('note', '备注', 10)]
    hs = households(rng, names, ids, '东阿县', ['铜城社区', '南关社区'], 12)
    for h in hs:
        h['goods'] = 0
        h['total'] = h['cash']
    record(case, '东阿县', '铜城街道', hs)
    body = data_rows(hs)
    texts = {2: '500元', 5: '0.05万', 8: '５００'}
    if not correct:
        for i, t in texts.items():
            body[i].v['cash'] = t
    tot = Row('total', label_key='seq', label='合计', rows=list(body), sum=['members', 'cash'])
    body.append(tot)
    write_sheet(ws, cols, body, titles=[('东阿县铜城街道2017年春节计生困难家庭救助金发放表', True, 'title'), ('单位：元', False, 'right')],
                footer=['经办人：' + names() + '          联系人：' + names() + '          联系电话：' + mobile(rng), '注：本表一式两份，街道、县卫计局各存一份。'])
    if not correct:
        for i in texts:
            # the finding says what the text means in 元 and that Excel's SUM (the 合计) skipped it
            case.plant('amount.not-number', ws.title, cell(cols, body[i], 'cash'), f'money typed as text {texts[i]}',
                       mentions=['500'], hint_any=['SUM', '求和', '合计'])
        case.allow(ws.title, cell(cols, tot, 'cash'), 'the office SUM skipped the text amounts')
    save(wb, case, out)


def aid_places_sheets(out, correct, seed=21):
    """A county workbook of 乐陵市 with tabs named 乐陵市市中街道, 乐陵市杨安镇, 乐陵市西段乡, 乐陵市胡家街道."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-place-sheet-names' + ('.ok' if correct else '.flawed'), ['place-sheet-name', 'county-level-city', 'footer'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    wb.remove(wb.active)
    bodies = {}
    for town, vill in [('市中街道', ['西关社区', '南关社区']), ('杨安镇', ['杨安村']), ('西段乡', ['西段村', '大刘村']), ('胡家街道', ['胡家村'])]:
        hs = households(rng, names, ids, '乐陵市', vill, 7)
        record(case, '乐陵市', town, hs)
        ws = wb.create_sheet('乐陵市' + town)
        cols = std_aid_cols('flat' if town != '西段乡' else 'group')
        body = data_rows(hs)
        bodies[town] = (ws, cols, body)
        write_sheet(ws, cols, body, titles=[('2017年春节计生困难家庭走访慰问台账', True, 'title'), ('填报单位：' + '乐陵市' + town + '     填报时间：2017年1月23日', False, None)],
                    footer=['填表人：' + names() + '   审核人：' + names() + '   联系电话：' + mobile(rng)], font='楷体_GB2312')
    if not correct:
        ws, cols, body = bodies['杨安镇']
        x = body[2]
        first = x.v['id'][:6] + '19560230' + x.v['id'][14:17]
        x.v['id'] = first + check_char(first)
        ws[cell(cols, x, 'id')].value = x.v['id']
        ws, cols, body = bodies['西段乡']
        y = body[4]
        first = y.v['id'][:6] + '20190305' + y.v['id'][14:17]
        y.v['id'] = first + check_char(first)
        ws[cell(cols, y, 'id')].value = y.v['id']
        case.plant('id.birthdate', '乐陵市杨安镇', cell(bodies['杨安镇'][1], x, 'id'), '19560230: no such day')
        case.plant('id.birthdate', '乐陵市西段乡', cell(bodies['西段乡'][1], y, 'id'), 'born 2019, after the as-of date')
        case.totals_hold = True
    save(wb, case, out)


def aid_places_titles(out, correct, seed=22):
    """A city workbook: tabs Sheet1..4, counties and townships only in the titles
    (阳谷县西湖乡, 临清市新华办事处, 东昌府区广平乡, 乐陵市市中街道)."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-place-titles' + ('.ok' if correct else '.flawed'), ['place-title', 'county-level-city', 'office-办事处'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    wb.remove(wb.active)
    keep = []
    places = [('阳谷县', '西湖乡', ['西湖村']), ('临清市', '新华办事处', ['运河社区', '纸坊社区']), ('东昌府区', '广平乡', ['广平村']),
              ('乐陵市', '市中街道', ['西关社区'])]
    for i, (county, town, vill) in enumerate(places):
        hs = households(rng, names, ids, county, vill, 8)
        record(case, county, town, hs)
        ws = wb.create_sheet(f'Sheet{i + 1}')
        cols = std_aid_cols(['flat', 'group', 'flat', 'group'][i])
        body = data_rows(hs)
        keep.append((ws, cols, body))
        write_sheet(ws, cols, body, titles=[(f'{county}{town}2017年春节走访慰问计生困难家庭台账', True, 'title')])
    if not correct:
        ws, cols, body = keep[1]
        body[3].v['members'] = None
        ws[cell(cols, body[3], 'members')].value = None
        body[5].v['head'] = None
        ws[cell(cols, body[5], 'head')].value = None
        case.plant('required.missing', 'Sheet2', cell(cols, body[5], 'head'), '户主姓名 empty')
        case.allow('Sheet2', cell(cols, body[3], 'members'), '家庭人口 empty (not a required field in domain.md)')
    save(wb, case, out)


def aid_combo(out, correct, seed=23):
    """Everything at once: title + 填报单位 line + 金额单位：万元, 3-row header (资金来源 group too),
    hidden 栏次 row, village section rows, 小计 per village in 户主姓名, 合计, footers, and a 汇总 tab in 元."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-combo-all' + ('.ok' if correct else '.flawed'),
                ['three-row-header', 'colnum-hidden', 'section-rows', 'subtotal-head', 'total-row', 'unit-subtitle-wan', 'summary-tab', 'footer', 'header-words'],
                'aid', correct, ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    wb.remove(wb.active)
    towns = []
    for town, vill in [('古楼街道', ['东关社区', '米市街社区']), ('柳园街道', ['柳园社区', '利民社区'])]:
        ws = wb.create_sheet(town)
        cols = [Col('seq', '序号', 6), Col('village', '村（居）', 10), Col('head', '户主姓名', 10), Col('id', '公民身份号码', 21),
                Col('members', '家庭人口', 8), Col('type', '困难类型', 10),
                Col('cash', ('帮扶救助情况', '救助金额', '慰问金'), 10, fmt=WAN_FMT), Col('goods', ('帮扶救助情况', '救助金额', '慰问品折款'), 10, fmt=WAN_FMT),
                Col('total', ('帮扶救助情况', '救助金额', '合计'), 10, fmt=WAN_FMT),
                Col('gov', ('帮扶救助情况', '资金来源', '政府投入'), 10, fmt=WAN_FMT), Col('dept', ('帮扶救助情况', '资金来源', '部门筹集'), 10, fmt=WAN_FMT),
                Col('date', ('帮扶救助情况', '慰问时间'), 13, fmt=DATE_FMT), Col('phone', '联系电话', 14)]
        colnums_letters(cols, {'members', 'cash', 'goods', 'total', 'gov', 'dept'})
        body, datas, subs = [], [], []
        allhs = []
        for vi, v in enumerate(vill):
            body.append(Row('section', mode='merged', text=f'{"一二三四"[vi]}、{v}'))
            hs = households(rng, names, ids, '东昌府区', [v], 5)
            for h in hs:
                h['gov'] = h['cash']
                h['dept'] = h['goods']
            allhs += hs
            rows = data_rows(hs, wan=True, seq_from=len(datas) + 1)
            for x in rows:
                x.v['gov'] = x.v['cash']
                x.v['dept'] = x.v['goods']
            datas += rows
            body += rows
            sub = Row('sub', label_key='head', label='小计', rows=rows, sum=MONEY + ['gov', 'dept'])
            subs.append(sub)
            body.append(sub)
        record(case, '东昌府区', town, allhs)
        off = {'cash': 0.1, 'gov': 0.1} if (not correct and town == '柳园街道') else {}
        tot = Row('total', label_key='seq', label='合计', label_span='head', rows=datas, sum=MONEY + ['gov', 'dept'], off=off)
        body.append(tot)
        if not correct and town == '古楼街道':
            datas[2].v['phone'] = '0635-824'
        write_sheet(ws, cols, body, titles=[(f'聊城市东昌府区{town}2017年春节计生困难家庭帮扶救助台账', True, 'title'),
                                            ('填报单位：（盖章）' + town + '办事处              金额单位：万元', False, None)],
                    footer=['分管领导：' + names() + '     填表人：' + names() + '     审核人：' + names(), '联系人：' + names() + '     联系电话：' + mobile(rng),
                            '注：1.资金来源按实际填写；2.本表报区卫计局。'], colnums=True, colnums_hidden=True, footer_gap=1)
        if not correct and town == '古楼街道':
            case.plant('phone.format', town, cell(cols, datas[2], 'phone'), 'truncated landline')
        if not correct and town == '柳园街道':
            case.plant('total-row.mismatch', town, cell(cols, tot, 'cash'), '合计 慰问金 0.1万元 too high')
            case.plant('total-row.mismatch', town, cell(cols, tot, 'gov'), '合计 政府投入 0.1万元 too high')
            case.allow(town, cell(cols, tot, 'total'), 'same row')
        towns.append((town, allhs))
    summary_tab(wb, '东昌府区街道计生困难家庭帮扶救助汇总表', towns, False, True)
    case.totals_hold = True
    save(wb, case, out)


# ---------------------------------------------------------------------------------------------
# Responsibility tables and scoring sheets (kind 1)
# ---------------------------------------------------------------------------------------------

UNITS = ['办公室', '宣传科', '医政医管科', '疾病预防控制科', '基层卫生科', '妇幼健康服务科', '爱国卫生运动委员会办公室', '市疾控中心', '卫生计生监督执法支队', '市人民医院']

SECTIONS = [
    ('组织领导', [
        ('创建工作领导小组', '成立创城工作领导小组，主要领导任组长，定期研究部署创城工作', '未成立的扣2分'),
        ('工作方案', '制定本系统创城工作方案，任务细化分解，责任到人', '无方案不得分'),
        ('工作台账', '建立创城工作台账，资料齐全、归档规范', '缺一项扣0.5分'),
        ('督导检查', '每月开展一次督导检查，问题限期整改', '未开展的扣1分'),
    ]),
    ('宣传教育', [
        ('公益广告', '在院区、候诊区设置公益广告和社会主义核心价值观宣传', '数量不足扣1分'),
        ('道德讲堂', '每季度举办一次道德讲堂', '少一次扣1分'),
        ('健康教育', '设置健康教育宣传栏，每两个月更新一次', '未按时更新扣1分'),
        ('诚信建设', '开展诚信主题教育和医德医风评议', '未开展不得分'),
    ]),
    ('窗口服务', [
        ('预约诊疗', '开展预约诊疗服务，公布预约方式', '未开展扣2分'),
        ('便民服务', '设置便民服务台，提供轮椅、饮水等便民设施', '缺一项扣0.5分'),
        ('候诊秩序', '候诊区秩序良好，一医一患', '发现问题一处扣1分'),
        ('无障碍设施', '门诊、病房设置无障碍通道和卫生间', '缺一项扣1分'),
    ]),
    ('环境卫生', [
        ('病媒生物防制', '病媒生物密度控制达到国家标准', '不达标不得分'),
        ('控烟工作', '医疗卫生机构全面禁烟，设置禁烟标识', '发现吸烟一人次扣1分'),
        ('医疗废物处置', '医疗废物分类收集、规范转运', '不规范扣2分'),
        ('厕所卫生', '公共厕所干净整洁、无异味', '不达标扣1分'),
    ]),
    ('志愿服务', [
        ('志愿服务站点', '设立志愿服务站点，有标识、有人员、有制度', '缺一项扣1分'),
        ('志愿者注册', '职工注册志愿者比例达到10%以上', '不达标扣2分'),
        ('志愿服务活动', '每月开展志愿服务活动不少于一次', '少一次扣0.5分'),
    ]),
    ('党建工作', [
        ('三会一课', '严格落实“三会一课”制度', '未落实扣2分'),
        ('党风廉政建设', '落实党风廉政建设责任制，发生违纪违法案件的一票否决', '发生违纪违法案件的，一票否决'),
    ]),
]
CN_NUM = '一二三四五六七八九十'
LEADERS = ['王长新', '刘德勇', '李敏', '赵国华', '孙建民']


def grade_of(rate):
    if rate >= 0.9:
        return '好'
    if rate >= 0.8:
        return '较好'
    if rate >= 0.6:
        return '一般'
    return '差'


def make_tasks(rng, names, sections, unit_profile, points_plan):
    """Tasks for the chosen sections: each with a lead unit, points and a score.
    unit_profile: unit → share of points the unit tends to lose (0 = none)."""
    units = list(unit_profile)
    owners = {u: names() for u in units}
    tasks = []
    for si, (sec, items) in enumerate(sections):
        for ii, (item, content, std) in enumerate(items):
            unit = units[(si * 3 + ii) % len(units)]
            mx = points_plan[si][ii]
            tasks.append({'section': si, 'sec': sec, 'item': item, 'content': content, 'standard': std, 'max': mx,
                          'lead': unit, 'co': rng.choice([u for u in UNITS if u != unit]),
                          'leader': rng.choice(LEADERS), 'owner': owners[unit]})
    for t in tasks:
        share = unit_profile[t['lead']]
        if '一票否决' in t['standard']:
            share = 0
        loss = round(t['max'] * share * 2) / 2  # half points, as assessors give them
        t['score'] = t['max'] - loss
        t['reason'] = '' if loss == 0 else rng.choice(['台账资料不全', '现场检查发现问题', '宣传栏未按时更新', '部分科室未落实', '群众满意度测评偏低']) + f'，扣{fmt_num(loss)}分'
    return tasks


def fmt_num(x):
    return str(int(x)) if float(x).is_integer() else str(x)


def unit_expect(tasks, veto_failed=(), fields=('tasks', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto')):
    units = {}
    for t in tasks:
        u = units.setdefault(t['lead'], {'unit': t['lead'], 'tasks': 0, 'completed': 0, 'inProgress': 0, 'maxPoints': 0, 'points': 0, 'veto': False})
        u['tasks'] += 1
        u['maxPoints'] += t.get('max', 0) or 0
        u['points'] += t.get('earned', t.get('score', 0)) or 0
        st = t.get('status')
        if st == '已完成':
            u['completed'] += 1
        elif st in ('推进中', '正在推进', '进行中'):
            u['inProgress'] += 1
    for u in units.values():
        u['lost'] = round(u['maxPoints'] - u['points'], 6)
        u['points'] = round(u['points'], 6)
        u['rate'] = u['points'] / u['maxPoints'] if u['maxPoints'] else None
        u['grade'] = grade_of(u['rate']) if u['rate'] is not None else None
        if u['unit'] in veto_failed:
            u['veto'] = True
            u['grade'] = '差'
    return [{k: u[k] for k in ('unit',) + tuple(fields)} for u in units.values()]


def avoid_boundaries(tasks):
    """A unit's rate exactly on a threshold would test float rounding, not layouts: move it off."""
    for _ in range(20):
        bad = False
        for u in unit_expect(tasks):
            if u['rate'] is not None and any(abs(u['rate'] - th) < 0.004 for th in (0.9, 0.8, 0.6)):
                for t in tasks:
                    if t['lead'] == u['unit'] and t['score'] >= 1 and '一票否决' not in t['standard']:
                        t['score'] -= 0.5
                        lost = t['max'] - t['score']
                        t['reason'] = '台账资料不全，扣' + fmt_num(lost) + '分'
                        bad = True
                        break
        if not bad:
            return


def resp_title_lines(title, extra=True):
    lines = [(title, True, 'title')]
    if extra:
        lines.append(('填报单位：聊城市卫生和计划生育委员会（盖章）                    填报日期：2017年7月10日', False, None))
    return lines


def deadline_for(rng, status):
    if status == '已完成':
        return rng.choice([date(2017, 5, 31), date(2017, 6, 30), '2017年6月30日', '6月底', '2017.6.15'])
    return rng.choice([date(2017, 9, 30), '长期', '常态化', '2017年10月底', '持续推进'])


def resp_three_row(out, correct, seed=31):
    """序号 over 一级/二级/三级; 责任分工 over 责任单位 (牵头单位/配合单位) and 责任人 (责任领导/具体责任人)."""
    rng = random.Random(seed)
    names = Names(rng)
    case = Case('resp-three-row-header' + ('.ok' if correct else '.flawed'), ['three-row-header', 'group-header', 'header-words'], 'responsibility', correct, ['--as-of', '2017-07-15'])
    wb = Workbook()
    ws = wb.active
    ws.title = '任务分解'
    secs = [SECTIONS[0], SECTIONS[1], SECTIONS[2], SECTIONS[3], SECTIONS[4]]
    plan = [[5, 5, 5, 5], [5, 5, 5, 5], [6, 6, 4, 4], [6, 6, 4, 4], [8, 6, 6]]
    profile = {'办公室': 0, '宣传科': 0.1, '医政医管科': 0.25, '疾病预防控制科': 0.45}
    tasks = make_tasks(rng, names, secs, profile, plan)
    avoid_boundaries(tasks)
    cols = [Col('l1', ('序号', '一级'), 6), Col('l2', ('序号', '二级'), 6), Col('l3', ('序号', '三级'), 6),
            Col('item', '测评项目', 14), Col('content', '测评内容', 30), Col('max', '分值', 6),
            Col('lead', ('责任分工', '责任单位', '牵头单位'), 12), Col('co', ('责任分工', '责任单位', '配合单位'), 12),
            Col('leader', ('责任分工', '责任人', '责任领导'), 9), Col('owner', ('责任分工', '责任人', '具体责任人'), 10),
            Col('deadline', '完成时限', 12, fmt=DATE_FMT), Col('status', '完成情况', 10), Col('score', '得分', 6), Col('reason', '扣分原因', 18)]
    body = []
    n3 = 0
    last = (None, None)
    for t in tasks:
        n3 += 1
        t['status'] = rng.choice(['已完成', '已完成', '推进中'])
        t['deadline'] = deadline_for(rng, t['status'])
        v = dict(t, l1=f'Ⅰ—{t["section"] + 1}' if last[0] != t['section'] else None, l2=f'Ⅱ—{n3}', l3=f'Ⅲ—{n3}')
        last = (t['section'], None)
        body.append(Row('data', v))
    if not correct:
        body[2].v['owner'] = None
        body[6].v['owner'] = '医政医管科'
        body[9].v['lead'] = None
    write_sheet(ws, cols, body, titles=resp_title_lines('聊城市卫生计生系统创建全国文明城市目标任务分解表'),
                footer=['填表人：' + names() + '          审核人：' + names() + '          联系电话：0635-8241234'])
    case.units = unit_expect(tasks, fields=('tasks', 'completed', 'inProgress', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto'))
    case.unit_fields = ['tasks', 'completed', 'inProgress', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto']
    if not correct:
        case.plant('required.missing', ws.title, cell(cols, body[2], 'owner'), '具体责任人 empty although 责任领导 is filled')
        case.plant('owner.not-person', ws.title, cell(cols, body[6], 'owner'), '具体责任人 is a unit name')
        case.plant('required.missing', ws.title, cell(cols, body[9], 'lead'), '牵头单位 empty, only a 配合单位')
        case.units = None  # a task without lead unit: how it is scored is the engine's choice
    save(wb, case, out)


def resp_colnum_sections(out, correct, seed=32):
    """Visible 栏次 row 甲 乙 丙 1 2 3, section rows 一、 merged across and （一） merged, 合计 row."""
    rng = random.Random(seed)
    names = Names(rng)
    case = Case('resp-colnum-merged-sections' + ('.ok' if correct else '.flawed'), ['colnum-visible', 'section-merged', 'total-row'], 'responsibility', correct, ['--as-of', '2017-07-15'])
    wb = Workbook()
    ws = wb.active
    ws.title = '分解表'
    secs = [SECTIONS[0], SECTIONS[2], SECTIONS[3], SECTIONS[5]]
    plan = [[8, 8, 6, 6], [8, 8, 6, 6], [8, 8, 8, 6], [10, 0]]
    plan[3] = [14, 0]  # sums to 100 with the veto item carrying no points of its own
    profile = {'办公室': 0, '医政医管科': 0.15, '基层卫生科': 0.3, '市疾控中心': 0.05, '宣传科': 0.5}
    tasks = make_tasks(rng, names, secs, profile, plan)
    tasks = [t for t in tasks if t['max'] > 0]
    avoid_boundaries(tasks)
    cols = [Col('seq', '序号', 6), Col('item', '工作任务', 14), Col('content', '工作要求', 30), Col('max', '分值', 6),
            Col('lead', '牵头单位', 14), Col('co', '配合单位', 14), Col('owner', '责任人', 10),
            Col('deadline', '完成时限', 12, fmt=DATE_FMT), Col('status', '进展情况', 10), Col('score', '得分', 6), Col('reason', '扣分原因', 18)]
    colnums_letters(cols, {'max', 'score'})
    body, datas = [], []
    cur = None
    k = 0
    for t in tasks:
        if t['section'] != cur:
            cur = t['section']
            body.append(Row('section', mode='merged', text=f'{CN_NUM[cur]}、{t["sec"]}'))
            if cur == 1:
                body.append(Row('section', mode='merged', text='（一）医疗机构窗口'))
            k = 0
        if cur == 1 and k == 2:
            body.append(Row('section', mode='merged', text='（二）就医环境'))
        k += 1
        t['status'] = rng.choice(['已完成', '正在推进'])
        t['deadline'] = deadline_for(rng, t['status'])
        x = Row('data', dict(t, seq=len(datas) + 1))
        datas.append(x)
        body.append(x)
    if not correct:
        datas[5].v['reason'] = None
        if datas[5].v['score'] == datas[5].v['max']:
            datas[5].v['score'] -= 1
    tot = Row('total', label_key='seq', label='合计', label_span='item', rows=datas, sum=['max', 'score'], off={} if correct else {'score': 2})
    body.append(tot)
    write_sheet(ws, cols, body, titles=resp_title_lines('2017年度创建全国文明城市工作任务分解表', extra=False), colnums=True, font='仿宋_GB2312',
                footer=['考核组成员签字：', '填表人：' + names() + '     审核人：' + names()])
    if correct:
        case.units = unit_expect(tasks)
        case.unit_fields = ['tasks', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto']
    else:
        case.plant('score.deduction-unexplained', ws.title, [cell(cols, datas[5], 'reason'), cell(cols, datas[5], 'score')], 'points lost, 扣分原因 empty')
        case.plant('total-row.mismatch', ws.title, cell(cols, tot, 'score'), '合计 得分 2 too high')
    save(wb, case, out)


def resp_label_sections(out, correct, seed=33):
    """Hidden (1)(2)(3) 栏次 row; section rows with only the label cells filled, stating their
    points: 一 | 组织领导（20分）."""
    rng = random.Random(seed)
    names = Names(rng)
    case = Case('resp-colnum-hidden-label-sections' + ('.ok' if correct else '.flawed'), ['colnum-hidden', 'section-label-only', 'section-points'], 'responsibility', correct, ['--as-of', '2017-07-15'])
    wb = Workbook()
    ws = wb.active
    ws.title = '测评体系'
    secs = [SECTIONS[0], SECTIONS[1], SECTIONS[3], SECTIONS[4]]
    plan = [[6, 6, 4, 4], [8, 6, 6, 5], [8, 8, 6, 8], [9, 6, 6]]  # 20 + 25 + 30 + 21 = 96 → fix below
    plan[3] = [10, 7, 8]  # 25 → 100
    profile = {'办公室': 0.05, '宣传科': 0, '疾病预防控制科': 0.2, '爱国卫生运动委员会办公室': 0.35}
    tasks = make_tasks(rng, names, secs, profile, plan)
    avoid_boundaries(tasks)
    cols = [Col('seq', '序号', 6), Col('item', '测评项目', 14), Col('content', '测评内容', 30), Col('standard', '测评标准', 20), Col('max', '分值', 6),
            Col('lead', '责任单位', 14), Col('owner', '责任人', 10), Col('deadline', '完成时间', 12, fmt=DATE_FMT),
            Col('score', '实际得分', 8), Col('reason', '扣分说明', 18)]
    colnums_letters(cols, set(), style='paren')
    body, datas, secrows = [], [], []
    cur = None
    for t in tasks:
        if t['section'] != cur:
            cur = t['section']
            pts = sum(plan[cur])
            s = Row('section', mode='label', labels={'seq': CN_NUM[cur] + '、', 'item': f'{t["sec"]}（{pts}分）'})
            secrows.append(s)
            body.append(s)
        t['deadline'] = rng.choice([date(2017, 12, 31), '长期', '常态化'])
        x = Row('data', dict(t, seq=len(datas) + 1))
        datas.append(x)
        body.append(x)
    if not correct:
        secrows[1].kw['labels']['item'] = '宣传教育（30分）'
        datas[3].v['score'] = datas[3].v['max'] + 2
    write_sheet(ws, cols, body, titles=resp_title_lines('卫生计生系统文明城市测评体系责任分工及得分表'), colnums=True, colnums_hidden=True,
                footer=['注：1.分值合计100分；2.责任单位排在第一位的为牵头单位。'], footer_gap=1)
    if correct:
        case.units = unit_expect(tasks)
        case.unit_fields = ['tasks', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto']
    else:
        case.plant(['score.max-total', 'total-row.mismatch'], ws.title, [cell(cols, secrows[1], 'item'), cell(cols, secrows[1], 'seq')], 'section says 30分, its items add up to 25')
        case.plant('score.out-of-range', ws.title, cell(cols, datas[3], 'score'), 'score 2 above 分值')
    save(wb, case, out)


def resp_subtotals(out, correct, seed=34):
    """Section rows 二、宣传教育（20分） merged across, a 小计 row after each section (label in 序号),
    合计 at the end; 自评分 and 考核得分 both present: 考核得分 is the score that counts."""
    rng = random.Random(seed)
    names = Names(rng)
    case = Case('resp-section-subtotals' + ('.ok' if correct else '.flawed'), ['section-merged', 'section-points', 'subtotal-seq', 'total-row', 'header-words'], 'responsibility', correct, ['--as-of', '2017-07-15'])
    wb = Workbook()
    ws = wb.active
    ws.title = '考核得分'
    secs = [SECTIONS[0], SECTIONS[1], SECTIONS[2], SECTIONS[3]]
    plan = [[8, 6, 6, 5], [5, 5, 5, 5], [8, 8, 6, 6], [8, 8, 6, 5]]
    profile = {'办公室': 0, '宣传科': 0.12, '医政医管科': 0.3, '基层卫生科': 0.2}
    tasks = make_tasks(rng, names, secs, profile, plan)
    avoid_boundaries(tasks)
    cols = [Col('seq', '序号', 6), Col('item', '考核项目', 14), Col('content', '考核内容', 30), Col('max', '分值', 6), Col('standard', '评分标准', 20),
            Col('self', '自评分', 7), Col('score', '考核得分', 8), Col('reason', '扣分原因', 18), Col('lead', '责任科室', 12), Col('owner', '责任人', 10)]
    body, datas, subs = [], [], []
    cur = None
    group = []
    for t in tasks:
        if t['section'] != cur:
            if group:
                s = Row('sub', label_key='seq', label='小计', rows=group, sum=['max', 'self', 'score'])
                subs.append(s)
                body.append(s)
            cur = t['section']
            body.append(Row('section', mode='merged', text=f'{CN_NUM[cur]}、{t["sec"]}（{sum(plan[cur])}分）'))
            group = []
        # the unit scores itself a little higher than the assessors do, now and then
        t['self'] = min(t['max'], t['score'] + (1 if t['score'] < t['max'] and rng.random() < 0.5 else 0))
        x = Row('data', dict(t, seq=len(datas) + 1))
        datas.append(x)
        group.append(x)
        body.append(x)
    s = Row('sub', label_key='seq', label='小计', rows=group, sum=['max', 'self', 'score'], off={} if correct else {'score': -3})
    subs.append(s)
    body.append(s)
    tot = Row('total', label_key='seq', label='合计', rows=datas, sum=['max', 'self', 'score'])
    body.append(tot)
    write_sheet(ws, cols, body, titles=[('2017年上半年创建文明城市工作考核评分表', True, 'title'), ('被考核单位：聊城市卫生计生委机关各科室', False, None)],
                footer=['考核组成员签字：', '', '考核时间：2017年7月10日'], footer_gap=1)
    if correct:
        case.units = unit_expect(tasks)
        case.unit_fields = ['tasks', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto']
    else:
        case.plant('total-row.mismatch', ws.title, cell(cols, subs[-1], 'score'), 'last 小计 考核得分 3 too low')
        case.allow(ws.title, cell(cols, tot, 'score'), 'the 合计 (right for the data rows) no longer equals the sum of the 小计 rows')
        case.units = unit_expect(tasks)
        case.unit_fields = ['tasks', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto']
    save(wb, case, out)


def resp_scoring_veto(out, correct, seed=35):
    """考核评分表: 考核项目, 考核内容, 分值, 评分标准, 考核得分, 存在问题, 责任科室, 责任人, no 完成时限;
    a 一票否决 item (in 评分标准); 考核组成员签字 footer. The flawed twin fails the veto item."""
    rng = random.Random(seed)
    names = Names(rng)
    case = Case('resp-scoring-veto' + ('.ok' if correct else '.flawed'), ['scoring-sheet', 'veto', 'footer', 'no-deadline-column'], 'responsibility', correct, ['--as-of', '2017-07-15'])
    wb = Workbook()
    ws = wb.active
    ws.title = '考核评分表'
    secs = [SECTIONS[0], SECTIONS[4], SECTIONS[5], SECTIONS[1]]
    plan = [[10, 8, 6, 6], [10, 10, 10], [10, 10], [5, 5, 5, 5]]
    # the unit that owns the veto item scores well otherwise: failing the veto alone makes it 差
    profile = {'财务科': 0.4, '宣传科': 0.1, '人事科': 0.2, '办公室': 0}
    tasks = make_tasks(rng, names, secs, profile, plan)
    avoid_boundaries(tasks)
    veto = next(t for t in tasks if '一票否决' in t['standard'])
    cols = [Col('seq', '序号', 6), Col('item', '考核项目', 14), Col('content', '考核内容', 30), Col('max', '分值', 6), Col('standard', '评分标准', 22),
            Col('score', '考核得分', 8), Col('reason', '存在问题', 18), Col('lead', '责任科室', 12), Col('owner', '责任人', 10)]
    body = [Row('data', dict(t, seq=i + 1)) for i, t in enumerate(tasks)]
    vrow = body[tasks.index(veto)]
    if not correct:
        vrow.v['score'] = 0
        vrow.v['reason'] = '发生违纪案件1起'
        veto['score'] = 0
        body[1].v['owner'] = None
    write_sheet(ws, cols, body, titles=[('卫生计生系统党建和文明创建工作考核评分表', True, 'title'), ('考核对象：市卫生计生委机关各科室', False, None)],
                footer=['考核组成员签字：', '被考核单位负责人签字：'], footer_gap=1, font='仿宋')
    case.units = unit_expect(tasks, veto_failed=() if correct else (veto['lead'],))
    case.unit_fields = ['tasks', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto']
    if not correct:
        case.plant('veto.failed', ws.title, [cell(cols, vrow, k) for k in ('score', 'item', 'standard', 'reason')], '一票否决 item not met')
        case.plant('required.missing', ws.title, cell(cols, body[1], 'owner'), '责任人 empty')
    save(wb, case, out)


def resp_self_eval_grades(out, correct, seed=36):
    """自评表 with state-description grades (等次 A/B/C/G) and 存在问题; no 完成时限."""
    rng = random.Random(seed)
    names = Names(rng)
    case = Case('resp-self-eval-grades' + ('.ok' if correct else '.flawed'), ['scoring-sheet', 'state-grades', 'no-deadline-column'], 'responsibility', correct, ['--as-of', '2017-07-15'])
    wb = Workbook()
    ws = wb.active
    ws.title = '自评表'
    secs = [SECTIONS[0], SECTIONS[1], SECTIONS[2], SECTIONS[3]]
    plan = [[7, 7, 6, 5], [6, 6, 6, 7], [6, 6, 6, 7], [7, 6, 6, 6]]
    profile = {'办公室': 0, '宣传科': 0, '医政医管科': 0, '妇幼健康服务科': 0}
    tasks = make_tasks(rng, names, secs, profile, plan)
    share = {'A': 1, 'B': 0.66, 'C': 0.33, 'G': 0}
    pick = {'办公室': 'AAAAAAA', '宣传科': 'AAABAAA', '医政医管科': 'ABBACAB', '妇幼健康服务科': 'BCGCBAC'}
    seen = {}
    for t in tasks:
        i = seen.get(t['lead'], 0)
        seen[t['lead']] = i + 1
        g = pick[t['lead']][i % 7]
        t['grade'] = g
        t['earned'] = t['max'] * share[g]
        t['reason'] = '' if g == 'A' else rng.choice(['资料不全', '宣传栏内容陈旧', '个别科室未落实', '群众反映问题未及时整改', '现场检查发现问题'])
    cols = [Col('seq', '序号', 6), Col('item', '考核项目', 14), Col('content', '考核内容', 30), Col('max', '分值', 6),
            Col('grade', '等次', 6), Col('reason', '存在问题', 20), Col('lead', '责任科室', 12), Col('owner', '责任人', 10)]
    body = [Row('data', dict(t, seq=i + 1)) for i, t in enumerate(tasks)]
    if not correct:
        bi = next(i for i, t in enumerate(tasks) if t['grade'] == 'B')
        body[bi].v['reason'] = None
        body[12].v['grade'] = 'D'
    write_sheet(ws, cols, body, titles=[('2017年创建全国文明城市工作自评表', True, 'title'),
                                        ('说明：等次A为完全达到、B为基本达到、C为部分达到、G为未达到。', False, None)],
                footer=['自评单位（盖章）：                 填表人：' + names() + '          联系电话：' + mobile(rng)])
    case.units = unit_expect(tasks)
    case.unit_fields = ['tasks', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto']
    if not correct:
        case.plant('score.deduction-unexplained', ws.title, [cell(cols, body[bi], 'reason'), cell(cols, body[bi], 'grade')], 'grade B, 存在问题 empty')
        case.plant('score.grade-invalid', ws.title, cell(cols, body[12], 'grade'), 'grade D is not A/B/C/G')
        case.units = None
    save(wb, case, out)


def resp_work_ledger(out, correct, seed=37):
    """工作台账: 工作任务, 具体措施, 配合单位 before 牵头单位, 分管领导, 经办人 (the owner), year-less
    完成时限 (6月30日, the year from the title), 进展情况; no 分值 at all."""
    rng = random.Random(seed)
    names = Names(rng)
    case = Case('resp-work-ledger' + ('.ok' if correct else '.flawed'), ['header-words', 'yearless-date', 'column-order', 'footer'], 'responsibility', correct, ['--as-of', '2017-07-15'])
    wb = Workbook()
    ws = wb.active
    ws.title = '工作台账'
    items = [it for s in SECTIONS[:5] for it in s[1]]
    units = ['办公室', '宣传科', '基层卫生科', '妇幼健康服务科']
    owners = {u: names() for u in units}
    tasks = []
    for i, (item, content, _std) in enumerate(items[:14]):
        u = units[i % 4]
        st = rng.choice(['已完成', '已完成', '推进中'])
        dl = rng.choice(['6月30日', '5月31日', '6月20日']) if st == '已完成' else rng.choice(['12月31日', '9月30日', '长期坚持'])
        tasks.append({'item': item, 'measure': content, 'lead': u, 'co': rng.choice([x for x in UNITS if x != u]) + '、' + rng.choice(['市疾控中心', '市人民医院', '各县市区卫计局']),
                      'leader': rng.choice(LEADERS), 'owner': owners[u], 'deadline': dl, 'status': st})
    cols = [Col('seq', '序号', 6), Col('item', '工作任务', 16), Col('measure', '具体措施', 34), Col('co', '配合单位', 18), Col('lead', '牵头单位', 12),
            Col('leader', '分管领导', 9), Col('owner', '经办人', 9), Col('deadline', '完成时限', 10), Col('status', '进展情况', 10)]
    body = [Row('data', dict(t, seq=i + 1)) for i, t in enumerate(tasks)]
    if not correct:
        body[4].v['owner'] = None
        body[8].v['deadline'] = '抓紧落实'
        body[11].v['deadline'] = '5月30日'
        body[11].v['status'] = '推进中'
        tasks[11]['status'] = '推进中'
    write_sheet(ws, cols, body, titles=[('2017年卫生计生系统创城重点工作推进台账', True, 'title'), ('牵头单位：聊城市卫生计生委创城办', False, None)],
                footer=['填表人：' + names() + '     审核人：' + names() + '     联系电话：' + mobile(rng)])
    case.units = unit_expect(tasks, fields=('tasks', 'completed', 'inProgress'))
    case.unit_fields = ['tasks', 'completed', 'inProgress']
    if not correct:
        case.plant('required.missing', ws.title, cell(cols, body[4], 'owner'), '经办人 empty although 分管领导 is filled')
        case.plant('deadline.invalid', ws.title, cell(cols, body[8], 'deadline'), 'deadline 抓紧落实 is no date')
        case.plant('task.overdue', ws.title, [cell(cols, body[11], k) for k in ('deadline', 'status', 'item')], '5月30日 (2017) passed, still 推进中')
    save(wb, case, out)


def resp_place_county(out, correct, seed=38):
    """A township's responsibility table: title 乐陵市市中街道…, 责任单位 lists several units
    (the first leads), 工作措施, 责任领导 + 具体责任人 without a group header."""
    rng = random.Random(seed)
    names = Names(rng)
    case = Case('resp-multi-unit-lead' + ('.ok' if correct else '.flawed'), ['place-title', 'header-words', 'lead-first-unit'], 'responsibility', correct, ['--as-of', '2017-07-15'])
    wb = Workbook()
    ws = wb.active
    ws.title = '乐陵市市中街道'
    secs = [SECTIONS[0], SECTIONS[1], SECTIONS[3]]
    plan = [[10, 10, 8, 7], [10, 10, 8, 7], [8, 8, 7, 7]]
    local = ['党政办', '社会事务办', '城管办', '计生办']
    profile = {u: s for u, s in zip(local, [0, 0.1, 0.2, 0.5])}
    tasks = make_tasks(rng, names, secs, profile, plan)
    avoid_boundaries(tasks)
    for t in tasks:
        others = [u for u in local if u != t['lead']]
        t['units'] = t['lead'] + '、' + rng.choice(others) + ('、' + '各社区' if rng.random() < 0.4 else '')
        t['deadline'] = rng.choice(['2017年12月31日', '长期', date(2017, 11, 30)])
    cols = [Col('seq', '序号', 6), Col('item', '目标任务', 14), Col('measure', '工作措施', 30), Col('max', '标准分', 7), Col('units', '责任单位', 18),
            Col('leader', '责任领导', 9), Col('owner', '具体责任人', 10), Col('deadline', '时间节点', 12, fmt=DATE_FMT), Col('score', '得分', 6), Col('reason', '扣分原因', 16)]
    body = [Row('data', dict(t, measure=t['content'], seq=i + 1)) for i, t in enumerate(tasks)]
    if not correct:
        body[5].v['max'] = body[5].v['max'] + 5  # the item's points and its score both raised: 105 in all
        body[5].v['score'] = body[5].v['max'] - (tasks[5]['max'] - tasks[5]['score'])
    write_sheet(ws, cols, body, titles=[('乐陵市市中街道创建全国文明城市目标任务分解表', True, 'title')],
                footer=['填表人：' + names() + '   审核人：' + names() + '   分管领导：' + names(), '市中街道办事处（盖章）'])
    if correct:
        case.units = unit_expect(tasks)
        case.unit_fields = ['tasks', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto']
    else:
        case.plant('score.max-total', ws.title, [cell(cols, body[5], 'max'), f'{cols[3].letter}{body[-1].r}', f'{cols[3].letter}{body[0].r}', f'{cols[3].letter}{body[0].r - 1}'], '标准分 adds up to 105')
    save(wb, case, out)


def aid_summary_places(out, correct, seed=24):
    """A county workbook of 乐陵市: tabs named 乐陵市市中街道 / 乐陵市杨安镇 / 乐陵市寨头堡乡, and a 汇总
    tab naming the townships short (市中街道 …). The flawed 汇总 leaves one household of 寨头堡乡 out."""
    rng = random.Random(seed)
    names, ids = Names(rng), Ids(rng)
    case = Case('aid-summary-place-names' + ('.ok' if correct else '.flawed'), ['summary-tab', 'place-sheet-name', 'county-level-city', 'footer'], 'aid', correct,
                ['--window', '2017-01-09..2017-01-22'])
    wb = Workbook()
    wb.remove(wb.active)
    towns = []
    for town, vill, n in [('市中街道', ['西关社区', '东关社区'], 8), ('杨安镇', ['杨安村', '后杨村'], 7), ('寨头堡乡', ['寨头堡村'], 6)]:
        hs = households(rng, names, ids, '乐陵市', vill, n)
        record(case, '乐陵市', town, hs)
        ws = wb.create_sheet('乐陵市' + town)
        cols = std_aid_cols('flat')
        body = data_rows(hs)
        body.append(Row('total', label_key='seq', label='合计', rows=list(body), sum=MONEY))
        write_sheet(ws, cols, body, titles=[('乐陵市' + town + '春节走访慰问计生困难家庭明细', True, 'title'), ('填报单位：' + town + '计生办    单位：元', False, None)],
                    footer=['审核人：' + names() + '    填表人：' + names() + '    联系电话：' + mobile(rng)])
        towns.append((town, hs))
    left_out = towns[2][1][-1]
    off = {} if correct else {('寨头堡乡', 'households'): -1, ('寨头堡乡', 'cash'): -left_out['cash'], ('寨头堡乡', 'goods'): -left_out['goods'],
                              ('寨头堡乡', 'total'): -left_out['total'], ('寨头堡乡', 'members'): -left_out['members']}
    ws, cols, body = summary_tab(wb, '乐陵市2017年春节走访慰问计生困难家庭汇总表', towns, False, True, off)
    if not correct:
        for k in ('households', 'members', 'cash', 'goods', 'total'):
            if k == 'goods' and left_out['goods'] == 0:
                continue
            case.plant('summary.mismatch', '汇总', cell(cols, body[2], k), f'寨头堡乡 {k}: one household left out')
            case.allow('汇总', cell(cols, body[-1], k), 'the 汇总 合计 carries the same difference')
        case.totals_hold = True
    save(wb, case, out)


def resp_yearless_title(out, correct, seed=39):
    """Next year's task table made in December: title 2018年…, as-of 2017-12-20, year-less deadlines
    (3月31日, 6月30日): their year is the title's, so nothing is overdue yet."""
    rng = random.Random(seed)
    names = Names(rng)
    case = Case('resp-yearless-title' + ('.ok' if correct else '.flawed'), ['yearless-date', 'header-words', 'no-score-columns'], 'responsibility', correct, ['--as-of', '2017-12-20'])
    wb = Workbook()
    ws = wb.active
    ws.title = '2018年任务'
    items = [it for s in SECTIONS[:4] for it in s[1]]
    units = ['医政医管科', '疾病预防控制科', '办公室', '宣传科']
    owners = {u: names() for u in units}
    tasks = []
    for i, (item, content, _std) in enumerate(items[:13]):
        u = units[i % 4]
        st = rng.choice(['未启动', '未启动', '推进中'])
        tasks.append({'item': item, 'content': content, 'lead': u, 'co': rng.choice(['市疾控中心', '市人民医院', '各县市区卫计局']),
                      'owner': owners[u], 'deadline': rng.choice(['3月31日', '6月30日', '9月30日', '12月31日', '6月底', '长期']), 'status': st})
    cols = [Col('seq', '序号', 6), Col('item', '工作任务', 16), Col('content', '工作内容', 34), Col('lead', '牵头科室', 12), Col('co', '协办单位', 14),
            Col('owner', '责任人', 9), Col('deadline', '完成时间', 11), Col('status', '进展情况', 10)]
    body = [Row('data', dict(t, seq=i + 1)) for i, t in enumerate(tasks)]
    if not correct:
        body[3].v['deadline'] = '待定'
        body[6].v['owner'] = '科教科'
        body[10].v['deadline'] = '2017年11月30日'
    write_sheet(ws, cols, body, titles=[('2018年全市卫生计生重点工作任务分解表', True, 'title'), ('（经委党委会议研究通过）', True, None)],
                footer=['注：完成时间未注明年份的均为2018年。'])
    case.units = unit_expect(tasks, fields=('tasks', 'completed', 'inProgress'))
    case.unit_fields = ['tasks', 'completed', 'inProgress']
    if not correct:
        case.plant('deadline.invalid', ws.title, cell(cols, body[3], 'deadline'), '待定 is no deadline')
        case.plant('owner.not-person', ws.title, cell(cols, body[6], 'owner'), 'a unit as 责任人')
        case.plant('task.overdue', ws.title, [cell(cols, body[10], k) for k in ('deadline', 'status', 'item')], '2017年11月30日 passed, status ' + tasks[10]['status'])
    save(wb, case, out)


def resp_self_score_veto_column(out, correct, seed=40):
    """自评表 with only 自评分 (no 考核得分), 扣分原因, and a 一票否决 column marking veto items with √."""
    rng = random.Random(seed)
    names = Names(rng)
    case = Case('resp-self-score-veto-column' + ('.ok' if correct else '.flawed'), ['scoring-sheet', 'veto-column', 'no-deadline-column', 'header-words'], 'responsibility', correct, ['--as-of', '2017-07-15'])
    wb = Workbook()
    ws = wb.active
    ws.title = '自评'
    secs = [SECTIONS[5], SECTIONS[0], SECTIONS[2], SECTIONS[4]]
    plan = [[10, 10], [8, 8, 7, 7], [8, 8, 7, 7], [7, 7, 6]]
    profile = {'党建办': 0, '医政医管科': 0.15, '基层卫生科': 0.3, '办公室': 0.1}
    tasks = make_tasks(rng, names, secs, profile, plan)
    for t in tasks:
        t['vetoMark'] = '√' if t['item'] in ('三会一课', '党风廉政建设') else None
        if t['vetoMark']:
            t['score'] = t['max']
            t['reason'] = ''
    avoid_boundaries(tasks)
    cols = [Col('seq', '序号', 6), Col('item', '考核项目', 14), Col('content', '考核内容', 30), Col('max', '分值', 6), Col('standard', '评分标准', 20),
            Col('vetoMark', '一票否决', 8), Col('score', '自评分', 7), Col('reason', '扣分原因', 18), Col('lead', '责任科室', 12), Col('owner', '责任人', 9)]
    body = [Row('data', dict(t, seq=i + 1)) for i, t in enumerate(tasks)]
    vi = next(i for i, t in enumerate(tasks) if t['item'] == '三会一课')
    oi = next(i for i, t in enumerate(tasks) if i > 4 and t['lead'] != tasks[vi]['lead'])  # another unit's row
    if not correct:
        body[vi].v['score'] = 0
        body[vi].v['reason'] = '未按要求召开组织生活会'
        tasks[vi]['score'] = 0
        body[oi].v['score'] = body[oi].v['max'] + 1
    write_sheet(ws, cols, body, titles=[('2017年度党建和业务工作自评表', True, 'title'), ('单位：聊城市卫生计生委机关', False, None), ('自评时间：2017年7月5日', False, 'right')],
                footer=['单位负责人签字：', '填表人：' + names()], font='仿宋')
    if correct:
        case.units = unit_expect(tasks)
    else:
        # The unit with the out-of-range 自评分 is still a unit and still scored: that one score is
        # not counted (it is reported as score.out-of-range), so its points and rate come from its
        # other tasks (rate = points / 分值 of the scored tasks, domain.md), its 分值 still counts.
        case.units = unit_expect(tasks, veto_failed=(tasks[vi]['lead'],))
        rest = [t for i, t in enumerate(tasks) if i != oi and t['lead'] == tasks[oi]['lead']]
        for u in case.units:
            if u['unit'] == tasks[oi]['lead']:
                scored_max = sum(t['max'] for t in rest)
                u['points'] = round(sum(t['score'] for t in rest), 6)
                u['lost'] = round(scored_max - u['points'], 6)
                u['rate'] = u['points'] / scored_max
                u['grade'] = grade_of(u['rate'])
    case.unit_fields = ['tasks', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto']
    if not correct:
        case.plant('veto.failed', ws.title, [cell(cols, body[vi], k) for k in ('score', 'item', 'vetoMark', 'reason')], '一票否决 item 三会一课 not met')
        case.plant('score.out-of-range', ws.title, cell(cols, body[oi], 'score'), '自评分 1 above 分值')
    save(wb, case, out)


def resp_combo(out, correct, seed=41):
    """Everything at once on a responsibility table: a three-row header (责任分工 → 责任单位 / 责任人 →
    牵头单位, 配合单位, 分管领导, 具体责任人), a hidden 栏次 row, label-only section rows stating their
    points, 小计 in the 测评项目 column, 合计 in 序号, state grades A/B/C/G with 存在问题, a
    一票否决 item, footers 注： and 填表人."""
    rng = random.Random(seed)
    names = Names(rng)
    case = Case('resp-combo-all' + ('.ok' if correct else '.flawed'),
                ['three-row-header', 'colnum-hidden', 'section-label-only', 'section-points', 'subtotal-item', 'total-row', 'state-grades', 'veto', 'footer'],
                'responsibility', correct, ['--as-of', '2017-07-15'])
    wb = Workbook()
    ws = wb.active
    ws.title = '测评体系责任分工'
    secs = [SECTIONS[0], SECTIONS[1], SECTIONS[2], SECTIONS[5]]
    plan = [[8, 7, 5, 5], [6, 6, 6, 7], [8, 8, 7, 7], [12, 8]]
    profile = {'办公室': 0, '宣传科': 0, '医政医管科': 0, '妇幼健康服务科': 0}
    tasks = make_tasks(rng, names, secs, profile, plan)
    share = {'A': 1, 'B': 0.66, 'C': 0.33, 'G': 0}
    pick = {'办公室': 'ABAAA', '宣传科': 'AABAB', '医政医管科': 'BCABA', '妇幼健康服务科': 'CBGAA'}
    seen = {}
    for t in tasks:
        i = seen.get(t['lead'], 0)
        seen[t['lead']] = i + 1
        g = 'A' if '一票否决' in t['standard'] else pick[t['lead']][i % 5]
        t['grade'] = g
        t['earned'] = t['max'] * share[g]
        t['reason'] = '' if g == 'A' else rng.choice(['资料不全', '宣传栏内容陈旧', '个别科室未落实', '现场检查发现问题'])
        t['leader'] = rng.choice(LEADERS)
    veto = next(t for t in tasks if '一票否决' in t['standard'])
    if not correct:
        veto['grade'] = 'G'
        veto['earned'] = 0
        veto['reason'] = '发生违纪案件1起'
    cols = [Col('seq', '序号', 6), Col('item', '测评项目', 14), Col('content', '测评内容', 30), Col('max', '分值', 6),
            Col('lead', ('责任分工', '责任单位', '牵头单位'), 12), Col('co', ('责任分工', '责任单位', '配合单位'), 12),
            Col('leader', ('责任分工', '责任人', '分管领导'), 9), Col('owner', ('责任分工', '责任人', '具体责任人'), 10),
            Col('grade', '等次', 6), Col('reason', '存在问题', 18)]
    colnums_letters(cols, {'max'})
    body, datas = [], []
    for si in range(len(secs)):
        group = [t for t in tasks if t['section'] == si]
        body.append(Row('section', mode='label', labels={'seq': CN_NUM[si], 'item': f'{secs[si][0]}（{sum(plan[si])}分）'}))
        rows = [Row('data', dict(t, seq=f'{si + 1}.{k + 1}')) for k, t in enumerate(group)]
        datas += rows
        body += rows
        off = {'max': 2} if (not correct and si == 1) else {}
        body.append(Row('sub', label_key='item', label='小计', rows=rows, sum=['max'], off=off))
    sub_bad = body[[i for i, x in enumerate(body) if x.kind == 'sub'][1]]
    tot = Row('total', label_key='seq', label='合计', rows=datas, sum=['max'])
    body.append(tot)
    if not correct:
        datas[2].v['owner'] = None
    write_sheet(ws, cols, body, titles=[('聊城市卫生计生委2017年创建全国文明城市测评体系责任分工表', True, 'title'),
                                        ('填报单位：市卫生计生委创城办                    填报日期：2017年7月10日', False, None)],
                colnums=True, colnums_hidden=True,
                footer=['注：等次A为完全达到、B为基本达到、C为部分达到、G为未达到；一票否决项未达到的，该单位评为“差”。', '填表人：' + names() + '     审核人：' + names()])
    case.units = unit_expect(tasks, veto_failed=() if correct else (veto['lead'],))
    case.unit_fields = ['tasks', 'maxPoints', 'points', 'lost', 'rate', 'grade', 'veto']
    if not correct:
        vrow = next(x for x in datas if x.v['item'] == veto['item'])
        case.plant('veto.failed', ws.title, [cell(cols, vrow, k) for k in ('grade', 'item', 'content', 'reason')], '一票否决 item graded G')
        case.plant('total-row.mismatch', ws.title, cell(cols, sub_bad, 'max'), '宣传教育 小计 分值 2 too high')
        case.allow(ws.title, cell(cols, tot, 'max'), 'the 合计 (right for the data rows) no longer equals the sum of the 小计 rows')
        case.plant('required.missing', ws.title, cell(cols, datas[2], 'owner'), '具体责任人 empty although 分管领导 is filled')
    save(wb, case, out)


GENERATORS = [
    aid_group_header, aid_hidden_paren, aid_village_subtotals, aid_head_subtotals, aid_page_subtotals, aid_summary_tab,
    aid_summary_wan, aid_wan_title, aid_yearless, aid_text_money, aid_places_sheets, aid_places_titles, aid_combo,
    aid_summary_places, resp_three_row, resp_colnum_sections, resp_label_sections, resp_subtotals, resp_scoring_veto,
    resp_self_eval_grades, resp_work_ledger, resp_place_county, resp_yearless_title, resp_self_score_veto_column, resp_combo,
]


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: make_corpus.py <out-dir>')
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for g in GENERATORS:
        g(out, True)
        g(out, False)
    with open(os.path.join(out, 'expectations.json'), 'w', encoding='utf-8') as f:
        json.dump({'generator': 'tests/layouts/make_corpus.py', 'money': '元', 'workbooks': [c.expectation() for c in CASES]}, f, ensure_ascii=False, indent=1, default=str)
    print(f'{len(CASES)} workbooks in {out}')


if __name__ == '__main__':
    main()
