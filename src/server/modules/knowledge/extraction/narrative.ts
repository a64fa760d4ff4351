/**
 * Paragraphs that tell the meeting's own story rather than state a practice, challenge,
 * recommendation or conclusion: media coverage and impressions, attendance, logistics, the agenda,
 * thanks, who opened the meeting or took the floor. They are dropped wherever they stand; the
 * trained detector (items.ts) catches the rest of the narrative.
 */
const NARRATIVE_PARAGRAPH: RegExp[] = [
  // Media coverage: "the meeting's posts reached 40,000 impressions on LinkedIn".
  /\b(impressions|tweets?|retweet\w*|linkedin|hashtags?|followers|abonnés|likes|engagement rate|taux d'engagement|press coverage|media coverage|couverture médiatique|communiqués? de presse|press releases?)\b/i,
  // Attendance: "The meeting gathered 85 participants from 30 countries", "a réuni 60 participants".
  /\b(gathered|brought together|attended by|was attended|a réuni|ont réuni|réunissait|ont pris part|took part)\b.{0,80}\b(\d+|participants|delegations|délégations|representatives|représentants)\b/i,
  /^(some |about |around |more than |plus de |près de |environ )?\d+ (participants|delegates|representatives|délégués|représentants)\b/i,
  // Logistics.
  /\b(coffee breaks?|pauses?[- ]café|lunch|déjeuner|dinner|dîner|interpretation (was|will be) provided|interprétation simultanée|simultaneous interpretation)\b/i,
  // Agenda and the running of the meeting.
  /^(the )?(agenda|programme|ordre du jour|le programme)\b|\b(the meeting|la réunion|the session|la session|the workshop|l'atelier) (was|a été) (opened|ouverte?|chaired|présidée?|moderated|modérée?|closed|clôturée?)\b/i,
  /\b(took the floor|a pris la parole|ont pris la parole|gave the floor|a donné la parole|opened the (meeting|session|workshop)|a ouvert (la réunion|la session|l'atelier)|welcomed the participants|a souhaité la bienvenue)\b/i,
  // Thanks.
  /^(\S+ ){0,6}(thanked|remercié|remercient|remercie|expressed (their|its|his|her) (gratitude|thanks|appreciation) (to|for)|ont exprimé leur (gratitude|reconnaissance))\b/i,
];

export function isNarrativeParagraph(text: string): boolean {
  return NARRATIVE_PARAGRAPH.some((pattern) => pattern.test(text));
}
