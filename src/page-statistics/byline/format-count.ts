/**
 * "1 view", "128 views", "12.3K views", "4.5M views": compact, because the byline has little room. One
 * copy for the dynamicProperties function and the byline property, so both say the same.
 */
export { viewCountTitle as formatViewCount, compactNumber } from '../byline-property/rules/property-value';
