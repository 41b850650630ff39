import { Button, Field, Input, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { Settings, SettingsInput, SettingsSchema } from '../../core/settings';
import type { Texts } from '../i18n';

export interface SettingsFormProps {
  t: Texts;
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
}

function toForm(s: Settings): FormState {
  const grades = [...s.gradeThresholds].sort((a, b) => b.min - a.min);
  const mapping = Object.entries(s.sheets).flatMap(([sheet, o]) => Object.entries(o.columns ?? {}).map(([key, letter]) => `${sheet}!${letter}=${key}`));
  return {
    asOf: s.asOf ?? '',
    from: s.window?.from ?? '',
    to: s.window?.to ?? '',
    cap: String(s.capPerHousehold),
    totalPoints: s.totalPoints === null ? '' : String(s.totalPoints),
    thresholds: grades.slice(0, -1).map((g) => String(Math.round(g.min * 1000) / 10)),
    mapping: mapping.join('\n'),
  };
}

/** The form's text fields → a settings object for the schema to judge (it gives the messages). */
function toInput(f: FormState, base: Settings): SettingsInput {
  const grades = [...base.gradeThresholds].sort((a, b) => b.min - a.min);
  const sheets: Record<string, { columns: Record<string, string> }> = {};
  for (const line of f.mapping.split(/\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.+)!([A-Za-z]{1,3})\s*=\s*(\w+)$/.exec(line);
    const [sheet, letter, key] = m ? [m[1], m[2], m[3]] : ['?', line, '?'];
    (sheets[sheet] ??= { columns: {} }).columns[key] = letter;
  }
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return {
    ...base,
    asOf: f.asOf || undefined,
    window: f.from || f.to ? { from: f.from, to: f.to } : undefined,
    capPerHousehold: num(f.cap) as number,
    totalPoints: f.totalPoints.trim() === '' ? null : (num(f.totalPoints) as number),
    gradeThresholds: grades.map((g, i) => (i < f.thresholds.length ? { grade: g.grade, min: (num(f.thresholds[i]) ?? NaN) / 100 } : g)),
    sheets,
  };
}

const FIELD_PATHS: Record<string, string> = { asOf: 'asOf', from: 'window', to: 'window', cap: 'capPerHousehold', totalPoints: 'totalPoints', thresholds: 'gradeThresholds', mapping: 'sheets' };

export function SettingsForm({ t, settings, onSave }: SettingsFormProps) {
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
    const input = toInput(form, settings);
    const r = SettingsSchema.safeParse(input);
    if (!r.success) {
      const byField: Record<string, string> = {};
      for (const i of r.error.issues) byField[String(i.path[0])] ??= `${i.path.join('.')}: ${i.message}`;
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
        <div style={{ display: 'flex', gap: 8 }}>
          {form.thresholds.map((v, i) => (
            <Input
              key={grades[i].grade}
              aria-label={`${grades[i].grade} %`}
              contentBefore={grades[i].grade}
              type="number"
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
      <Field label={t.settings.mapping} validationState={state('mapping')} validationMessage={problem('mapping')}>
        <Textarea value={form.mapping} onChange={set('mapping')} resize="vertical" />
      </Field>
      {Object.keys(problems).length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t.settings.invalid} {Object.values(problems).join('；')}
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
