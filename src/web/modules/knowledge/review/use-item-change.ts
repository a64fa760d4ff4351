import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { documentUrl, itemUrl, type ReviewItem, reviewKeys } from './review-api.js';

/** Every change a reviewer makes to an item; each names the revision it was made on. */
export type ItemChange =
  | { kind: 'edit'; patch: Record<string, unknown> }
  | { kind: 'split'; offset: number }
  | { kind: 'publish' }
  | { kind: 'withdraw' }
  | { kind: 'mergeWithNext'; next: ReviewItem };

function send(item: ReviewItem, change: ItemChange): Promise<unknown> {
  const revision = item.revision;
  switch (change.kind) {
    case 'edit':
      return api.patch(itemUrl(item.id), { revision, ...change.patch });
    case 'split':
      return api.post(itemUrl(item.id, '/split'), { revision, offset: change.offset });
    case 'publish':
    case 'withdraw':
      return api.post(itemUrl(item.id, `/${change.kind}`), { revision });
    case 'mergeWithNext':
      return api.post(documentUrl(item.documentId, '/merge'), {
        items: [
          { id: item.id, revision },
          { id: change.next.id, revision: change.next.revision },
        ],
      });
  }
}

/**
 * Sends a change and reloads the document afterwards: a split or a merge moves other items too,
 * so the whole list is fetched again rather than patched in place.
 */
export function useItemChange(item: ReviewItem, onDone?: () => void) {
  return useMutation({
    mutationFn: (change: ItemChange) => send(item, change),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: reviewKeys.document(item.documentId) });
      await queryClient.invalidateQueries({ queryKey: reviewKeys.itemHistory(item.id) });
      onDone?.();
    },
  });
}
