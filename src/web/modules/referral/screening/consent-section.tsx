/** A section of the case page (filled in by its own part of the module). */
export function ConsentSection(_props: { caseId: string }) {
  return null;
}
