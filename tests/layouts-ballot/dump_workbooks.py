#!/usr/bin/python3
"""Prints every sheet's cell values of the given workbooks as JSON ({file: {sheet: [[value]]}}), as
openpyxl (another reader than ours) sees them: the checked-copy test reads our tabs through it."""
import json
import sys

import openpyxl

out = {}
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    out[path] = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
json.dump(out, sys.stdout, ensure_ascii=False, default=str)
