import {describe, expect, it, vi} from 'vitest';
import {lineText} from '../../src/ui/layout/lines';
import {FrameBuilder} from '../../src/ui/frame';
import {createReducer, initialState} from '../../src/ui/state';
import {createTheme} from '../../src/theme/theme';
import * as tech from '../../src/document/tech';
import {fixtureDocument} from '../helpers/resume';

// Counts the builds of the technology index, which visits every entry of the résumé.
vi.mock('../../src/document/tech', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/document/tech')>();
  return {...original, techIndex: vi.fn(original.techIndex)};
});

describe('the technology index is built when first opened', () => {
  it('not for the reducer or the first frame; once for t, however often it opens', () => {
    const doc = fixtureDocument('jiwoo');
    const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
    const reduce = createReducer(builder.env());
    const start = initialState(doc.sections.length, {width: 100, rows: 30});
    const first = reduce(start, {type: 'resize', screen: {width: 100, rows: 30}});
    builder.build(first);
    expect(tech.techIndex).not.toHaveBeenCalled();

    const open = reduce(first, {type: 'command', command: 'techIndex'});
    expect(tech.techIndex).toHaveBeenCalledTimes(1);
    expect(builder.build(open).map(lineText).join('\n')).toContain('Airflow');
    const again = reduce(reduce(open, {type: 'command', command: 'back'}), {type: 'command', command: 'techIndex'});
    builder.build(again);
    expect(tech.techIndex).toHaveBeenCalledTimes(1);
  });
});
