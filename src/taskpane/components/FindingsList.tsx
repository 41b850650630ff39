import { Badge, Button, Checkbox, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ReportedFinding } from '../../core/findings';
import { ruleTitle, Lang } from '../../core/messages';
import { withoutCell } from '../../core/message-text';
import type { RuleId, Severity } from '../../core/settings';
import type { Texts } from '../i18n';

/** Findings shown at first in each rule's group; 显示更多 adds as many again. */
export const PAGE = 20;
const COLORS: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const ORDER: Severity[] = ['error', 'warning', 'info'];

export interface FindingsListProps {
  t: Texts;
  lang: Lang;
  findings: ReportedFinding[];
  onSelect: (sheet: string, cell: string) => void;
}

interface Group {
  rule: RuleId;
  severity: Severity;
  items: ReportedFinding[];
}

/**
 * Findings grouped by rule, every group visible with its true count (errors first), each group
 * paged; a finding shows its cell, the problem in one sentence and what to do, and selects its cell.
 */
export function FindingsList({ t, lang, findings, onSelect }: FindingsListProps) {
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: false });
  const [pages, setPages] = useState<Record<string, number>>({});
  const groups = useMemo(() => {
    const byRule = new Map<string, Group>();
    for (const f of findings) {
      const k = `${f.severity}\u0000${f.rule}`;
      const g = byRule.get(k);
      if (g) g.items.push(f);
      else byRule.set(k, { rule: f.rule as RuleId, severity: f.severity, items: [f] });
    }
    return [...byRule.values()].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || b.items.length - a.items.length);
  }, [findings]);
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }, [findings]);
  const visible = groups.filter((g) => shown[g.severity]);
  return (
    <div>
      <fieldset style={{ border: 'none', padding: 0, margin: '0 0 8px', display: 'flex', flexWrap: 'wrap', columnGap: 4 }}>
        <legend>
          <Text weight="semibold">{t.filter}</Text>
        </legend>
        {ORDER.map((s) => (
          <Checkbox key={s} label={`${t.severity[s]} (${counts[s]})`} checked={shown[s]} onChange={(_, d) => setShown({ ...shown, [s]: d.checked === true })} />
        ))}
      </fieldset>
      {visible.length === 0 && <Text>{t.noFindings}</Text>}
      {visible.map((g) => {
        const key = `${g.severity}-${g.rule}`;
        const limit = pages[key] ?? PAGE;
        const title = ruleTitle(g.rule, lang);
        let sheet = '';
        return (
          <section key={key} aria-label={title} style={{ marginBottom: 16 }}>
            <Text as="h2" weight="semibold" size={400} block style={{ margin: '0 0 4px' }}>
              {title}{' '}
              <Badge appearance="tint" color={COLORS[g.severity]} aria-label={t.count(g.items.length)}>
                {g.items.length}
              </Badge>
            </Text>
            <ul style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
              {g.items.slice(0, limit).map((f, i) => {
                // Sheet names only where they change, not on every line.
                const heading = f.sheet !== sheet ? (sheet = f.sheet) : null;
                const sentence = withoutCell(f.message, f.cell);
                return (
                  <li key={`${f.file}-${f.sheet}-${f.cell}-${i}`}>
                    {heading !== null && (
                      <Text size={200} block style={{ marginTop: 6, color: 'var(--colorNeutralForeground3)' }}>
                        {heading}
                      </Text>
                    )}
                    <Button
                      appearance="subtle"
                      onClick={() => onSelect(f.sheet, f.cell)}
                      aria-label={`${t.goTo(`${f.sheet}!${f.cell}`)}：${sentence} ${t.fix}${f.hint}`}
                      style={{ display: 'block', width: '100%', textAlign: 'left', height: 'auto', padding: '6px 4px', fontWeight: 'normal', whiteSpace: 'normal' }}
                    >
                      <Text size={300} block>
                        <strong style={{ fontFamily: 'Consolas, monospace', marginRight: 6 }}>{f.cell}</strong>
                        {sentence}
                      </Text>
                      {f.hint && (
                        <Text size={300} block style={{ color: 'var(--colorNeutralForeground2)', marginTop: 2 }}>
                          <span style={{ fontWeight: 600 }}>{t.fix}</span>
                          {f.hint}
                        </Text>
                      )}
                    </Button>
                  </li>
                );
              })}
            </ul>
            {g.items.length > limit && (
              <Button appearance="secondary" size="small" onClick={() => setPages({ ...pages, [key]: limit + PAGE })} style={{ marginTop: 4 }}>
                {t.more(Math.min(PAGE, g.items.length - limit), g.items.length - limit)}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
}
