import { expect, fixture, html } from '@open-wc/testing';
import { parseCount, readTable, slugify } from '../../src/data/table-reader.js';
import type { Dataset } from '../../src/model/dataset.js';

interface Built {
  head: string[];
  body: string[][];
  foot?: string[];
  /** Put the header in a thead and the rows in a tbody (default), or leave rows as the table's own children. */
  sections?: boolean;
}

/** A table built through the DOM, every text set with textContent. */
function makeTable({ head, body, foot, sections = true }: Built): HTMLTableElement {
  const table = document.createElement('table');
  const addRow = (parent: HTMLElement, texts: string[], header: boolean) => {
    const tr = document.createElement('tr');
    texts.forEach((text, i) => {
      const cell = document.createElement(header || i === 0 ? 'th' : 'td');
      cell.textContent = text;
      tr.append(cell);
    });
    parent.append(tr);
  };
  if (sections) {
    addRow(table.createTHead(), head, true);
    const tbody = table.createTBody();
    for (const row of body) addRow(tbody, row, false);
    if (foot) addRow(table.createTFoot(), foot, false);
  } else {
    addRow(table, head, true);
    for (const row of body) addRow(table, row, false);
  }
  return table;
}

const example = (): Built => ({
  head: ['Year', 'Cases'],
  body: [
    ['2001', '10'],
    ['2002', '5'],
    ['2003', '20'],
  ],
});

function dataset(built: Built | HTMLTableElement, locale = 'en-GB'): Dataset {
  const result = readTable(built instanceof HTMLTableElement ? built : makeTable(built), locale);
  if (!result.ok) throw new Error(`expected a dataset, got: ${result.message}`);
  return result.value;
}

function problem(built: Built | HTMLTableElement, locale = 'en-GB'): string {
  const result = readTable(built instanceof HTMLTableElement ? built : makeTable(built), locale);
  if (result.ok) throw new Error('expected a problem');
  return result.message;
}

/** The example table with one cell of the Cases column replaced. */
function withCase(row: number, text: string): Built {
  const built = example();
  built.body[row]![1] = text;
  return built;
}

describe('readTable', () => {
  it('reads the minimal example, with or without thead and tbody', () => {
    const expected: Dataset = {
      years: ['2001', '2002', '2003'],
      measures: [{ id: 'cases', label: 'Cases', values: [10, 5, 20] }],
    };
    for (const sections of [true, false]) {
      const result = dataset({ ...example(), sections });
      expect(result).to.deep.equal(expected);
      expect('total' in result.measures[0]!).to.equal(false);
    }
  });

  it('reads a table written in HTML without sections (the parser adds a tbody)', async () => {
    const table = await fixture<HTMLTableElement>(html`
      <table>
        <tr><th>Year</th><th>Cases</th></tr>
        <tr><th>2001</th><td>10</td></tr>
        <tr><th>2002</th><td>5</td></tr>
        <tr><th>2003</th><td>20</td></tr>
      </table>
    `);
    expect(dataset(table)).to.deep.equal({
      years: ['2001', '2002', '2003'],
      measures: [{ id: 'cases', label: 'Cases', values: [10, 5, 20] }],
    });
  });

  it('reads a CEOP-like table: thead, tbody, tfoot, data-metric, n/r and totals', async () => {
    const table = await fixture<HTMLTableElement>(html`
      <table>
        <caption>CEOP results by year</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col" data-metric="reports">Reports received</th>
            <th scope="col" data-metric="children-safeguarded">
              Children
              safeguarded
            </th>
            <th scope="col">Offender networks dismantled</th>
          </tr>
        </thead>
        <tbody>
          <tr><th scope="row">2006/07</th><td>n/r</td><td>131</td><td>26</td></tr>
          <tr><th scope="row">2007/08</th><td>5,356</td><td>183</td><td>82</td></tr>
          <tr><th scope="row">2008/09</th><td>6,291</td><td>334</td><td>58</td></tr>
          <tr><th scope="row">2009/10</th><td>6,194</td><td>278</td><td>N/R</td></tr>
          <tr><th scope="row">2010/11</th><td>8,667</td><td>414</td><td>64</td></tr>
        </tbody>
        <tfoot>
          <tr><th scope="row">Total since April 2006</th><td>30,734</td><td>1,340</td><td></td></tr>
        </tfoot>
      </table>
    `);
    expect(dataset(table)).to.deep.equal({
      years: ['2006/07', '2007/08', '2008/09', '2009/10', '2010/11'],
      measures: [
        { id: 'reports', label: 'Reports received', values: [null, 5356, 6291, 6194, 8667], total: 30734 },
        { id: 'children-safeguarded', label: 'Children safeguarded', values: [131, 183, 334, 278, 414], total: 1340 },
        { id: 'offender-networks-dismantled', label: 'Offender networks dismantled', values: [26, 82, 58, null, 64] },
      ],
    });
  });

  it('reads thousands separators in the page locale', () => {
    const cases: [string, string][] = [
      ['en-GB', '1,038'],
      ['en-GB', '1038'],
      ['de', '1.038'],
      ['de', '1038'],
      ['fr', '1\u202F038'],
      ['fr', '1\u00A0038'],
      ['fr', '1 038'],
      ['fr', '1038'],
    ];
    for (const [locale, text] of cases) {
      expect(dataset(withCase(1, text), locale).measures[0]!.values, `${locale} ${JSON.stringify(text)}`).to.deep.equal([10, 1038, 20]);
    }
    expect(parseCount('1,038,000', 'en-GB')).to.equal(1038000);
    expect(parseCount('1.038.000', 'de')).to.equal(1038000);
    expect(parseCount('1\u202F038\u202F000', 'fr')).to.equal(1038000);
    expect(parseCount('  1,038 \n', 'en-GB')).to.equal(1038);
    expect(parseCount('0', 'en-GB')).to.equal(0);
  });

  it("does not take one locale's separators for another's", () => {
    expect(parseCount('1.038', 'en-GB')).to.deep.equal({ problem: '"1.038" is not a whole number' });
    expect(parseCount('1,038', 'de')).to.deep.equal({ problem: '"1,038" is not a whole number' });
    expect(parseCount('1 038', 'en-GB')).to.deep.equal({ problem: '"1 038" is not a whole number' });
    expect(parseCount('1,038', 'fr')).to.deep.equal({ problem: '"1,038" is not a whole number' });
  });

  it('falls back to English separators for a locale it cannot use', () => {
    expect(parseCount('1,038', 'not a locale!')).to.equal(1038);
    expect(dataset(withCase(1, '1,038'), '').measures[0]!.values[1]).to.equal(1038);
  });

  it('reads every not-reported marker as null', () => {
    for (const marker of ['', '   ', '-', '\u2013', '\u2014', 'n/r', 'N/R', 'n/a', ' n/r ']) {
      expect(parseCount(marker, 'en-GB'), JSON.stringify(marker)).to.equal(null);
      expect(dataset(withCase(1, marker)).measures[0]!.values, JSON.stringify(marker)).to.deep.equal([10, null, 20]);
    }
  });

  it('names the row, cell, measure and year of each bad value', () => {
    const cases: [string, string][] = [
      ['-5', '-5 is negative; counts cannot be'],
      ['-1,038', '-1038 is negative; counts cannot be'],
      ['1.5', '"1.5" is not a whole number'],
      ['lots', '"lots" is not a whole number'],
      ['1,03,8', '"1,03,8" is not a whole number'],
      [',038', '",038" is not a whole number'],
      ['1,038,', '"1,038," is not a whole number'],
      ['+5', '"+5" is not a whole number'],
      ['2000000000000', '2000000000000 is larger than 1000000000000 (1e12)'],
      ['1,000,000,000,001', '1000000000001 is larger than 1000000000000 (1e12)'],
      ['9'.repeat(400), `"${'9'.repeat(38)}… is larger than 1000000000000 (1e12)`],
    ];
    for (const [text, message] of cases) {
      // Header is row 1, so 2002 (the second data row) is row 3; Cases is cell 2.
      expect(problem(withCase(1, text)), text).to.equal(`table row 3, cell 2 (Cases, 2002): ${message}`);
      expect(parseCount(text, 'en-GB'), text).to.deep.equal({ problem: message });
    }
    expect(parseCount('1000000000000', 'en-GB')).to.equal(1e12);
  });

  it('counts rows as the editor sees them, header first', () => {
    const built: Built = {
      head: ['Year', 'Reports', 'Networks'],
      body: [
        ['2005/06', '1', '2'],
        ['2006/07', '3', '4'],
        ['2007/08', '5', 'lots'],
      ],
    };
    expect(problem(built)).to.equal('table row 4, cell 3 (Networks, 2007/08): "lots" is not a whole number');
    expect(problem({ ...built, sections: false })).to.equal('table row 4, cell 3 (Networks, 2007/08): "lots" is not a whole number');
    // A blank row is skipped but still counted.
    built.body.splice(1, 0, ['', ' ', '']);
    expect(problem(built)).to.equal('table row 5, cell 3 (Networks, 2007/08): "lots" is not a whole number');
    expect(dataset({ ...example(), body: [...example().body, ['', '', '']] }).years).to.deep.equal(['2001', '2002', '2003']);
  });

  it('reads published totals from the tfoot, and names a bad one', () => {
    const built: Built = {
      head: ['Year', 'Reports', 'Networks'],
      body: [
        ['2001', '10', '1'],
        ['2002', 'n/r', '2'],
      ],
      foot: ['Total', '40', ''],
    };
    const ok = dataset(built);
    expect(ok.measures.map((m) => m.total)).to.deep.equal([40, undefined]);
    expect('total' in ok.measures[1]!).to.equal(false);
    built.foot = ['Total', '40', 'lots'];
    expect(problem(built)).to.equal('table totals row, cell 3 (Networks): "lots" is not a whole number');
    built.foot = ['Total', '-40', ''];
    expect(problem(built)).to.equal('table totals row, cell 2 (Reports): -40 is negative; counts cannot be');
    built.foot = ['Total', '40'];
    expect(problem(built)).to.equal('table totals row: 2 cells, but the header has 3');
    built.foot = ['Total', '5', ''];
    expect(problem(built)).to.equal('table: reports, total: 5 is less than the 10 of the years reported');
    built.foot = ['', '', ''];
    expect(dataset(built).measures.map((m) => m.total)).to.deep.equal([undefined, undefined]);
  });

  it('reports structural problems', () => {
    expect(problem(document.createElement('table'))).to.equal('table: no header row');
    expect(problem({ head: ['Year'], body: [['2001']] })).to.equal('table: the header row needs a year column and at least one measure');
    const wide: Built = {
      head: ['Year', 'A', 'B', 'C'],
      body: [
        ['2001', '1', '2', '3'],
        ['2002', '1'],
        ['2003', '1', '2', '3'],
      ],
    };
    expect(problem(wide)).to.equal('table row 3: 2 cells, but the header has 4');
    wide.body[1] = ['2002'];
    expect(problem(wide)).to.equal('table row 3: 1 cell, but the header has 4');
    wide.body[1] = ['2002', '1', '2', '3', '4'];
    expect(problem(wide)).to.equal('table row 3: 5 cells, but the header has 4');
    expect(problem({ head: ['Year', 'Cases'], body: [] })).to.equal('table: no rows of data');
    expect(
      problem({
        head: ['Year', 'Cases'],
        body: [
          ['', ''],
          [' ', '\n'],
        ],
      }),
    ).to.equal('table: no rows of data');
    expect(problem({ head: ['Year', 'Cases', ' '], body: [['2001', '1', '2']] })).to.equal(
      'table row 1, cell 3: the heading is empty; give the measure a name',
    );
    expect(
      problem({
        head: ['Year', 'Cases'],
        body: [
          ['2001', '1'],
          ['', '2'],
        ],
      }),
    ).to.equal('table row 3, cell 1: the year is missing');
  });

  it('leaves years, ids and totals to the dataset validator, prefixed "table: "', () => {
    expect(
      problem({
        ...example(),
        body: [
          ['2001', '1'],
          ['2001', '2'],
        ],
      }),
    ).to.equal('table: year "2001" appears twice');
    expect(
      problem({
        ...example(),
        body: [
          ['2001', '1'],
          ['2003', '2'],
          ['2002', '3'],
        ],
      }),
    ).to.equal('table: year "2002" comes after "2003": years must be in increasing order');
    expect(problem({ ...example(), body: [['Year one', '1']] })).to.match(/^table: year 1 "Year one": expected a label/);
    expect(problem({ head: ['Year', 'Cases', 'cases'], body: [['2001', '1', '2']] })).to.equal('table: measure id "cases" appears twice');
    expect(
      problem({
        ...example(),
        body: [
          ['2001', 'n/r'],
          ['2002', '-'],
        ],
      }),
    ).to.equal('table: cases: no year has a value; a measure needs at least one');
  });

  it('takes the id from data-metric, else from the label', () => {
    const table = makeTable(example());
    const th = table.tHead!.rows[0]!.cells[1]!;
    th.setAttribute('data-metric', ' cases-2 ');
    expect(dataset(table).measures[0]!.id).to.equal('cases-2');
    th.setAttribute('data-metric', 'Bad Id');
    expect(problem(table)).to.match(/^table: measure 1 id "Bad Id": use lower-case letters/);
    th.setAttribute('data-metric', '');
    expect(dataset(table).measures[0]!.id).to.equal('cases');
  });

  it('reads markup and script in cells as plain text, never as HTML', async () => {
    const img = '<img src=x onerror="window.__tableXss = true">';
    const script = '<script>window.__tableXss = true</script>';
    const w = window as unknown as { __tableXss?: boolean };
    w.__tableXss = false;
    const table = makeTable({
      head: ['Year', img],
      body: [
        ['2001', '1'],
        ['2002', script],
      ],
    });
    const before = table.outerHTML;
    expect(problem(table)).to.equal(`table row 3, cell 2 (${img}, 2002): "<script>window.__tableXss = true</scri… is not a whole number`);
    expect(table.outerHTML).to.equal(before);
    table.tBodies[0]!.rows[1]!.cells[1]!.textContent = '2';
    const read = dataset(table);
    expect(read.measures[0]!.label).to.equal(img);
    expect(read.measures[0]!.id).to.equal('img-src-x-onerror-window-tablexss-true');
    expect(table.querySelector('img, script')).to.equal(null);
    expect(document.querySelector('img[src="x"]')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(w.__tableXss).to.equal(false);
    delete w.__tableXss;
  });

  it('reads the text of real markup inside cells', async () => {
    const table = await fixture<HTMLTableElement>(html`
      <table>
        <tr><th>Year</th><th><abbr title="Child sexual abuse">CSA</abbr> <em>reports</em></th></tr>
        <tr><th>2001</th><td><strong>1,038</strong></td></tr>
      </table>
    `);
    expect(dataset(table).measures[0]).to.deep.equal({ id: 'csa-reports', label: 'CSA reports', values: [1038] });
  });

  it('never throws', () => {
    expect(readTable(null as unknown as HTMLTableElement, 'en-GB')).to.deep.equal({
      ok: false,
      code: 'schema',
      message: 'table: could not be read',
    });
    expect(readTable({} as HTMLTableElement, 'en-GB')).to.deep.equal({ ok: false, code: 'schema', message: 'table: could not be read' });
  });
});

describe('slugify', () => {
  it('makes ids from labels', () => {
    expect(slugify('Offender networks dismantled')).to.equal('offender-networks-dismantled');
    expect(slugify('2010 cases')).to.equal('m-2010-cases');
    expect(slugify('Café')).to.equal('cafe');
    expect(slugify('')).to.equal('measure');
    expect(slugify('  --  ')).to.equal('measure');
    expect(slugify('Children (safeguarded/protected)!')).to.equal('children-safeguarded-protected');
    expect(slugify('Ｃａｓｅｓ Ñandú')).to.equal('cases-nandu');
    const long = slugify('word '.repeat(40));
    expect(long.length).to.be.at.most(64);
    expect(long).to.match(/^[a-z][a-z0-9-]*[a-z0-9]$/);
  });
});
