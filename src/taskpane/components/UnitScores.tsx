import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Report } from '../../core/report';
import type { Texts } from '../i18n';

export function UnitScores({ t, report }: { t: Texts; report: Report }) {
  const units = report.responsibility?.units ?? [];
  if (units.length === 0) return <Text>{t.noUnits}</Text>;
  return (
    <Table size="small" aria-label={t.tabs.units}>
      <TableHeader>
        <TableRow>
          {t.units.map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {units.map((u) => (
          <TableRow key={u.unit}>
            <TableCell>{u.rank ?? '-'}</TableCell>
            <TableCell>{u.unit}</TableCell>
            <TableCell>{u.tasks}</TableCell>
            <TableCell>{u.completed}</TableCell>
            <TableCell>{u.overdue}</TableCell>
            <TableCell>{u.points}</TableCell>
            <TableCell>{u.lost}</TableCell>
            <TableCell>{u.rate === null ? '-' : `${(u.rate * 100).toFixed(1)}%`}</TableCell>
            <TableCell>
              {u.grade}
              {u.veto ? `（${t.veto}）` : ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
