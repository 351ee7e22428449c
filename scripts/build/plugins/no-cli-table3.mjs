// @ts-check
// marked-terminal draws Markdown tables with cli-table3 (https://github.com/cli-table/cli-table3),
// which brings its own string-width 4 and color library. kim-resume never renders a table (its
// Markdown is inline only): a stand-in joins the rows.
import {stubImport} from '../stub-import.mjs';
import {stub} from '../paths.mjs';

export const noCliTable3 = () => stubImport({name: 'no-cli-table3', specifier: 'cli-table3', stub: stub('cli-table3.cjs')});
