import { displayConditionHolds } from '../../../local/host/display-conditions';

const withProperty = (contentId: string, key: string) => contentId === '1' && key === 'viewtracker_figures';
const exists = { entityPropertyExists: { entity: 'content', propertyKey: 'viewtracker_figures' } };

describe('display conditions as the local host evaluates them (the two channel beacon modules)', () => {
  it('shows the figured module only where the content has the property, the plain one elsewhere', () => {
    expect(displayConditionHolds(exists, '1', withProperty)).toBe(true);
    expect(displayConditionHolds(exists, '2', withProperty)).toBe(false);
    expect(displayConditionHolds({ not: exists }, '1', withProperty)).toBe(false);
    expect(displayConditionHolds({ not: exists }, '2', withProperty)).toBe(true);
  });

  it('is false without content (no entity in the context), and leaves other conditions to their pages', () => {
    expect(displayConditionHolds(exists, null, withProperty)).toBe(false);
    expect(displayConditionHolds({ not: exists }, null, withProperty)).toBe(true);
    expect(displayConditionHolds({ isAdmin: true }, '1', withProperty)).toBe(true);
    expect(displayConditionHolds(undefined, '1', withProperty)).toBe(true);
    expect(displayConditionHolds({ or: [exists, { entityPropertyExists: { entity: 'content', propertyKey: 'other' } }] }, '1', withProperty)).toBe(true);
    expect(displayConditionHolds({ and: [exists, { not: exists }] }, '1', withProperty)).toBe(false);
  });
});
