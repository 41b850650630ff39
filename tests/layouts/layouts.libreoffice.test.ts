/**
 * The layout corpus opened and saved again by LibreOffice Calc (its own shared strings, styles,
 * merged areas and hidden rows): the same workbooks, the same expectations, a third producer.
 */
import { Corpus, describeCorpus, makeCorpus, resavedByLibreOffice } from './corpus';

const SOURCE = makeCorpus();
let corpus: Corpus;

beforeAll(() => {
  corpus = resavedByLibreOffice(SOURCE);
}, 300_000);

describeCorpus('LibreOffice ', () => corpus, SOURCE.workbooks);
