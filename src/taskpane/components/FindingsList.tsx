import { Badge, Button, Checkbox, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ReportedFinding } from '../../core/findings';
import { ruleTitle, Lang } from '../../core/messages';
import type { RuleId, Severity } from '../../core/settings';
import type { Texts } from '../i18n';

const LIMIT = 300;
const COLORS: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export interface FindingsListProps {
  t: Texts;
  lang: Lang;
  findings: ReportedFinding[];
  onSelect: (sheet: string, cell: string) => void;
}

/** Findings grouped by rule and sheet, filterable by severity; each one selects its cell. */
export function FindingsList({ t, lang, findings, onSelect }: FindingsListProps) {
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: false });
  const visible = useMemo(() => findings.filter((f) => shown[f.severity]), [findings, shown]);
  const groups = useMemo(() => {
    const byRule = new Map<string, Map<string, ReportedFinding[]>>();
    for (const f of visible.slice(0, LIMIT)) {
      const sheets = byRule.get(f.rule) ?? new Map<string, ReportedFinding[]>();
      byRule.set(f.rule, sheets);
      sheets.set(f.sheet, [...(sheets.get(f.sheet) ?? []), f]);
    }
    return [...byRule];
  }, [visible]);
  const counts = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return (
    <div>
      <fieldset style={{ border: 'none', padding: 0, margin: '0 0 8px' }}>
        <legend>
          <Text weight="semibold">{t.filter}</Text>
        </legend>
        {(['error', 'warning', 'info'] as const).map((s) => (
          <Checkbox key={s} label={`${t.severity[s]} (${counts(s)})`} checked={shown[s]} onChange={(_, d) => setShown({ ...shown, [s]: d.checked === true })} />
        ))}
      </fieldset>
      {visible.length === 0 && <Text>{t.noFindings}</Text>}
      {groups.map(([rule, sheets]) => (
        <section key={rule} aria-label={ruleTitle(rule as RuleId, lang)} style={{ marginBottom: 12 }}>
          <Text as="h2" weight="semibold" size={300} block>
            {ruleTitle(rule as RuleId, lang)} <Badge appearance="tint" color={COLORS[[...sheets.values()][0][0].severity]}>{[...sheets.values()].reduce((n, l) => n + l.length, 0)}</Badge>
          </Text>
          {[...sheets].map(([sheet, list]) => (
            <div key={sheet}>
              <Text size={200} block style={{ opacity: 0.8 }}>
                {sheet}
              </Text>
              <ul style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
                {list.map((f, i) => (
                  <li key={`${f.cell}-${i}`}>
                    <Button appearance="subtle" size="small" onClick={() => onSelect(f.sheet, f.cell)} aria-label={`${t.goTo(`${f.sheet}!${f.cell}`)}：${f.message}`} style={{ textAlign: 'left', justifyContent: 'flex-start', height: 'auto', minHeight: 24, whiteSpace: 'normal' }}>
                      <span>
                        <strong>{f.cell}</strong> {f.message}
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {visible.length > LIMIT && <Text size={200}>{t.showing(LIMIT, visible.length)}</Text>}
    </div>
  );
}
