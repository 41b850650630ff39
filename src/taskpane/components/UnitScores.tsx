import { Badge, Text } from '@fluentui/react-components';
import type { Report } from '../../core/report';
import type { Texts } from '../i18n';
import { pct } from '../format';

/**
 * One card per lead unit: readable from 300 px up (a table of ten columns is not). Each card says
 * how its rate comes about: 得分 out of the points scored so far, beside the unit's full 分值.
 */
export function UnitScores({ t, report }: { t: Texts; report: Report }) {
  const units = report.responsibility?.units ?? [];
  if (units.length === 0) return <Text>{t.noUnits}</Text>;
  const u8 = t.unit;
  return (
    <ul aria-label={t.tabs.units} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 8 }}>
      {units.map((u) => (
        <li key={u.unit} aria-label={u.unit} style={{ border: '1px solid var(--colorNeutralStroke2)', borderRadius: 6, padding: '8px 10px' }}>
          <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, flexWrap: 'wrap' }}>
            <Text size={300} weight="semibold" style={{ minWidth: '2.5em' }}>
              {u.rank === null ? '—' : u8.rank(u.rank)}
            </Text>
            <Text size={400} weight="semibold" style={{ flex: '1 1 8em', wordBreak: 'keep-all', overflowWrap: 'anywhere' }}>
              {u.unit}
            </Text>
            <Badge appearance="tint" color={u.veto ? 'danger' : u.rate !== null && u.rate >= 0.9 ? 'success' : 'informative'}>
              {u.grade}
              {u.veto ? `（${t.veto}）` : ''}
            </Badge>
          </div>
          <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 2, margin: '6px 0 0', fontSize: 14 }}>
            <dt>{u8.rate}</dt>
            <dd style={{ margin: 0, fontVariantNumeric: 'tabular-nums' }}>{pct(u.rate)}</dd>
            <dt>{u8.points}</dt>
            <dd style={{ margin: 0, fontVariantNumeric: 'tabular-nums' }}>{u8.pointsText(u.points, u.scoredPoints, u.maxPoints, u.lost)}</dd>
            {u.unscored > 0 && (
              <>
                <dt>{u8.unscored}</dt>
                <dd style={{ margin: 0 }}>{u8.unscoredText(u.unscored)}</dd>
              </>
            )}
            <dt>{u8.tasks}</dt>
            <dd style={{ margin: 0 }}>{u8.tasksText(u.tasks, u.completed, u.overdue)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
