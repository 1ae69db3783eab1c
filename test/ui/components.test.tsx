/**
 * Accessibility and states of the UI components, checked on their rendered markup (node environment,
 * no DOM): roles, names, descriptions and the texts each state shows.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { Button } from '../../static/shared/components/button';
import { Checkbox } from '../../static/shared/components/checkbox';
import { Field } from '../../static/shared/components/field';
import { Picker } from '../../static/shared/components/picker/picker';
import { RadioGroup } from '../../static/shared/components/radio-group';
import { EmptyState } from '../../static/shared/components/states';
import { Table } from '../../static/shared/components/table';
import { Toggle } from '../../static/shared/components/toggle';

const html = (element: JSX.Element) => renderToStaticMarkup(element);
const noop = () => undefined;

describe('Toggle', () => {
  it("is the Atlassian Design System's toggle, a checkbox named by its label, described by its description", () => {
    const markup = html(<Toggle id="view-counter" label="View Counter" description="Shows views" checked onChange={noop} />);
    expect(markup).toMatch(/<input[^>]*id="view-counter"[^>]*type="checkbox"[^>]*data-testid="view-counter-toggle--input"/);
    expect(markup).toContain('checked=""');
    const labelledBy = /<input[^>]*aria-labelledby="([^"]+)"/.exec(markup)?.[1];
    expect(markup).toContain(`<span id="${labelledBy ?? 'missing'}" hidden="">View Counter</span>`);
    expect(markup).toMatch(/<label[^>]*id="view-counter-label"[^>]*for="view-counter"|<label[^>]*for="view-counter"[^>]*id="view-counter-label"/);
    expect(markup).toContain('aria-describedby="view-counter-description"');
  });

  it('says why it is disabled, and ties the reason to the switch', () => {
    const markup = html(<Toggle id="t" label="Linchpin" checked={false} onChange={noop} disabled disabledReason="Linchpin is not installed." />);
    expect(markup).toContain('disabled=""');
    expect(markup).toContain('aria-describedby="t-reason"');
    expect(markup).toContain('Linchpin is not installed.');
  });

  it('shows an error as an alert described on the switch', () => {
    const markup = html(<Toggle id="t" label="Desktop" checked onChange={noop} error="Cannot be on" />);
    expect(markup).toContain('aria-describedby="t-error"');
    expect(markup).toContain('role="alert"');
    expect(markup).toContain('id="t-error"');
  });
});

describe('Checkbox', () => {
  it("is the Atlassian Design System's checkbox: a native checkbox inside the label that names it", () => {
    const markup = html(<Checkbox id="show-count" label="Number of views" checked onChange={noop} />);
    expect(markup).toMatch(/^<label[^>]*data-testid="show-count--checkbox-label"[^>]*><input[^>]*type="checkbox"[^>]*checked=""/);
    expect(markup).toContain('>Number of views</span></label>');
  });
});

describe('Field', () => {
  it('labels its control and describes it with helper and error', () => {
    const markup = html(
      <Field id="blocking-time" label="Blocking time" helper="In ms" errors={['Too long']}>
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(markup).toContain('for="blocking-time"');
    expect(markup).toContain('aria-describedby="blocking-time-helper blocking-time-error"');
    expect(markup).toContain('aria-invalid="true"');
    expect(markup).toContain('Too long');
  });
});

describe('Button', () => {
  it("is the Atlassian Design System's button, which keeps its label for screen readers while busy", () => {
    const markup = html(<Button appearance="primary" isLoading>Save</Button>);
    expect(markup).toContain('aria-disabled="true"');
    expect(markup).toMatch(/>Save<\/span>.*>, Loading<\/span><\/button>$/);
    expect(markup).toContain('data-testid="spinner-wrapper"');
    expect(markup).toContain('type="button"');
  });

  it('keeps a link-styled button a plain button (ADS has no link-looking button)', () => {
    expect(html(<Button appearance="link" aria-expanded={false}>Show older changes</Button>)).toBe('<button aria-expanded="false" type="button" class="vt-link-button">Show older changes</button>');
  });
});

describe('Picker', () => {
  it('is a collapsed Atlassian select labelled by its id, with no value inside (picked values are tags beside it)', () => {
    const markup = html(
      <Picker
        id="groups"
        search={async () => ({ ok: true, data: { items: [], nextCursor: null } })}
        getKey={(item: string) => item}
        getLabel={(item: string) => item}
        isSelected={() => false}
        onPick={noop}
        noun="groups"
        multiple
      />,
    );
    expect(markup).toMatch(/<input[^>]*id="groups"[^>]*role="combobox"|<input[^>]*role="combobox"[^>]*id="groups"/);
    expect(markup).toContain('aria-expanded="false"');
    expect(markup).not.toContain('role="listbox"');
    expect(markup).toContain('Search groups');
  });
});

describe('RadioGroup', () => {
  it('is a fieldset of native radios, showing nested content only for the chosen option', () => {
    const markup = html(
      <RadioGroup
        name="mode"
        legend="Privacy mode"
        value="b"
        onChange={noop}
        options={[
          { value: 'a', label: 'A', whenSelected: <span>nested-a</span> },
          { value: 'b', label: 'B', description: 'About B', whenSelected: <span>nested-b</span> },
        ]}
      />,
    );
    expect(markup).toContain('<legend');
    expect(markup.match(/type="radio"/g)).toHaveLength(2);
    expect(markup).toContain('aria-describedby="mode-b-description"');
    expect(markup).toContain('nested-b');
    expect(markup).not.toContain('nested-a');
  });
});

describe('EmptyState', () => {
  it('uses the heading level it is given', () => {
    expect(html(<EmptyState header="Nothing" headingLevel={1} />)).toContain('<h1 class="vt-empty-state__header">Nothing</h1>');
  });
});

describe('Table', () => {
  const columns = [
    { key: 'page', header: 'Page', cell: (row: { id: string; views: number }) => row.id },
    { key: 'views', header: 'Views', cell: (row: { id: string; views: number }) => row.views, align: 'end' as const },
  ];

  it('has a caption and column headers scoped to their columns', () => {
    const markup = html(<Table caption="Top pages" columns={columns} rows={[{ id: 'Home', views: 3 }]} rowKey={(row) => row.id} />);
    expect(markup).toMatch(/<caption[^>]*><span class="vt-table__caption">Top pages<\/span><\/caption>/);
    expect(markup.match(/<th [^>]*scope="col"/g)).toHaveLength(2);
    expect(markup).toContain('>Home</td>');
  });

  it('shows its empty view instead of an empty table', () => {
    const markup = html(<Table caption="Top pages" columns={columns} rows={[]} rowKey={(row) => row.id} emptyView={<p>No views yet</p>} />);
    expect(markup).toBe('<p>No views yet</p>');
  });
});
