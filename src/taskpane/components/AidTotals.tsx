import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Report } from '../../core/report';
import type { Texts } from '../i18n';

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
// Numbers right-aligned in even-width digits, so amounts line up by their decimal point.
const num = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The aid totals as the report has them: verified money, and what is still to check, by county. */
export function AidTotals({ t, report }: { t: Texts; report: Report }) {
  const aid = report.aid;
  if (!aid) return <Text>{t.noAid}</Text>;
  const rows = [...aid.byCounty.map((c) => ({ name: c.county, g: c })), { name: t.aidAll, g: aid.total }];
  return (
    <div>
      <Text block weight="semibold">
        {aid.headline}
      </Text>
      <Table size="small" aria-label={t.tabs.aid}>
        <TableHeader>
          <TableRow>
            {t.aidCols.map((h, i) => (
              <TableHeaderCell key={h}>
                {/* The header cell lays its content out in a flex row: the auto margin puts the label over its numbers. */}
                <span style={i > 0 ? { marginLeft: 'auto', textAlign: 'right' } : undefined}>{h}</span>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ name, g }) => (
            <TableRow key={name}>
              <TableCell>{name}</TableCell>
              <TableCell style={num}>{g.households}</TableCell>
              <TableCell style={num}>{g.persons}</TableCell>
              <TableCell style={num}>{yuan(g.amount)}</TableCell>
              <TableCell style={num}>{g.pending.values}</TableCell>
              <TableCell style={num}>{yuan(g.pending.amount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {aid.duplicates.length > 0 && <Text block>{t.duplicates(aid.duplicates.length)}</Text>}
    </div>
  );
}
