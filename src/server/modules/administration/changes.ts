/** Names of the fields whose values differ, for the audit trail (values of personal data stay out). */
export function changedFields<T extends object>(before: T, after: T): string[] {
  return (Object.keys(after) as (keyof T)[])
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map(String);
}

/** The audit action of an edit: deactivation and reactivation are named as such. */
export function changeAction(kind: string, activeBefore: boolean, activeAfter: boolean): string {
  if (activeBefore === activeAfter) return `${kind}.update`;
  return activeAfter ? `${kind}.reactivate` : `${kind}.deactivate`;
}
