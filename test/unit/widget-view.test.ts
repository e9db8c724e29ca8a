import { expect } from '@open-wc/testing';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import { parseOptions, parseSourceOptions } from '../../src/model/attributes.js';
import { type DataState, type ReadyView, type WidgetView, type WidgetViewInput, widgetView } from '../../src/view/widget-view.js';
import { messages } from '../../src/messages/en.js';

const BASE = 'https://example.org/news/page.html';
const READY: DataState = { status: 'ready', dataset: CEOP_FIGURES };

function view(input: Partial<WidgetViewInput> = {}): WidgetView {
  return widgetView({ attributes: {}, data: READY, messages, pageLocale: 'en-GB', baseUrl: BASE, ...input });
}

function ready(attributes: WidgetViewInput['attributes'] = {}): ReadyView {
  const result = view({ attributes });
  if (result.status !== 'ready') throw new Error(`expected a ready view, got ${JSON.stringify(result)}`);
  return result;
}

describe('widgetView', () => {
  describe('loading', () => {
    it('while the data loads', () => {
      expect(view({ data: { status: 'loading' } })).to.deep.equal({ status: 'loading' });
    });

    it("while the language's texts load, even with the data here or broken", () => {
      expect(view({ messages: undefined })).to.deep.equal({ status: 'loading' });
      expect(view({ messages: undefined, data: { status: 'error', problem: { code: 'schema', message: 'bad' } } })).to.deep.equal({
        status: 'loading',
      });
    });
  });

  describe('problems', () => {
    const requestProblem = { code: 'attribute', message: 'timeout="soon" is not allowed.' } as const;

    it('a request problem wins over loading data and over a data error', () => {
      expect(view({ requestProblem, data: { status: 'loading' } })).to.deep.equal({ status: 'problem', problem: requestProblem });
      expect(view({ requestProblem, data: { status: 'error', problem: { code: 'schema', message: 'bad' } } })).to.deep.equal({
        status: 'problem',
        problem: requestProblem,
      });
      expect(view({ requestProblem })).to.deep.equal({ status: 'problem', problem: requestProblem });
    });

    it('a data error becomes the problem', () => {
      const problem = { code: 'http-status', message: 'src: the server answered 404 for /x.json' } as const;
      expect(view({ data: { status: 'error', problem } })).to.deep.equal({ status: 'problem', problem });
    });

    it("a bad attribute is an attribute problem, in parseOptions's words", () => {
      const attributes = { metric: 'rescues' };
      const parsed = parseOptions(attributes, CEOP_FIGURES, 'en-GB');
      expect(parsed.ok).to.equal(false);
      expect(view({ attributes })).to.deep.equal({
        status: 'problem',
        problem: { code: 'attribute', message: 'metric="rescues" is not a measure in the data. Use children, arrests or networks.' },
      });
      if (!parsed.ok)
        expect(view({ attributes })).to.deep.equal({ status: 'problem', problem: { code: 'attribute', message: parsed.message } });
    });

    it('a bad source-url likewise', () => {
      const attributes = { sourceUrl: 'javascript:alert(1)' };
      const parsed = parseSourceOptions(attributes, CEOP_FIGURES.source, BASE);
      if (parsed.ok) throw new Error('expected parseSourceOptions to refuse it');
      const result = view({ attributes });
      expect(result).to.deep.equal({ status: 'problem', problem: { code: 'attribute', message: parsed.message } });
      expect(result.status === 'problem' && result.problem.message).to.match(/^source-url=.* is not an http or https URL/);
    });
  });

  describe('ready', () => {
    it('holds the options, the series and the texts it was worked out with', () => {
      const result = ready({ metric: 'arrests', from: '2009' });
      expect(result.options.measure.id).to.equal('arrests');
      expect(result.series.labels).to.deep.equal(['2009/10', '2010/11']);
      expect(result.series.values).to.deep.equal([417, 513]);
      expect(result.messages).to.equal(messages);
    });

    it("the heading is the measure's label unless `heading` is given (trimmed)", () => {
      expect(ready().heading).to.equal('Children safeguarded or protected');
      expect(ready({ metric: 'networks' }).heading).to.equal('Offender networks dismantled or disrupted');
      expect(ready({ heading: '  CEOP in numbers \n' }).heading).to.equal('CEOP in numbers');
      // Blank is not set.
      expect(ready({ heading: '   ' }).heading).to.equal('Children safeguarded or protected');
    });

    it('the summary is generated from the data: for children, the sentence the README quotes', () => {
      expect(ready().summary).to.equal(
        'Children safeguarded or protected: 414 in 2010/11, a record for the fifth year in a row and 49% more than in 2009/10. 1,038 since April 2006.',
      );
    });

    it('`summary` overrides the generated sentence', () => {
      expect(ready({ summary: ' Our own words. ' }).summary).to.equal('Our own words.');
    });

    it('the description names the measure and the first and last years shown', () => {
      expect(ready().chartName).to.equal('Bar chart: Children safeguarded or protected per year, 2006/07 to 2010/11.');
      expect(ready({ metric: 'arrests', from: '2007', to: '2009' }).chartName).to.equal('Bar chart: Arrests per year, 2007/08 to 2009/10.');
      expect(ready({ from: '2010' }).chartName).to.equal('Bar chart: Children safeguarded or protected, 2010/11.');
    });

    it("the source is the data's, relabelled by source-label, and none with no-source", () => {
      expect(ready().source).to.deep.equal(CEOP_FIGURES.source);
      expect(ready({ sourceLabel: 'CEOP' }).source).to.deep.equal({ label: 'CEOP', url: CEOP_FIGURES.source!.url });
      expect(ready({ sourceUrl: '/about' }).source).to.deep.equal({ label: CEOP_FIGURES.source!.label, url: 'https://example.org/about' });
      expect(ready({ noSource: true }).source).to.equal(undefined);
      expect(ready({ noSource: true, sourceLabel: 'CEOP' }).source).to.equal(undefined);
    });
  });
});
