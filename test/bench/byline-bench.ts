/**
 * Byline renders as readers cause them: a sample of the synthetic day's page views, each rendering
 * its byline just before its own view event is processed (so a first visit has no evidence yet), as
 * that viewer (anonymous visitors too). Counts KVS units and Confluence calls per render.
 */
import { bylineProperties } from '../../src/triggers/byline-properties';
import { measured } from './unit-meter';
import type { DayView } from './synthetic-day';

export interface BylineTally { renders: number; read: number; write: number; confluence: number; counted: number }

export function newBylineTally(): BylineTally {
  return { renders: 0, read: 0, write: 0, confluence: 0, counted: 0 };
}

export async function renderByline(view: DayView, tally: BylineTally): Promise<void> {
  const context = view.accountId ? { principal: { accountId: view.accountId } } : {};
  const { result, units } = await measured(() => bylineProperties({ extension: { content: { id: view.contentId, type: 'page' } } }, context));
  tally.renders += 1;
  tally.read += units.read;
  tally.write += units.write;
  tally.confluence += units.confluence ?? 0;
  if (/\d/.test(result.title)) tally.counted += 1;
}
