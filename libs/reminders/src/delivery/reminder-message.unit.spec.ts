import { composeReminder, type ReminderFacts } from './reminder-message';

const facts: ReminderFacts = {
  kind: 'overdue',
  messageId: '<overdue.a1.2026-06-01.reminder@actionledger>',
  to: [{ userId: 'u1', name: 'An Owner', email: 'owner@example.org' }],
  actionTitle: 'Audit <every> contact',
  dueDate: '2026-06-01',
  daysOverdue: 0,
  ownerName: 'An Owner',
  findingText: 'Ensure that all contacts are screened promptly.',
  findingCategory: 'priority_action',
  inspection: {
    authority: 'Durham County Council',
    inspectionType: 'contact_referral_assessment',
    inspectionDates: ['2026-03-10', '2026-03-11'],
  },
  link: 'https://actions.example.gov.uk/api/actions/a1',
};

describe('a reminder message', () => {
  it('says what is due, when, for which finding of which inspection, with a link, in text and HTML', () => {
    const message = composeReminder(facts);
    expect(message.subject).toBe('Overdue: Audit <every> contact (was due Monday, 1 June 2026)');
    expect(message.text).toContain(
      'was due on Monday, 1 June 2026 and is now overdue. It is owned by An Owner.',
    );
    expect(message.text).toContain(
      'Finding: priority action: Ensure that all contacts are screened promptly.',
    );
    expect(message.text).toContain(
      'Inspection: Durham County Council, contact referral assessment inspection of Tuesday, 10 March 2026 to Wednesday, 11 March 2026',
    );
    expect(message.text).toContain('https://actions.example.gov.uk/api/actions/a1');
    expect(message.html).toContain('<a href="https://actions.example.gov.uk/api/actions/a1">');
    // What people typed is escaped in the HTML.
    expect(message.html).toContain('Audit &lt;every&gt; contact');
    expect(message.html).not.toContain('<every>');
    expect(message.messageId).toBe(facts.messageId);
  });

  it('words each kind for its reader', () => {
    expect(composeReminder({ ...facts, kind: 'due_soon' }).subject).toBe(
      'Due soon: Audit <every> contact (due Monday, 1 June 2026)',
    );
    expect(composeReminder({ ...facts, kind: 'due' }).subject).toBe('Due today: Audit <every> contact');
    expect(composeReminder({ ...facts, kind: 'escalation', daysOverdue: 14 }).subject).toBe(
      'Escalated: Audit <every> contact is 14 days overdue',
    );
  });
});
