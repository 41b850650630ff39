import { Button, Field, Link, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text } from '@fluentui/react-components';
import type { Progress } from '../../excel/check-workbook';
import type { Report } from '../../core/report';
import type { Texts } from '../i18n';

const STAGE_WEIGHT = { read: [0, 0.45], check: [0.45, 0.25], summarise: [0.7, 0.05], write: [0.75, 0.25], done: [1, 0] } as const;

export interface CheckPanelProps {
  t: Texts;
  running: boolean;
  progress: Progress | null;
  report: Report | null;
  tabNames: string[];
  error: string | null;
  cancelled: boolean;
  onCheck: () => void;
  onCancel: () => void;
  /** Shows one of the written tabs in the workbook. */
  onOpenTab: (name: string) => void;
}

/** The big 一键检查 button, the progress bar with its stage, and the verdict. */
export function CheckPanel({ t, running, progress, report, tabNames, error, cancelled, onCheck, onCancel, onOpenTab }: CheckPanelProps) {
  const [start, span] = progress ? STAGE_WEIGHT[progress.stage] : [0, 0];
  const value = progress ? Math.min(1, start + span * progress.fraction) : 0;
  return (
    <section aria-label={t.check}>
      <Button appearance="primary" size="large" onClick={onCheck} disabled={running} style={{ width: '100%' }}>
        {running ? t.checking : t.check}
      </Button>
      {running && progress && (
        <div style={{ display: 'flex', alignItems: 'flex-end', gap: 8, marginTop: 12 }}>
          <Field label={`${t.progressLabel}：${t.stages[progress.stage]}`} validationState="none" style={{ flex: 1 }}>
            <ProgressBar value={value} max={1} aria-valuetext={`${t.stages[progress.stage]} ${Math.round(value * 100)}%`} />
          </Field>
          {/* Once writing starts it finishes, so the workbook never keeps half-made tabs. */}
          <Button size="small" onClick={onCancel} disabled={progress.stage === 'write' || progress.stage === 'done'}>
            {t.cancel}
          </Button>
        </div>
      )}
      <div aria-live="polite" style={{ marginTop: 12 }}>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t.failed}</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {!error && report && (
          <MessageBar intent={report.summary.ready ? 'success' : 'error'}>
            <MessageBarBody>
              <MessageBarTitle>{report.summary.verdict}</MessageBarTitle>
              {report.summary.status === 'errors' ? t.notReadyHint : ''}
            </MessageBarBody>
          </MessageBar>
        )}
        {cancelled && !running && (
          <MessageBar intent="info">
            <MessageBarBody>{t.cancelled}</MessageBarBody>
          </MessageBar>
        )}
        {!error && report && tabNames.length > 0 && (
          <Text size={300} block style={{ marginTop: 6 }}>
            {t.tabsWritten('')}
            {tabNames.map((n, i) => (
              <span key={n}>
                {i > 0 ? '、' : ''}
                <Link as="button" onClick={() => onOpenTab(n)} aria-label={t.openTab(n)}>
                  {n}
                </Link>
              </span>
            ))}
          </Text>
        )}
        {!report && !error && !running && !cancelled && <Text>{t.notChecked}</Text>}
      </div>
    </section>
  );
}
