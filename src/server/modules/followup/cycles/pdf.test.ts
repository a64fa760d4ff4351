import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { CommitmentSummary } from '../../../../shared/followup/contract.js';
import type { CycleReportData } from './export-service.js';
import { renderCycleReport } from './pdf.js';

const organisation = (i: number) => ({ id: `org-${i}`, name: `Partner organisation ${i}`, acronym: null, country: null });
const commitment = (i: number, j: number): CommitmentSummary => ({
  id: `c-${i}-${j}`,
  title: `Commitment ${j} of partner ${i}`,
  status: 'active',
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  lead: organisation(i),
  references: [],
  handlingCode: 'TLP:CLEAR',
  actions: { planned: 1, in_progress: 1, done: 0, delayed: 0, cancelled: 0 },
  overdueActions: 0,
  indicators: { total: 0, achieved: 0, onTrack: 0, offTrack: 0 },
  updatedAt: '2026-06-01T00:00:00.000Z',
});
const PROGRESS = ['not_started', 'draft', 'submitted', 'returned', 'late', 'accepted'] as const;

function cycleOf(partners: number): CycleReportData {
  return {
    title: 'Cadiz Action Plan mid-term review 2026',
    plan: 'CAP',
    deadline: '2026-12-31',
    status: 'open',
    closingSummary: null,
    reviewers: [organisation(999)],
    partners: Array.from({ length: partners }, (_, i) => ({
      progress: {
        reportId: `r-${i}`,
        organisation: organisation(i),
        status: 'draft',
        progress: PROGRESS[i % PROGRESS.length],
        submittedAt: null,
        commentCount: 2,
        readable: true,
      },
      summary: `Summary of partner ${i}: ${'progress on training and assistance desks. '.repeat(8)}`,
      entries: Array.from({ length: 4 }, (_, j) => ({
        commitment: commitment(i, j),
        progress: `Entry ${j}: ${'officers trained, desks opened, referrals made. '.repeat(5)}`,
        assessment: 'on_track' as const,
      })),
      comments: Array.from({ length: 2 }, (_, k) => ({
        id: `k-${i}-${k}`,
        author: { id: 'u', name: 'Reviewer Demo' },
        organisation: organisation(999),
        body: `Comment ${k} on partner ${i}.`,
        bodyHtml: '',
        createdAt: '2026-06-01T00:00:00.000Z',
      })),
    })),
    actions: { planned: 40, in_progress: 25, done: 60, delayed: 8, cancelled: 3 },
    exportedAt: new Date('2026-06-01T00:00:00Z'),
  };
}

describe('the cycle report PDF', () => {
  it('renders 50 partners well within 10 seconds, every partner named', async () => {
    const started = performance.now();
    const pdf = await renderCycleReport(cycleOf(50), 'en');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(10_000);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(totalPages).toBeGreaterThan(5);
    for (let i = 0; i < 50; i++) expect(text).toContain(`Partner organisation ${i}`);
    expect(text).toContain('Page 1 of');
  });

  it('draws in French, and without actions or partners says so', async () => {
    const empty = { ...cycleOf(0), actions: {} };
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await renderCycleReport(empty, 'fr'))), {
      mergePages: true,
    });
    expect(text).toContain('Rapport du cycle de revue');
    expect(text).toContain('Aucune action visible.');
  });
});
