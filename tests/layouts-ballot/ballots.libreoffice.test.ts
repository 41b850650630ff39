/**
 * The ballot corpus opened and saved again by LibreOffice Calc (one soffice call): its own shared
 * strings, styles and merged areas; same cells, same expectations as ballots.test.ts.
 */
import { Corpus, describeCorpus, makeCorpus, resavedByLibreOffice } from './corpus';

const WRITTEN = makeCorpus();
let resaved: Corpus;
beforeAll(() => {
  resaved = resavedByLibreOffice(WRITTEN);
}, 300_000);

describeCorpus('LibreOffice ', () => resaved, WRITTEN.cases);
