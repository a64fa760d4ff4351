import PDFDocument from 'pdfkit';
import { ACTION_STATUSES, REPORT_PROGRESS } from '../../../../shared/followup/vocabulary.js';
import { winAnsi } from '../../knowledge/export/pdf-text.js';
import type { CycleReportData } from './export-service.js';

const MARGIN = 56;
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
/** One colour per progress and per action status, distinguishable in greyscale print too. */
const PROGRESS_COLOURS: Record<string, string> = {
  not_started: '#bdbdbd',
  draft: '#80b1d3',
  submitted: '#1f78b4',
  returned: '#fdb462',
  late: '#e31a1c',
  accepted: '#33a02c',
};
const ACTION_COLOURS: Record<string, string> = {
  planned: '#bdbdbd',
  in_progress: '#1f78b4',
  done: '#33a02c',
  delayed: '#fdb462',
  cancelled: '#6a3d9a',
};

const TEXT = {
  en: {
    title: 'Review cycle report',
    deadline: 'Deadline',
    status: { open: 'open', closed: 'closed' } as Record<string, string>,
    plan: 'Action plan',
    reviewers: 'Peer reviewers',
    none: 'none',
    progressTable: 'Progress of the partners',
    partner: 'Partner',
    progressCol: 'Progress',
    submitted: 'Submitted',
    comments: 'Comments',
    partnersChart: 'Partners by progress',
    actionsChart: 'Actions by status',
    noActions: 'No action you may see.',
    summary: 'Summary',
    noSummary: 'No summary yet.',
    entries: 'Commitments',
    assessment: 'Assessment',
    closing: 'Closing summary',
    progress: {
      not_started: 'Not started',
      draft: 'Draft',
      submitted: 'Submitted',
      returned: 'Returned',
      late: 'Late',
      accepted: 'Accepted',
    } as Record<string, string>,
    actions: {
      planned: 'Planned',
      in_progress: 'In progress',
      done: 'Done',
      delayed: 'Delayed',
      cancelled: 'Cancelled',
    } as Record<string, string>,
    assessments: { on_track: 'on track', at_risk: 'at risk', off_track: 'off track', completed: 'completed' } as Record<
      string,
      string
    >,
    page: (n: number, total: number) => `Page ${n} of ${total}`,
  },
  fr: {
    title: 'Rapport du cycle de revue',
    deadline: 'Échéance',
    status: { open: 'ouvert', closed: 'clos' } as Record<string, string>,
    plan: "Plan d'action",
    reviewers: 'Pairs examinateurs',
    none: 'aucun',
    progressTable: 'Avancement des partenaires',
    partner: 'Partenaire',
    progressCol: 'Avancement',
    submitted: 'Soumis le',
    comments: 'Commentaires',
    partnersChart: 'Partenaires par avancement',
    actionsChart: 'Actions par statut',
    noActions: 'Aucune action visible.',
    summary: 'Synthèse',
    noSummary: 'Pas encore de synthèse.',
    entries: 'Engagements',
    assessment: 'Appréciation',
    closing: 'Synthèse de clôture',
    progress: {
      not_started: 'Non commencé',
      draft: 'Brouillon',
      submitted: 'Soumis',
      returned: 'Renvoyé',
      late: 'En retard',
      accepted: 'Accepté',
    } as Record<string, string>,
    actions: {
      planned: 'Prévue',
      in_progress: 'En cours',
      done: 'Réalisée',
      delayed: 'Retardée',
      cancelled: 'Annulée',
    } as Record<string, string>,
    assessments: { on_track: 'en bonne voie', at_risk: 'à risque', off_track: 'en retard', completed: 'achevé' } as Record<
      string,
      string
    >,
    page: (n: number, total: number) => `Page ${n} sur ${total}`,
  },
};
type Text = (typeof TEXT)['en'];

const width = (doc: PDFKit.PDFDocument) => doc.page.width - 2 * MARGIN;

function heading(doc: PDFKit.PDFDocument, text: string, size = 14) {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
  doc
    .moveDown(0.6)
    .font('Helvetica-Bold')
    .fontSize(size)
    .fillColor(INK)
    .text(winAnsi(text), MARGIN, doc.y, { width: width(doc) });
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
}

function paragraph(doc: PDFKit.PDFDocument, text: string, colour = INK) {
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(colour)
    .text(winAnsi(text), MARGIN, doc.y, { width: width(doc) });
}

/** Coloured square + label, in a row under a chart. */
function legend(doc: PDFKit.PDFDocument, items: { label: string; colour: string; count: number }[]) {
  let x = MARGIN;
  let y = doc.y + 4;
  doc.fontSize(8);
  for (const item of items) {
    const label = winAnsi(`${item.label} (${item.count})`);
    const w = 14 + doc.widthOfString(label) + 12;
    if (x + w > MARGIN + width(doc)) {
      x = MARGIN;
      y += 14;
    }
    doc.rect(x, y, 9, 9).fill(item.colour);
    doc.fillColor(INK).text(label, x + 13, y + 1, { lineBreak: false });
    x += w;
  }
  doc.x = MARGIN;
  doc.y = y + 18;
  doc.fontSize(10);
}

/** One horizontal bar, split by progress: the share of partners in each state. */
function partnersChart(doc: PDFKit.PDFDocument, data: CycleReportData, text: Text) {
  heading(doc, text.partnersChart, 12);
  const counts = REPORT_PROGRESS.map((key) => ({
    key,
    count: data.partners.filter((partner) => partner.progress.progress === key).length,
  }));
  const total = data.partners.length || 1;
  const top = doc.y;
  let x = MARGIN;
  for (const { key, count } of counts) {
    const w = (width(doc) * count) / total;
    if (w > 0) doc.rect(x, top, w, 22).fill(PROGRESS_COLOURS[key]);
    x += w;
  }
  doc.rect(MARGIN, top, width(doc), 22).lineWidth(0.5).stroke(MUTED);
  doc.y = top + 26;
  legend(
    doc,
    counts.map(({ key, count }) => ({ label: text.progress[key], colour: PROGRESS_COLOURS[key], count })),
  );
}

/** Vertical bars, one per action status, scaled to the largest. */
function actionsChart(doc: PDFKit.PDFDocument, data: CycleReportData, text: Text) {
  heading(doc, text.actionsChart, 12);
  const counts = ACTION_STATUSES.map((key) => ({ key, count: data.actions[key] ?? 0 }));
  const max = Math.max(0, ...counts.map((c) => c.count));
  if (max === 0) {
    paragraph(doc, text.noActions, MUTED);
    return;
  }
  const height = 90;
  const top = doc.y + 12;
  const slot = width(doc) / counts.length;
  doc.fontSize(8);
  counts.forEach(({ key, count }, index) => {
    const h = (height * count) / max;
    const x = MARGIN + index * slot + slot * 0.2;
    doc.rect(x, top + height - h, slot * 0.6, h).fill(ACTION_COLOURS[key]);
    doc.fillColor(INK).text(String(count), x, top + height - h - 10, { width: slot * 0.6, align: 'center' });
    doc.text(winAnsi(text.actions[key]), MARGIN + index * slot, top + height + 4, { width: slot, align: 'center' });
  });
  doc
    .moveTo(MARGIN, top + height)
    .lineTo(MARGIN + width(doc), top + height)
    .lineWidth(0.5)
    .stroke(MUTED);
  doc.x = MARGIN;
  doc.y = top + height + 20;
  doc.fontSize(10);
}

function progressTable(doc: PDFKit.PDFDocument, data: CycleReportData, text: Text) {
  heading(doc, text.progressTable, 12);
  const columns = [0.46, 0.2, 0.2, 0.14].map((share) => share * width(doc));
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - MARGIN - 20) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor(INK);
    let bottom = y;
    cells.forEach((cell, index) => {
      doc.text(winAnsi(cell), x, y, { width: columns[index] - 6 });
      bottom = Math.max(bottom, doc.y);
      x += columns[index];
    });
    doc.x = MARGIN;
    doc.y = bottom + 3;
  };
  row([text.partner, text.progressCol, text.submitted, text.comments], true);
  for (const { progress } of data.partners) {
    row([
      progress.organisation.name,
      text.progress[progress.progress],
      progress.submittedAt?.slice(0, 10) ?? '-',
      String(progress.commentCount),
    ]);
  }
  doc.font('Helvetica').fontSize(10);
}

function partnerSection(doc: PDFKit.PDFDocument, partner: CycleReportData['partners'][number], text: Text) {
  heading(doc, `${partner.progress.organisation.name} - ${text.progress[partner.progress.progress]}`, 12);
  doc.font('Helvetica-Bold').fontSize(10).text(winAnsi(text.summary));
  paragraph(doc, partner.summary || text.noSummary, partner.summary ? INK : MUTED);
  if (partner.entries.length) {
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).text(winAnsi(text.entries));
    for (const entry of partner.entries) {
      const assessment = entry.assessment ? ` (${text.assessments[entry.assessment]})` : '';
      doc
        .font('Helvetica-Bold')
        .fontSize(9)
        .text(winAnsi(`${entry.commitment.title}${assessment}`), MARGIN, doc.y, { width: width(doc) });
      if (entry.progress) paragraph(doc, entry.progress);
    }
  }
  if (partner.comments.length) {
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).text(winAnsi(text.comments));
    for (const comment of partner.comments) {
      doc.font('Helvetica-Oblique').fontSize(9).fillColor(MUTED);
      doc.text(winAnsi(`${comment.author.name}, ${comment.organisation.name}, ${comment.createdAt.slice(0, 10)}`));
      paragraph(doc, comment.body);
    }
  }
}

function pageNumbers(doc: PDFKit.PDFDocument, text: Text) {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(text.page(i + 1, range.count), MARGIN, doc.page.height - MARGIN / 2, { width: width(doc), align: 'center' });
    doc.page.margins.bottom = bottom;
  }
}

/** The cycle report: title, deadline, progress table and charts (vector shapes), then each partner. */
export async function renderCycleReport(data: CycleReportData, language: 'en' | 'fr'): Promise<Buffer> {
  const text = TEXT[language];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: language,
    displayTitle: true,
    info: { Title: winAnsi(`${text.title}: ${data.title}`), Creator: 'Liaison', CreationDate: data.exportedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(winAnsi(text.title));
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .fillColor(INK)
    .text(winAnsi(data.title), { width: width(doc) });
  doc.moveDown(0.4);
  paragraph(doc, `${text.deadline}: ${data.deadline} (${text.status[data.status]})`);
  if (data.plan) paragraph(doc, `${text.plan}: ${data.plan}`);
  paragraph(doc, `${text.reviewers}: ${data.reviewers.map((r) => r.name).join(', ') || text.none}`);
  if (data.closingSummary) {
    heading(doc, text.closing, 12);
    paragraph(doc, data.closingSummary);
  }
  progressTable(doc, data, text);
  partnersChart(doc, data, text);
  actionsChart(doc, data, text);
  for (const partner of data.partners) partnerSection(doc, partner, text);
  pageNumbers(doc, text);
  doc.end();
  return finished;
}
