/**
 * What a handler may return for a reply whose contract type is `T` (the `Static` of its schema in
 * src/shared/…/contract.ts): the same fields, with enumerations widened to text and dates allowed as
 * `Date`, as rows carry them — the database checks the values, and the serialiser writes a `Date` as
 * ISO text. Annotating a handler with it makes a field renamed or missing on either side a compile
 * error, where otherwise the serialiser would only fail (or drop the field) at run time.
 * Fields named in `Loose` are left to the reply schema alone: JSON columns the rows leave untyped,
 * maps built at run time.
 */
export type Wire<T, Loose extends PropertyKey = never> = T extends string
  ? string | Date
  : T extends readonly (infer Item)[]
    ? Wire<Item, Loose>[]
    : T extends object
      ? { [Key in keyof T]: Key extends Loose ? unknown : Wire<T[Key], Loose> }
      : T;
