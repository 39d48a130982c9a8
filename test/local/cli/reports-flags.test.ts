import { describe, expect, it } from 'vitest';
import { reportFiltersOf } from '../../../local/cli/commands/reports.ts';
import { createProgram } from '../../../local/cli/main.ts';

describe('reports and submissions flags', () => {
  it('names the flag and shows an example time when --to is not ISO 8601', () => {
    expect(() => reportFiltersOf({ to: 'yesterday' })).toThrow(
      /^--to must be an ISO 8601 time, e.g. \d{4}-\d{2}-\d{2}T00:00:00Z$/,
    );
    expect(() => reportFiltersOf({ from: 'last week' })).toThrow(/^--from must be an ISO 8601 time/);
  });

  it('refuses an empty filter value instead of listing everything', () => {
    expect(() => reportFiltersOf({ messageId: '' })).toThrow(/^--message-id needs a value$/);
    expect(() => reportFiltersOf({ senderDomain: ' ' })).toThrow(/^--sender-domain needs a value$/);
  });

  it('refuses --from after --to instead of passing an empty range to DynamoDB', () => {
    expect(() => reportFiltersOf({ from: '2026-11-25', to: '2026-11-24' })).toThrow(
      /--from \(2026-11-25T00:00:00\.000Z\) is after to \(2026-11-24T00:00:00\.000Z\)/,
    );
  });

  it('shows the default of submissions list --limit once in its help', () => {
    const submissions = createProgram().commands.find((command) => command.name() === 'submissions');
    const list = submissions?.commands.find((command) => command.name() === 'list');
    const help = list?.helpInformation() ?? '';
    expect(help).toMatch(/--limit <n>\s+most rows \(default: "50"\)/);
    expect(
      help
        .split('\n')
        .find((line) => line.includes('--limit'))
        ?.match(/default/g),
    ).toHaveLength(1);
  });
});
