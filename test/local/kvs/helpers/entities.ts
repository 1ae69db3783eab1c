import { EntityDefinition } from '../../../../local/kvs';

/** Entities in manifest.yml shape, used by every contract test. */
export const TEST_ENTITIES: EntityDefinition[] = [
  {
    name: 'page-view',
    attributes: {
      space: { type: 'string' },
      page: { type: 'string' },
      day: { type: 'integer' },
      views: { type: 'integer' },
      title: { type: 'string' },
      score: { type: 'float' },
      pinned: { type: 'boolean' },
      extra: { type: 'any' },
    },
    indexes: [
      'day',
      'title',
      { name: 'by-space-day', partition: ['space'], range: ['day'] },
      { name: 'by-space-page-day', partition: ['space', 'page'], range: ['day'] },
      { name: 'by-score', range: ['score'] },
      { name: 'by-pinned', range: ['pinned'] },
    ],
  },
  {
    name: 'counter',
    attributes: { count: { type: 'integer' }, owner: { type: 'string' } },
    indexes: ['count'],
  },
];

export interface PageView {
  space?: string;
  page?: string;
  day?: number;
  views?: number;
  title?: string;
  score?: number;
  pinned?: boolean;
  extra?: unknown;
}

export interface Counter {
  count: number;
  owner?: string;
}
