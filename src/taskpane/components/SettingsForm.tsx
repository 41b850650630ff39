import { Button, Field, Input, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ColumnKey, matchHeader } from '../../core/columns';
import type { AnyKind } from '../../core/kind';
import { KINDS } from '../../core/kinds/registry';

const kinds: readonly AnyKind[] = KINDS;
const labelOf = (key: string) => kinds.find((k) => key in k.columns)?.columns[key].label;
import type { Lang } from '../../core/messages';
import { Settings, SettingsInput, SettingsSchema } from '../../core/settings';
import { problemSentence, settingsProblems } from '../../core/settings-problems';
import type { Texts } from '../i18n';

export interface SettingsFormProps {
  t: Texts;
  lang: Lang;
  settings: Settings;
  onSave: (input: SettingsInput) => Promise<void>;
}

interface FormState {
  asOf: string;
  from: string;
  to: string;
  cap: string;
  totalPoints: string;
  thresholds: string[];
  mapping: string;
  /** 实到人数 for review ballots: what the title line says when the ballots have none. */
  present: string;
}

function toForm(s: Settings): FormState {
  const grades = [...s.gradeThresholds].sort((a, b) => b.min - a.min);
  // Shown with the header names clerks know (身份证号), not our internal keys.
  const mapping = Object.entries(s.sheets).flatMap(([sheet, o]) => Object.entries(o.columns ?? {}).map(([key, letter]) => `${sheet}!${letter}=${labelOf(key)?.zh ?? key}`));
  return {
    asOf: s.asOf ?? '',
    from: s.window?.from ?? '',
    to: s.window?.to ?? '',
    cap: String(s.capPerHousehold),
    totalPoints: s.totalPoints === null ? '' : String(s.totalPoints),
    thresholds: grades.slice(0, -1).map((g) => String(Math.round(g.min * 1000) / 10)),
    mapping: mapping.join('\n'),
    present: s.ballot?.present === undefined ? '' : String(s.ballot.present),
  };
}

/** A header name as clerks write it (身份证号, 责任人) or one of our keys (idNumber) → the key. */
export function columnKeyOf(name: string): ColumnKey | null {
  const n = name.trim();
  if (labelOf(n)) return n;
  for (const k of kinds) {
    const m = matchHeader(n, k.columns);
    if (m) return m.key;
  }
  return null;
}

const KNOWN_HEADERS = '身份证号、户主姓名、慰问金、合计、责任人、牵头单位、完成时限、分值、得分……';

/** The 列映射 lines → per-sheet columns, or the first line that cannot be read, said plainly. */
function parseMapping(text: string, t: Texts): { sheets: Record<string, { columns: Record<string, string> }>; problem: string | null } {
  const sheets: Record<string, { columns: Record<string, string> }> = {};
  for (const line of text.split(/\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[!！]\s*([A-Za-z]{1,3})\s*[=＝]\s*(.+)$/.exec(line);
    if (!m) return { sheets, problem: t.settings.badLine(line) };
    const key = columnKeyOf(m[3]);
    if (!key) return { sheets, problem: t.settings.unknownColumn(m[3].trim(), KNOWN_HEADERS) };
    (sheets[m[1].trim()] ??= { columns: {} }).columns[key] = m[2].toUpperCase();
  }
  return { sheets, problem: null };
}

/** The form's text fields → a settings object for the schema to judge (it gives the messages). */
function toInput(f: FormState, base: Settings, sheets: Record<string, { columns: Record<string, string> }>): SettingsInput {
  const grades = [...base.gradeThresholds].sort((a, b) => b.min - a.min);
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return {
    ...base,
    asOf: f.asOf || undefined,
    window: f.from || f.to ? { from: f.from, to: f.to } : undefined,
    capPerHousehold: num(f.cap) as number,
    totalPoints: f.totalPoints.trim() === '' ? null : (num(f.totalPoints) as number),
    gradeThresholds: grades.map((g, i) => (i < f.thresholds.length ? { grade: g.grade, min: (num(f.thresholds[i]) ?? NaN) / 100 } : g)),
    sheets,
    // The rest of the ballot settings (choice sets, groups…) come from a settings file and stay as they are.
    ballot: f.present.trim() === '' ? (base.ballot ? { ...base.ballot, present: undefined } : undefined) : { ...base.ballot, present: num(f.present) as number },
  };
}

const FIELD_PATHS: Record<string, string> = { asOf: 'asOf', from: 'window', to: 'window', cap: 'capPerHousehold', totalPoints: 'totalPoints', thresholds: 'gradeThresholds', mapping: 'sheets', present: 'ballot' };

export function SettingsForm({ t, lang, settings, onSave }: SettingsFormProps) {
  const [form, setForm] = useState(() => toForm(settings));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const grades = [...settings.gradeThresholds].sort((a, b) => b.min - a.min);
  const set = (k: keyof FormState) => (_: unknown, d: { value: string }) => {
    setForm({ ...form, [k]: d.value });
    setSaved(false);
  };
  const problem = (field: string) => problems[FIELD_PATHS[field]];
  const save = async () => {
    const mapping = parseMapping(form.mapping, t);
    if (mapping.problem) {
      setProblems({ sheets: mapping.problem });
      return;
    }
    const input = toInput(form, settings, mapping.sheets);
    const r = SettingsSchema.safeParse(input);
    if (!r.success) {
      // One language, in the words of the form: 「每户金额上限应大于 0」, never a schema path.
      const byField: Record<string, string> = {};
      for (const p of settingsProblems(r.error)) byField[p.field] ??= problemSentence(p, lang);
      setProblems(byField);
      return;
    }
    setProblems({});
    await onSave(input);
    setSaved(true);
  };
  const state = (field: string) => (problem(field) ? 'error' : 'none');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <Field label={t.settings.asOf} validationState={state('asOf')} validationMessage={problem('asOf')}>
        <Input type="date" value={form.asOf} onChange={set('asOf')} />
      </Field>
      <Field label={t.settings.windowFrom} validationState={state('from')} validationMessage={problem('from')}>
        <Input type="date" value={form.from} onChange={set('from')} />
      </Field>
      <Field label={t.settings.windowTo} validationState={state('to')}>
        <Input type="date" value={form.to} onChange={set('to')} />
      </Field>
      <Field label={t.settings.totalPoints} validationState={state('totalPoints')} validationMessage={problem('totalPoints')}>
        <Input type="number" value={form.totalPoints} onChange={set('totalPoints')} />
      </Field>
      <Field label={t.settings.cap} validationState={state('cap')} validationMessage={problem('cap')}>
        <Input type="number" value={form.cap} onChange={set('cap')} />
      </Field>
      <Field label={t.settings.thresholds} validationState={state('thresholds')} validationMessage={problem('thresholds')}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {form.thresholds.map((v, i) => (
            <Input
              key={grades[i].grade}
              aria-label={`${grades[i].grade} %`}
              contentBefore={<span style={{ whiteSpace: 'nowrap' }}>{grades[i].grade}</span>}
              contentAfter={t.settings.percent}
              type="number"
              style={{ width: 112, minWidth: 0 }}
              input={{ style: { minWidth: 0 } }}
              value={v}
              onChange={(_, d) => {
                const th = [...form.thresholds];
                th[i] = d.value;
                setForm({ ...form, thresholds: th });
              }}
            />
          ))}
        </div>
      </Field>
      <Field label={t.settings.present} hint={t.settings.presentHint} validationState={state('present')} validationMessage={problem('present')}>
        <Input type="number" value={form.present} onChange={set('present')} />
      </Field>
      <Field label={t.settings.mapping} validationState={state('mapping')} validationMessage={problem('mapping')}>
        <Textarea value={form.mapping} onChange={set('mapping')} resize="vertical" />
      </Field>
      {Object.keys(problems).length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t.settings.invalid} {Object.values(problems).join(lang === 'zh' ? '；' : '; ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{t.settings.saved}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit">
        {t.settings.save}
      </Button>
    </form>
  );
}
