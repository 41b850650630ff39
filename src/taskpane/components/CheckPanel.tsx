import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text } from '@fluentui/react-components';
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
  onCheck: () => void;
}

/** The big 一键检查 button, the progress bar with its stage, and the verdict. */
export function CheckPanel({ t, running, progress, report, tabNames, error, onCheck }: CheckPanelProps) {
  const [start, span] = progress ? STAGE_WEIGHT[progress.stage] : [0, 0];
  const value = progress ? Math.min(1, start + span * progress.fraction) : 0;
  return (
    <section aria-label={t.check}>
      <Button appearance="primary" size="large" onClick={onCheck} disabled={running} style={{ width: '100%' }}>
        {running ? t.checking : t.check}
      </Button>
      {running && progress && (
        <Field label={`${t.progressLabel}：${t.stages[progress.stage]}`} validationState="none" style={{ marginTop: 12 }}>
          <ProgressBar value={value} max={1} aria-valuetext={`${t.stages[progress.stage]} ${Math.round(value * 100)}%`} />
        </Field>
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
        {!error && report && tabNames.length > 0 && (
          <Text size={200} block style={{ marginTop: 6 }}>
            {t.tabsWritten(tabNames.join('、'))}
          </Text>
        )}
        {!report && !error && !running && <Text>{t.notChecked}</Text>}
      </div>
    </section>
  );
}
