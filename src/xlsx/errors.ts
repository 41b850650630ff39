/** Why a file could not be used at all; the command line exits 2 with `message`. */
export type XlsxProblem = 'not-xlsx' | 'encrypted' | 'xls' | 'corrupt' | 'too-large';

export class XlsxError extends Error {
  constructor(
    readonly problem: XlsxProblem,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}
