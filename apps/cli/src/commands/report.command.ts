import { readFile, writeFile } from 'node:fs/promises';
import { AuditChainBrokenError } from '@actionledger/audit';
import {
  AggregateLoader,
  CommandExecutor,
  operatorContext,
  systemClock,
} from '@actionledger/command-handling';
import { isCalendarDate, REPORT_FORMATS, type ReportFormat } from '@actionledger/domain';
import { InvalidQueryError } from '@actionledger/projections';
import { CommitteeReportService } from '@actionledger/reports';
import { Command, Option } from 'commander';
import { CliError, EXIT } from '../cli-error';
import type { CliIo } from '../cli-io';
import { withOperatorSession } from '../operator-session';

interface CommitteeOptions {
  inspection?: string;
  organisation?: string;
  since?: string;
  asOf?: string;
  format: ReportFormat;
  out: string;
  issue?: boolean;
}

const date = (field: string) => (value: string) => {
  if (!isCalendarDate(value))
    throw new CliError(`--${field} must be a date, YYYY-MM-DD: "${value}".`, EXIT.usage);
  return value;
};

export function reportCommand(io: CliIo): Command {
  const report = new Command('report').description(
    "the board pack: the scrutiny committee's progress report",
  );

  report
    .command('committee')
    .description(
      "write the committee's progress report on one inspection's plan from the log; with --issue, record that " +
        'this very file was issued (its SHA-256 and the audit head it cites)',
    )
    .option('--inspection <id>', 'the inspection')
    .option(
      '--organisation <name>',
      'instead of --inspection: every open inspection of the organisation, in one file',
    )
    .option(
      '--since <date>',
      'progress since this day (default: the day after the last report issued)',
      date('since'),
    )
    .option('--as-of <date>', 'the position as at the end of this day (default: today)', date('as-of'))
    .addOption(new Option('--format <format>', 'the file to write').choices(REPORT_FORMATS).default('docx'))
    .requiredOption('--out <file>', 'where to write it')
    .option('--issue', 'append ReportIssued, so that the next report starts after this one')
    .action(async (options: CommitteeOptions) => {
      await withOperatorSession(io, async ({ store, directory }) => {
        const service = new CommitteeReportService(store, directory, systemClock);
        try {
          const context = operatorContext();
          const period = { since: options.since, asOf: options.asOf };
          const reports = await reportsAsked(options, period).catch((error: unknown) => {
            if (error instanceof InvalidQueryError) throw new CliError(error.message, EXIT.usage);
            if (error instanceof AuditChainBrokenError) throw new CliError(error.message, EXIT.tampered);
            throw error;
          });
          const rendered = await service.render(reports, options.format);
          await writeFile(options.out, rendered.bytes);
          for (const result of reports) {
            const from = result.since ? `from ${result.since}` : 'since the inspection';
            io.out(
              `Wrote ${options.out}: the report on ${result.inspection.authority} as at ${result.asOf}, ${from}.`,
            );
          }
          io.out(`It cites audit head ${reports[0].auditHead!.digest}.`);
          if (options.issue) {
            const commands = new CommandExecutor(store, systemClock, new AggregateLoader(store));
            const issued = await service.issue(commands, context, reports, options.format, rendered);
            io.out(
              `Issued: ReportIssued at log position ${issued.map((r) => r.position).join(', ')}. Check a copy with: ` +
                `npx actionledger report check ${options.out}`,
            );
          }

          async function reportsAsked(asked: CommitteeOptions, dates: typeof period) {
            if ((asked.inspection === undefined) === (asked.organisation === undefined)) {
              throw new CliError(
                'Name one --inspection, or an --organisation for all its open inspections.',
                EXIT.usage,
              );
            }
            if (asked.inspection !== undefined) {
              return [await service.report(context.actor, { inspectionId: asked.inspection, ...dates })];
            }
            const organisation = await directory.organisationByName(asked.organisation!);
            if (!organisation)
              throw new CliError(`There is no organisation called "${asked.organisation}".`, EXIT.notFound);
            const all = await service.reportsOfOrganisation(organisation.organisationId, dates);
            if (!all.length)
              throw new CliError(`${organisation.name} has no open inspection.`, EXIT.notFound);
            return all;
          }
        } finally {
          await service.close();
        }
      });
    });

  report
    .command('check')
    .description('say whether a file is a report the system issued, byte for byte (exit 4 when it is not)')
    .argument('<file>', 'the report file (any format)')
    .action(async (file: string) => {
      const bytes = await readFile(file).catch(() => {
        throw new CliError(`Cannot read ${file}.`, EXIT.usage);
      });
      await withOperatorSession(io, async ({ store, directory }) => {
        const issue = await new CommitteeReportService(store, directory, systemClock).issued(bytes);
        if (!issue) {
          throw new CliError(
            `${file} is not a report this system issued: no ReportIssued has its SHA-256 (it may have been edited).`,
            EXIT.tampered,
          );
        }
        io.out(
          `${file} is the ${issue.format} report issued on ${issue.issuedAt.slice(0, 10)} for inspection ` +
            `${issue.inspectionId}, as at ${issue.asOf}${issue.since ? ` from ${issue.since}` : ''}.`,
        );
        io.out(`It cites audit head ${issue.auditHead}; check the log still extends it with:`);
        io.out(`npx actionledger audit verify --head ${issue.auditHead}`);
      });
    });

  return report;
}
