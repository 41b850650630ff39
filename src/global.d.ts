/** Set by webpack's DefinePlugin from package.json. */
declare const LEDGERCHECK_VERSION: string;
