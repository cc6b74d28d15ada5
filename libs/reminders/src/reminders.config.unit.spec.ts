import { remindersConfigFromEnv } from './reminders.config';

describe('the reminders settings', () => {
  it('has the defaults the README gives', () => {
    const config = remindersConfigFromEnv({});
    expect(config.enabled).toBe(true);
    expect(config.timing).toEqual({
      leadDays: 7,
      escalationDaysPriority: 14,
      escalationDaysOther: 28,
      sendAt: { hour: 8, minute: 0 },
    });
    expect(config.smtpUrl).toBeNull();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.keyPrefix).toBe('al:reminders');
  });

  it('reads each setting by its name', () => {
    const config = remindersConfigFromEnv({
      REMINDERS: 'off',
      REMINDER_LEAD_DAYS: '3',
      ESCALATION_DAYS_PRIORITY: '10',
      ESCALATION_DAYS_OTHER: '20',
      REMINDER_SEND_AT: 'now',
      SMTP_URL: 'smtp://mail.example.gov.uk:587',
      PUBLIC_URL: 'https://actions.example.gov.uk/',
      READ_MODEL_KEY_PREFIX: 'durham',
    });
    expect(config.enabled).toBe(false);
    expect(config.timing).toEqual({
      leadDays: 3,
      escalationDaysPriority: 10,
      escalationDaysOther: 20,
      sendAt: 'now',
    });
    expect(config.smtpUrl).toBe('smtp://mail.example.gov.uk:587');
    expect(config.publicUrl).toBe('https://actions.example.gov.uk');
    expect(config.keyPrefix).toBe('durham:reminders');
  });

  it('names a bad setting in its sentence', () => {
    expect(() => remindersConfigFromEnv({ REMINDER_SEND_AT: '25:00' })).toThrow(
      /REMINDER_SEND_AT must be a time/,
    );
    expect(() => remindersConfigFromEnv({ REMINDER_LEAD_DAYS: '-1' })).toThrow(
      /REMINDER_LEAD_DAYS must be a whole/,
    );
    expect(() => remindersConfigFromEnv({ ESCALATION_DAYS_OTHER: '0' })).toThrow(/ESCALATION_DAYS_OTHER/);
    expect(() => remindersConfigFromEnv({ SMTP_URL: 'mail.example' })).toThrow(
      /SMTP_URL must start with smtp/,
    );
    expect(() => remindersConfigFromEnv({ REMINDERS: 'maybe' })).toThrow(/REMINDERS must be on/);
  });
});
