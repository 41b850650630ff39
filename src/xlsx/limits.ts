/**
 * How much the reader will take from one file before it calls the file unusable (exit 2). The
 * bounds are set from Excel's own limits, far above any real ledger, so a correct workbook is
 * never refused while a zip bomb or a hostile part stops at once, before it costs time or memory.
 */

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/**
 * A sheet part may inflate to at most 2 KiB per row of Excel's grid (2 GiB). A sheet at Excel's
 * row limit with a ledger's 13 columns of text, written by openpyxl, is about 0.95 GB.
 */
export const MAX_SHEET_PART_BYTES = MAX_ROWS * 2048;

/** The shared-strings part: the same bound as a sheet (Excel's 32,767 characters per cell aside). */
export const MAX_SHARED_STRINGS_BYTES = MAX_SHEET_PART_BYTES;

/** Any other XML part we read (workbook, relationships, styles, content types): 256 MiB. */
export const MAX_META_PART_BYTES = 256 * 1024 * 1024;

/** All parts read from one package together: four sheets at the bound above (8 GiB). */
export const MAX_PACKAGE_BYTES = 4 * MAX_SHEET_PART_BYTES;

/**
 * Cells with a value in one package: 32 × 2^20 (33.5 million), 2.4× a province's ledger at
 * Excel's row limit with 13 columns, and what fits well inside Node's default heap.
 */
export const MAX_CELLS = 32 * 1024 * 1024;

/**
 * Deflate reaches about 1,030:1 at most; spreadsheet XML compresses far less (measured: a
 * 100,000-household ledger 5.8:1, 1,048,576 identical styled empty rows 29:1, a column of zeros
 * 10:1). A part declared (and so, as output is held to its declared size, inflating) past this
 * ratio and past its first 32 MiB is a zip bomb, refused before it is inflated.
 */
export const MAX_INFLATE_RATIO = 400;
export const RATIO_GRACE_BYTES = 32 * 1024 * 1024;

/** One XML token (a tag, or the text of one value) longer than this is not a spreadsheet's. */
export const MAX_TOKEN_BYTES = 16 * 1024 * 1024;
