-- The number an outcome document gives an item ("4", or "11(b)" for a lettered sub-point of
-- paragraph 11), so that a reader can cite it as the document does; null for unnumbered items.
alter table knowledge_items add column number text;
