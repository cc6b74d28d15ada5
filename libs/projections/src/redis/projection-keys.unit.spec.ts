import { ProjectionKeys } from './projection-keys';

describe('ProjectionKeys.isRebuildable', () => {
  const keys = new ProjectionKeys('al');

  it('drops read models, directories and projection checkpoints', () => {
    expect(keys.isRebuildable(keys.documents('org-1', 'actions'))).toBe(true);
    expect(keys.isRebuildable(keys.directory('action'))).toBe(true);
    expect(keys.isRebuildable(keys.checkpoint('plans'))).toBe(true);
  });

  it('keeps what is not a read model: reactors, the runner, the reminders’ queues, and other installs’ keys', () => {
    expect(keys.isRebuildable(keys.reactor('finding-resolution', 'checkpoint'))).toBe(false);
    expect(keys.isRebuildable(keys.lease())).toBe(false);
    expect(keys.isRebuildable('al:reminders:timers:delayed')).toBe(false);
    expect(keys.isRebuildable('alpha:{org-1}:actions')).toBe(false);
  });
});
