// The browser build of csv-stringify's sync API has the same types as its ESM build; TypeScript's
// `node` resolution does not read package "exports", so the sub-path is declared here.
declare module 'csv-stringify/browser/esm/sync' {
  export { stringify } from 'csv-stringify/dist/esm/sync';
}
