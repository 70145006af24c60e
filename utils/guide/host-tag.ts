/** Tag of the guide's host element (ours, appended to `<html>`; the portal's elements are never modified). */
export const HOST_TAG = 'pfdo-guide';
