"""Writes an aid ledger of N households in one tab with openpyxl (write-only), as pandas and
openpyxl users make them (shared strings, dates as serials), and prints what it wrote as JSON
(households, the 合计 column's sum) for the bench to check totals by. For `npm run bench`:
    /usr/bin/python3 bench/openpyxl_ledger.py out.xlsx 100000
"""
import datetime
import json
import random
import sys

from openpyxl import Workbook

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
HEADER = ['序号', '村（居）', '户主姓名', '身份证号码', '家庭人口', '困难类型', '慰问金（元）', '慰问品折款（元）', '合计（元）', '资金来源', '走访日期', '联系电话', '备注']

path, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(7)
wb = Workbook(write_only=True)
ws = wb.create_sheet('侯营镇')
ws.append(['基准县侯营镇计生困难家庭帮扶救助台账'])
ws.append(HEADER)
amount = 0
for i in range(n):
    body = '371502' + f'{1940 + rnd.randrange(60)}{1 + rnd.randrange(12):02d}{1 + rnd.randrange(28):02d}' + f'{rnd.randrange(1000):03d}'
    idn = body + CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]
    cash = 100 * (1 + rnd.randrange(20))
    goods = 50 * rnd.randrange(6)
    amount += cash + goods
    ws.append([i + 1, rnd.choice(['东村', '西村', '南村', '北村']), rnd.choice('王李张刘陈杨赵黄周吴') + rnd.choice(['秀英', '建国', '志强', '玉兰', '明']), idn,
               1 + rnd.randrange(6), rnd.choice(['失独', '伤残', '低保', '其他']), cash, goods, cash + goods, rnd.choice(['政府投入', '社会捐助']),
               datetime.datetime(2017, 1, 9 + rnd.randrange(14)), '138' + f'{rnd.randrange(10 ** 8):08d}', None])
wb.save(path)
print(json.dumps({'households': n, 'amount': amount}))
