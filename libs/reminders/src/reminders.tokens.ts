export const REMINDERS_CONFIG = Symbol('RemindersConfig');
export const REMINDERS_REDIS = Symbol('RemindersRedis');
export const REMINDERS_NOTIFIER = Symbol('RemindersNotifier');
export const REMINDERS_ACTION_DECIDER = Symbol('RemindersActionDecider');
