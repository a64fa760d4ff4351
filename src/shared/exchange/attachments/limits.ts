/** What attachments may be, as the server enforces it and the web app checks before uploading. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** Files one message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 20;
