import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Report } from '../../core/report';
import type { Texts } from '../i18n';

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function AidTotals({ t, report }: { t: Texts; report: Report }) {
  const aid = report.aid;
  if (!aid) return <Text>{t.noAid}</Text>;
  return (
    <div>
      <Text block weight="semibold">
        {t.aidTotal(aid.total.households, aid.total.persons, yuan(aid.total.amount), (aid.total.amount / 10_000).toFixed(4))}
      </Text>
      <Table size="small" aria-label={t.tabs.aid}>
        <TableHeader>
          <TableRow>
            {t.aidCols.map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {aid.byCounty.map((c) => (
            <TableRow key={c.county}>
              <TableCell>{c.county}</TableCell>
              <TableCell>{c.households}</TableCell>
              <TableCell>{c.persons}</TableCell>
              <TableCell>{yuan(c.amount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {aid.duplicates.length > 0 && <Text block>{t.duplicates(aid.duplicates.length)}</Text>}
    </div>
  );
}
