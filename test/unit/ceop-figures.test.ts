import { expect } from '@open-wc/testing';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import { measureTotal } from '../../src/model/dataset.js';
import { validateDataset } from '../../src/model/validate-dataset.js';

describe('bundled CEOP figures', () => {
  const byId = (id: string) => CEOP_FIGURES.measures.find((m) => m.id === id)!;

  it('are exactly the published table', () => {
    expect(CEOP_FIGURES.years).to.deep.equal(['2006/07', '2007/08', '2008/09', '2009/10', '2010/11']);
    expect(byId('children').values).to.deep.equal([76, 131, 139, 278, 414]);
    expect(byId('arrests').values).to.deep.equal([83, 297, 334, 417, 513]);
    expect(byId('networks').values).to.deep.equal([null, null, 82, 96, 132]);
    expect(CEOP_FIGURES.measures.map((m) => m.total)).to.deep.equal([1038, 1644, 394]);
  });

  it('add up to their totals where every year is reported', () => {
    for (const id of ['children', 'arrests']) {
      const m = byId(id);
      expect(
        m.values.reduce<number>((a, v) => a + v!, 0),
        id,
      ).to.equal(m.total);
    }
  });

  it('leave the 84 networks of 2006/07 and 2007/08 unsplit (note N1)', () => {
    const networks = byId('networks');
    const reported = networks.values.reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(networks.total! - reported).to.equal(84);
    expect(networks.notes?.[0]?.years).to.deep.equal(['2006/07', '2007/08']);
    expect(networks.notes?.[0]?.text).to.contain('84');
  });

  it('give counters of 1,038, 1,644 and 394', () => {
    expect(CEOP_FIGURES.measures.map(measureTotal)).to.deep.equal([1038, 1644, 394]);
  });

  it('pass the schema validator unchanged', () => {
    const result = validateDataset(JSON.parse(JSON.stringify(CEOP_FIGURES)));
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.value).to.deep.equal(CEOP_FIGURES);
  });
});
