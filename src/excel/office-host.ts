import { CheckEngine } from './engine-runner';
import { createLedgerApi, LedgerApi } from './ledger-api';
import { ApiSupport, detectSupport } from './support';


/** The real host: Excel.run, the requirement sets of this Excel, the workbook's file name. */
export function officeSupport(): ApiSupport {
  return detectSupport((set, version) => Office.context.requirements.isSetSupported(set, version));
}

export function officeFileName(): string {
  const url = Office.context.document?.url ?? '';
  const name = decodeURIComponent(url.split(/[\\/]/).pop() ?? '');
  return name || '当前工作簿';
}

export function officeLedgerApi(engine?: CheckEngine): LedgerApi {
  return createLedgerApi((fn) => Excel.run(fn), { support: officeSupport(), fileName: officeFileName, version: LEDGERCHECK_VERSION, engine });
}
