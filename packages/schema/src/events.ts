/** Events on the server's one bus, streamed to the dashboard over `/api/events`. Never carry secrets. */
export type AppEvent = { type: 'settings.changed'; at: string; changed: string[] };

export type AppEventType = AppEvent['type'];
