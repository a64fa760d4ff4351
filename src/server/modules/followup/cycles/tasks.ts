/**
 * What the follow-up tells people goes through the secure exchange: a message in the addressed
 * unit's inbox, with its delivery, its event on the log (live stream) and the e-mail notices that
 * follow any message. Nothing here is sensitive beyond a title, so tasks go TLP:GREEN.
 */

/** The report's page, absolute when the platform knows its public address (mail readers need it). */
export const reportLink = (publicUrl: string, reportId: string) => `${publicUrl}/followup/reports/${reportId}`;

export interface CycleLetterFacts {
  cycleTitle: string;
  deadline: string;
  reportId: string;
  publicUrl: string;
}

export function taskText(facts: CycleLetterFacts) {
  const link = reportLink(facts.publicUrl, facts.reportId);
  return {
    subject: `Review cycle: report on "${facts.cycleTitle}" due ${facts.deadline}`,
    body: [
      `The secretariat has opened the review cycle **${facts.cycleTitle}**.`,
      '',
      `Please report on the progress of your organisation's commitments it covers by **${facts.deadline}**:`,
      `draft your report, then submit it to the secretariat.`,
      '',
      `Your report: ${link}`,
    ].join('\n'),
  };
}

export function reminderText(facts: CycleLetterFacts) {
  const link = reportLink(facts.publicUrl, facts.reportId);
  return {
    subject: `Reminder: report on "${facts.cycleTitle}" due ${facts.deadline}`,
    body: `Your organisation's report for the review cycle **${facts.cycleTitle}** is due by **${facts.deadline}** and has not been submitted yet.\n\nYour report: ${link}`,
  };
}

export function lateText(facts: CycleLetterFacts) {
  const link = reportLink(facts.publicUrl, facts.reportId);
  return {
    subject: `Late: report on "${facts.cycleTitle}" was due ${facts.deadline}`,
    body: `The deadline of the review cycle **${facts.cycleTitle}** (${facts.deadline}) has passed and your organisation's report has not been submitted. The secretariat has recorded it as late.\n\nYour report: ${link}`,
  };
}

export function actionDueText(
  action: { title: string; dueOn: string; commitmentTitle: string; commitmentId: string },
  publicUrl: string,
) {
  return {
    subject: `Action due ${action.dueOn}: ${action.title}`,
    body: `The action **${action.title}** of the commitment **${action.commitmentTitle}** is due on **${action.dueOn}** and is not done yet.\n\nThe commitment: ${publicUrl}/followup/commitments/${action.commitmentId}`,
  };
}
