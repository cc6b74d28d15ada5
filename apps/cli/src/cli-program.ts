import { NotFoundError } from '@actionledger/command-handling';
import { DomainRuleViolation, NotPermitted } from '@actionledger/domain';
import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './cli-error';
import type { CliIo } from './cli-io';
import { auditCommand } from './commands/audit.command';
import { backupCommands } from './commands/backup.command';
import { demoCommand } from './commands/demo.command';
import { evidenceCommand } from './commands/evidence.command';
import { lettersCommand } from './commands/letters.command';
import { migrateCommand } from './commands/migrate.command';
import { plansCommand } from './commands/plans.command';
import { projectionsCommand } from './commands/projections.command';
import { reportCommand } from './commands/report.command';
import { remindersCommand } from './commands/reminders.command';
import { streamsCommand } from './commands/streams.command';
import { accessCommands } from './commands/users.command';

const withSubcommands = (command: Command): Command[] => [
  command,
  ...command.commands.flatMap(withSubcommands),
];

export function createCliProgram(io: CliIo): Command {
  const program = new Command('actionledger').description(
    'ActionLedger: carry inspection findings through to done',
  );
  program.addCommand(streamsCommand(io));
  program.addCommand(lettersCommand(io));
  program.addCommand(plansCommand(io));
  for (const command of accessCommands(io)) program.addCommand(command);
  program.addCommand(migrateCommand(io));
  program.addCommand(projectionsCommand(io));
  program.addCommand(auditCommand(io));
  for (const command of backupCommands(io)) program.addCommand(command);
  program.addCommand(demoCommand(io));
  program.addCommand(evidenceCommand(io));
  program.addCommand(reportCommand(io));
  program.addCommand(remindersCommand(io));
  for (const command of withSubcommands(program)) {
    command.showHelpAfterError().configureOutput({ writeOut: io.out, writeErr: io.err }).exitOverride();
  }
  return program;
}

/** Runs the CLI and returns its exit code: 0 ok, 1 failure, 2 bad usage or input, 3 not found, 4 tampered. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    await createCliProgram(io).parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.err(`actionledger: ${(error as Error).message}`);
    if (error instanceof CliError) return error.exitCode;
    if (error instanceof NotFoundError) return EXIT.notFound;
    return error instanceof DomainRuleViolation || error instanceof NotPermitted ? EXIT.usage : EXIT.failure;
  }
}
