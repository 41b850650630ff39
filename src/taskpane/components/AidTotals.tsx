import { Text } from '@fluentui/react-components';
import type { Report } from '../../core/report';
import type { Texts } from '../i18n';

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
// Numbers right-aligned in even-width digits, so amounts line up by their decimal point.
const num = { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * The aid totals as the report has them: verified money, and what is still to check, by county.
 * One block per county (six columns do not fit a 320 px pane): label on the left, figure on the right.
 */
export function AidTotals({ t, report }: { t: Texts; report: Report }) {
  const aid = report.aid;
  if (!aid) return <Text>{t.noAid}</Text>;
  const rows = [...aid.byCounty.map((c) => ({ name: c.county, g: c })), { name: t.aidAll, g: aid.total }];
  const [, households, persons, verified, pending, pendingAmount] = t.aidCols;
  return (
    <div>
      <Text block weight="semibold" size={300}>
        {aid.headline}
      </Text>
      <ul aria-label={t.tabs.aid} style={{ listStyle: 'none', padding: 0, margin: '8px 0', display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 8 }}>
        {rows.map(({ name, g }, i) => (
          <li key={name} aria-label={name} style={{ border: '1px solid var(--colorNeutralStroke2)', borderRadius: 6, padding: '6px 10px', background: i === rows.length - 1 ? 'var(--colorNeutralBackground2)' : undefined }}>
            <Text size={400} weight="semibold" block>
              {name}
            </Text>
            <dl style={{ display: 'grid', gridTemplateColumns: '1fr auto', columnGap: 12, rowGap: 2, margin: '4px 0 0', fontSize: 14 }}>
              <dt>{households}</dt>
              <dd style={num}>{g.households}</dd>
              <dt>{persons}</dt>
              <dd style={num}>{g.persons}</dd>
              <dt>{verified}</dt>
              <dd style={num}>{yuan(g.amount)}</dd>
              <dt>{pending}</dt>
              <dd style={num}>{g.pending.values}</dd>
              <dt>{pendingAmount}</dt>
              <dd style={num}>{yuan(g.pending.amount)}</dd>
            </dl>
          </li>
        ))}
      </ul>
      {aid.duplicates.length > 0 && <Text block>{t.duplicates(aid.duplicates.length)}</Text>}
    </div>
  );
}
