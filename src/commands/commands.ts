import { parseSettings } from '../core/settings';
import { officeLedgerApi } from '../excel/office-host';
import { langFromOffice } from '../excel/display-language';

/**
 * 一键检查 from the ribbon, without the pane: check, write the tabs, show 检查结果 (its title
 * carries the verdict), and always tell Office the command is complete.
 */
async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const lang = langFromOffice(Office.context.displayLanguage);
    const api = officeLedgerApi();
    const stored = await api.loadSettings();
    await api.check(parseSettings({ ...stored.settings, lang }), () => undefined, 'findings');
  } catch (e) {
    console.error('Ledger Check', e);
    showError((e as Error).message ?? String(e));
  } finally {
    event.completed();
  }
}

/** A command without a pane has no other way to speak: a small dialog says what went wrong. */
function showError(message: string): void {
  const url = new URL('message.html', location.href);
  url.hash = encodeURIComponent(message.slice(0, 500));
  Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 35, displayInIframe: true });
}

Office.onReady(() => {
  Office.actions.associate('runCheck', runCheck);
});
// Older Office builds find ExecuteFunction commands as globals of the function file.
(globalThis as Record<string, unknown>).runCheck = runCheck;
