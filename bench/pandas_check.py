"""The same aid-ledger checks and totals a data-minded clerk would write with pandas + openpyxl:
ID check character, duplicate IDs, cash + goods = total, visit dates in the campaign window,
totals by township. Prints one JSON line: seconds, peak memory, and the counts found.

Run with Debian's python3 (apt-get install -y python3-pandas python3-openpyxl):
    /usr/bin/python3 bench/pandas_check.py ledger.xlsx 2017-01-09 2017-01-22
"""
import datetime
import json
import re
import resource
import sys
import time

import pandas as pd

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def check_char_ok(idn):
    s = str(idn).strip().upper()
    if len(s) != 18 or not s[:17].isdigit():
        return False
    total = sum(int(c) * w for c, w in zip(s[:17], WEIGHTS))
    return CHECK[total % 11] == s[17]


def visit_date(v):
    if isinstance(v, (pd.Timestamp, datetime.datetime)):
        return pd.Timestamp(v).normalize()
    m = re.match(r"^(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})日?$", str(v).strip())
    if not m:
        return pd.NaT
    try:
        return pd.Timestamp(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return pd.NaT


def main(path, start, end):
    t0 = time.perf_counter()
    sheets = pd.read_excel(path, sheet_name=None, header=1, engine="openpyxl", dtype={"身份证号码": str})
    frames = []
    for name, df in sheets.items():
        df = df[pd.to_numeric(df["序号"], errors="coerce").notna()].copy()
        df["乡镇"] = name
        frames.append(df)
    df = pd.concat(frames, ignore_index=True)
    bad_check = int((~df["身份证号码"].map(check_char_ok)).sum())
    dup = int(df["身份证号码"].duplicated(keep=False).sum())
    cash = pd.to_numeric(df["慰问金（元）"], errors="coerce").fillna(0)
    goods = pd.to_numeric(df["慰问品折款（元）"], errors="coerce").fillna(0)
    total = pd.to_numeric(df["合计（元）"], errors="coerce")
    sum_mismatch = int(((cash + goods - total).abs() > 0.01).sum())
    visits = df["走访日期"].map(visit_date)
    out_of_window = int(((visits < pd.Timestamp(start)) | (visits > pd.Timestamp(end)) | visits.isna()).sum())
    by_township = df.groupby("乡镇")["合计（元）"].sum()
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peakMb": peak_mb, "rows": len(df), "badCheck": bad_check, "duplicates": dup,
                      "sumMismatch": sum_mismatch, "outOfWindow": out_of_window, "total": float(by_township.sum())}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
